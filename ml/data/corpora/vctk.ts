// Reader for the VCTK layouts users bring: 0.80 (wav48/<spk>/<spk>_NNN.wav) and 0.92
// (wav48_silence_trimmed/<spk>/<spk>_NNN_mic1.flac / _mic2.flac), with text in txt/<spk>/<spk>_NNN.txt.

import fs from 'node:fs';
import path from 'node:path';
import { VoiceCloneError } from '../../errors';
import { filesWithExt, requireDir, requireSome, subdirs } from './fs-checks';
import { makeCorpus, type Corpus, type Gender, type Utterance } from './types';

export type VctkMic = 'mic1' | 'mic2';

/** Speaker genders from speaker-info.txt (`ID AGE GENDER ...`, ids with or without the `p`). */
function readVctkGenders(root: string): Map<string, Gender> {
  const genders = new Map<string, Gender>();
  const file = path.join(root, 'speaker-info.txt');
  if (!fs.existsSync(file)) return genders;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [id, , sex] = line.trim().split(/\s+/);
    if (id && /^[ps]?\d+$/.test(id) && (sex === 'F' || sex === 'M')) {
      genders.set(/^\d/.test(id) ? `p${id}` : id, sex);
    }
  }
  return genders;
}

/** Reads `root` (the VCTK folder); for 0.92 `mic` picks the microphone (default mic1). */
export function readVctk(root: string, mic: VctkMic = 'mic1'): Corpus {
  requireDir(root, 'VCTK corpus');
  const audioRoot = ['wav48_silence_trimmed', 'wav48'].map((d) => path.join(root, d)).find((d) => fs.existsSync(d));
  if (!audioRoot) {
    throw new VoiceCloneError('DATA_MISSING', `VCTK corpus: neither wav48/ nor wav48_silence_trimmed/ found in ${root}`);
  }
  requireDir(path.join(root, 'txt'), 'VCTK transcripts');
  const genders = readVctkGenders(root);
  const utterances: Utterance[] = [];
  const skipped: string[] = [];
  for (const speaker of subdirs(audioRoot)) {
    for (const file of filesWithExt(path.join(audioRoot, speaker), ['.wav', '.flac'])) {
      const m = /^([ps]\d+_\d+)(?:_(mic[12]))?\.(?:wav|flac)$/.exec(file);
      if (!m) {
        skipped.push(`${speaker}/${file}: name is not <speaker>_<NNN>[_mic1|_mic2].wav|flac`);
        continue;
      }
      if (m[2] !== undefined && m[2] !== mic) continue;
      const txt = path.join(root, 'txt', speaker, `${m[1]}.txt`);
      const text = fs.existsSync(txt) ? fs.readFileSync(txt, 'utf8').replace(/\s+/g, ' ').trim() : '';
      if (text === '') {
        skipped.push(`${speaker}/${file}: no text in txt/${speaker}/${m[1]}.txt`);
        continue;
      }
      utterances.push({
        id: m[1],
        speaker,
        path: path.join(audioRoot, speaker, file),
        text,
        corpus: 'vctk',
        gender: genders.get(speaker),
      });
    }
  }
  return makeCorpus(
    'vctk',
    requireSome(utterances, root, 'wav48[_silence_trimmed]/<speaker>/<speaker>_NNN[_mic1].wav|flac with txt/<speaker>/<speaker>_NNN.txt'),
    skipped,
  );
}
