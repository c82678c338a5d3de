// Speaker-encoder training material without the TTS training cache: the TTS table's real speakers read straight from
// their recordings, and speech the TTS model renders from known vectors (table rows and blends of real rows), whose targets are exact.

import { loadClip, prepareClip } from '../../audio/load';
import { logMel, type LogMel } from '../../audio/mel';
import { cutIntoSegments } from '../../audio/segments';
import type { Utterance } from '../../data/corpora/types';
import { VoiceCloneError } from '../../errors';
import { textToPhonemes } from '../../text/g2p';
import { tokensToMel } from '../tts/synthesize';
import { toTtsTokens, type TtsTokens } from '../tts/tokens';
import type { LoadedTts } from '../tts/weights';
import type { EncoderSpeaker } from './train';

/** LibriSpeech recordings are cut into pieces of about this many seconds, as for the TTS fine-tune. */
const SEGMENT_SECONDS = 3;

/** The TTS model's speaker table, one row per speaker. */
export function tableRows(tts: LoadedTts): Float32Array[] {
  const dim = tts.config.speakerDim;
  const table = tts.weights.speakerTable.dataSync() as Float32Array;
  return tts.speakers.map((_, i) => table.slice(i * dim, (i + 1) * dim));
}

/**
 * Every table speaker with recordings among `utterances` (keys `corpus:speaker`), at most `perSpeaker` clips each,
 * trimmed and loudness-normalized like a cloning clip; single long LibriSpeech recordings are cut into ~3 s pieces.
 */
export async function recordedTableSpeakers(tts: LoadedTts, utterances: readonly Utterance[], perSpeaker: number, log: (line: string) => void): Promise<EncoderSpeaker[]> {
  const byKey = new Map<string, Utterance[]>();
  for (const u of utterances) {
    const key = `${u.corpus}:${u.speaker}`;
    const list = byKey.get(key) ?? [];
    byKey.set(key, list);
    list.push(u);
  }
  const rows = tableRows(tts);
  const speakers: EncoderSpeaker[] = [];
  for (const [index, s] of tts.speakers.entries()) {
    const utts = byKey.get(s.key);
    if (!utts) continue;
    const clips: LogMel[] = [];
    for (const u of utts.slice(0, perSpeaker)) {
      const audio = (await loadClip(u.path)).audio;
      const pieces = u.corpus === 'librispeech-subset' ? cutIntoSegments(audio, SEGMENT_SECONDS) : [audio];
      for (const [k, piece] of pieces.entries()) {
        try {
          clips.push(logMel(prepareClip({ channels: [piece.samples], sampleRate: piece.sampleRate, format: 'samples' }, `${u.id}#${k}`).audio));
        } catch (e) {
          if (!(e instanceof VoiceCloneError)) throw e; // a piece with too little speech is left out
        }
      }
    }
    if (clips.length >= 2) speakers.push({ key: s.key, clips, target: rows[index] });
    if (index % 100 === 99) log(`recorded speakers: ${speakers.length} of the first ${index + 1} table rows`);
  }
  return speakers;
}

/**
 * `count` vectors between the given table rows: each a random point on the segment between two random rows, plus
 * Gaussian noise of `spread` × each dimension's standard deviation over those rows.
 */
export function blendedVectors(rows: readonly Float32Array[], count: number, spread: number, rand: () => number): Float32Array[] {
  if (rows.length < 2) throw new VoiceCloneError('BAD_ARGUMENT', 'Blending needs at least two speaker rows.');
  const dim = rows[0].length;
  const mean = new Float64Array(dim);
  const sq = new Float64Array(dim);
  for (const r of rows) r.forEach((x, d) => ((mean[d] += x / rows.length), (sq[d] += (x * x) / rows.length)));
  const std = Array.from(mean, (m, d) => Math.sqrt(Math.max(0, sq[d] - m * m)));
  const gauss = () => Math.sqrt(-2 * Math.log(Math.max(rand(), 1e-12))) * Math.cos(2 * Math.PI * rand());
  return Array.from({ length: count }, () => {
    const a = rows[Math.floor(rand() * rows.length)];
    const b = rows[Math.floor(rand() * rows.length)];
    const t = rand();
    return Float32Array.from(a, (x, d) => (1 - t) * x + t * b[d] + spread * std[d] * gauss());
  });
}

/** Phoneme tokens of the sentences (those with nothing speakable are left out). */
export async function sentenceTokens(sentences: readonly string[]): Promise<TtsTokens[]> {
  const out: TtsTokens[] = [];
  for (const s of sentences) {
    try {
      out.push(toTtsTokens((await textToPhonemes(s)).ids));
    } catch (e) {
      if (!(e instanceof VoiceCloneError)) throw e;
    }
  }
  if (out.length === 0) throw new VoiceCloneError('BAD_ARGUMENT', 'None of the sentences can be spoken.');
  return out;
}

/** Each vector speaks `perSpeaker` random sentences through the TTS model (log-mel, no vocoder): an exact target. */
export function renderedSpeakers(tts: LoadedTts, vectors: ReadonlyArray<{ key: string; vector: Float32Array }>, tokens: readonly TtsTokens[], perSpeaker: number, rand: () => number): EncoderSpeaker[] {
  return vectors.map(({ key, vector }) => ({
    key,
    target: vector,
    clips: Array.from({ length: perSpeaker }, () => tokensToMel(tts, tokens[Math.floor(rand() * tokens.length)], vector)),
  }));
}
