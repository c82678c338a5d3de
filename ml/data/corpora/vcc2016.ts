// Reader for the VCC2016 parallel corpus in ../shared/data/vcc2016 (train/ and eval/, one folder per speaker, FLAC).
// Gender comes from the speaker name (S/T source/target + F/M); text is the committed consensus transcript if present.

import path from 'node:path';
import { VoiceCloneError } from '../../errors';
import { readVcc2016Transcripts, VCC2016_TRANSCRIPTS_FILE } from '../vcc2016-transcripts';
import { filesWithExt, requireDir, requireSome, subdirs } from './fs-checks';
import { makeCorpus, type Corpus, type Gender, type Utterance } from './types';

export const VCC2016_SPEAKERS = ['SF1', 'SF2', 'SF3', 'SM1', 'SM2', 'TF1', 'TF2', 'TM1', 'TM2', 'TM3'] as const;

/** Gender encoded in a VCC2016 speaker name such as `SF1` or `TM3`. */
export function vcc2016Gender(speaker: string): Gender {
  const m = /^[ST]([FM])\d$/.exec(speaker);
  if (!m) throw new VoiceCloneError('BAD_ARGUMENT', `"${speaker}" is not a VCC2016 speaker name (e.g. SF1, TM3)`);
  return m[1] as Gender;
}

/** Reads `root` (the vcc2016 folder); `transcriptsFile` supplies text when it exists. */
export function readVcc2016(root: string, transcriptsFile = VCC2016_TRANSCRIPTS_FILE): Corpus {
  requireDir(root, 'VCC2016 corpus');
  const transcripts = readVcc2016Transcripts(transcriptsFile);
  const utterances: Utterance[] = [];
  for (const split of ['train', 'eval'] as const) {
    const splitDir = path.join(root, split);
    requireDir(splitDir, `VCC2016 ${split} split`);
    for (const speaker of subdirs(splitDir)) {
      const gender = vcc2016Gender(speaker);
      for (const file of filesWithExt(path.join(splitDir, speaker), ['.flac', '.wav'])) {
        const num = path.parse(file).name;
        utterances.push({
          id: `${speaker}_${num}`,
          speaker,
          path: path.join(splitDir, speaker, file),
          text: transcripts.get(num)?.text || undefined,
          corpus: 'vcc2016',
          split,
          gender,
        });
      }
    }
  }
  return makeCorpus('vcc2016', requireSome(utterances, root, 'train/<SPK>/1000NN.flac and eval/<SPK>/2000NN.flac'));
}

/** The sentence number (file name without extension) of a VCC2016 utterance, shared by all its parallel readings. */
export function vcc2016SentenceId(u: Utterance): string {
  return path.parse(u.path).name;
}
