// The objective metrics every voice-cloning result is measured with, in one import: verification (EER, cosine,
// classification accuracy, calibration), spectral distance (MCD with DTW), prosody (F0) and intelligibility (WER).

export { equalErrorRate, type EerResult, type TrialScores } from './eer';
export { cosineSimilarity, speakerCentroids, speakerClassificationAccuracy, type LabeledEmbedding } from './similarity';
export { calibratedProbability, fitPlatt, type PlattCalibration } from './calibration';
export { dtw, type DtwResult } from './dtw';
export { frameDistortion, mcdDtw, mcdFromAudio, melCepstra, MCD_ORDER, type McdResult } from './mcd';
export { compareF0, type F0Comparison } from './f0-metrics';
export { corpusWordErrorRate, werWords, wordErrorRate, type WerResult } from './wer';
export { logMelStatistics } from './logmel-stats';
