// The base voices of the synthetic corpus (espeak-ng accents × voice variants, flite and festival voices) and
// text → WAV synthesis with each, returning the engine's own phone segments where it can time them (flite, festival).

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { VoiceCloneError } from '../../errors';
import { runTool } from './tools';

export type Engine = 'espeak-ng' | 'flite' | 'festival';

export interface BaseVoice {
  /** Stable id, also used in file names, e.g. `espeak-ng_en-us+m3`, `flite_slt`, `festival_kal`. */
  id: string;
  engine: Engine;
  /** The engine's own voice name: `en-us+m3` for espeak-ng, `slt` for flite, `kal` for festival. */
  voice: string;
}

/** One phone as the engine labels it (festival/flite: CMU-style ARPAbet, `pau` for silence), times in seconds. */
export interface EngineSegment {
  phone: string;
  start: number;
  end: number;
}

/** espeak-ng's English accents (`espeak-ng --voices=en`, formant voices; the mbrola ones need mbrola, not installed). */
export const ESPEAK_ACCENTS = [
  'en-us',
  'en-gb',
  'en-gb-scotland',
  'en-gb-x-rp',
  'en-029',
  'en-gb-x-gbclan',
  'en-gb-x-gbcwmd',
  'en-us-nyc',
] as const;

/** espeak-ng voice variants (`espeak-ng --voices=variant`) that sound like a person: no whisper, robot or effects. */
export const ESPEAK_VARIANTS = [
  'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8',
  'f1', 'f2', 'f3', 'f4', 'f5',
  'klatt', 'klatt3', 'klatt4', 'croak',
  'Alex', 'Andy', 'Annie', 'Alicia', 'Andrea', 'aunty', 'belinda', 'benjamin', 'david', 'edward', 'linda', 'john',
  'steph', 'travis', 'victor', 'michel', 'quincy', 'paul', 'rob', 'robert', 'grandma', 'grandpa', 'max', 'Mike',
  'Michael', 'norbert', 'sandro', 'shelby', 'anika', 'Denis', 'Lee', 'Gene',
] as const;

/** flite's built-in voices (`flite -lv`): kal is diphone, awb/rms/slt are CMU ARCTIC clustergen voices. */
export const FLITE_VOICES = ['kal', 'awb', 'rms', 'slt'] as const;

/** festival voices from festvox-kallpc16k, festvox-kdlpc16k and festvox-us-slt-hts, with their select commands. */
export const FESTIVAL_VOICES = {
  kal: 'voice_kal_diphone',
  ked: 'voice_ked_diphone',
  slt: 'voice_cmu_us_slt_arctic_hts',
} as const;

export type FestivalVoice = keyof typeof FESTIVAL_VOICES;

function baseVoice(engine: Engine, voice: string): BaseVoice {
  return { id: `${engine}_${voice}`, engine, voice };
}

export function espeakVoices(): BaseVoice[] {
  return ESPEAK_ACCENTS.flatMap((accent) => ESPEAK_VARIANTS.map((v) => baseVoice('espeak-ng', `${accent}+${v}`)));
}

export function fliteVoices(): BaseVoice[] {
  return FLITE_VOICES.map((v) => baseVoice('flite', v));
}

export function festivalVoices(): BaseVoice[] {
  return (Object.keys(FESTIVAL_VOICES) as FestivalVoice[]).map((v) => baseVoice('festival', v));
}

/** Every base voice, in a fixed order. */
export function listBaseVoices(): BaseVoice[] {
  return [...espeakVoices(), ...fliteVoices(), ...festivalVoices()];
}

function checkText(text: string): void {
  if (text.trim().length === 0 || text.startsWith('-') || /[\n\r]/.test(text)) {
    throw new VoiceCloneError('TEXT_INVALID', `Engine text must be one non-empty line not starting with "-": "${text}".`);
  }
}

/** Parses `flite -psdur` output (`pau:0.164 hh:0.255 …`, phone:end) into segments. */
export function parseFliteSegments(stdout: string): EngineSegment[] {
  const segments: EngineSegment[] = [];
  let start = 0;
  for (const token of stdout.trim().split(/\s+/)) {
    const m = /^([^:\s]+):([0-9.]+)$/.exec(token);
    if (m === null) continue;
    const end = Number(m[2]);
    segments.push({ phone: m[1], start, end });
    start = end;
  }
  return segments;
}

/** Parses the `phone end` lines our festival script prints into segments. */
export function parseFestivalSegments(stdout: string): EngineSegment[] {
  const segments: EngineSegment[] = [];
  let start = 0;
  for (const line of stdout.split('\n')) {
    const m = /^SEG (\S+) ([0-9.]+)$/.exec(line.trim());
    if (m === null) continue;
    const end = Number(m[2]);
    segments.push({ phone: m[1], start, end });
    start = end;
  }
  return segments;
}

function schemeString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

async function synthesizeFestival(voice: FestivalVoice, text: string, wavPath: string): Promise<EngineSegment[]> {
  const script = `${wavPath}.scm`;
  await fs.writeFile(
    script,
    [
      `(${FESTIVAL_VOICES[voice]})`,
      `(set! utt (utt.synth (Utterance Text ${schemeString(text)})))`,
      `(utt.save.wave utt ${schemeString(wavPath)} 'riff)`,
      `(mapcar (lambda (s) (format t "SEG %s %f\\n" (item.name s) (item.feat s "end"))) (utt.relation.items utt 'Segment))`,
      '',
    ].join('\n'),
  );
  try {
    const { stdout } = await runTool('festival', ['--batch', script]);
    return parseFestivalSegments(stdout);
  } finally {
    await fs.rm(script, { force: true });
  }
}

/**
 * Speaks `text` with `voice` into `wavPath` (the engine's own sample rate). Returns the engine's phone segments for
 * flite and festival; espeak-ng gives none (its CLI prints timings only as mbrola .pho, which needs mbrola voices).
 */
export async function synthesize(voice: BaseVoice, text: string, wavPath: string): Promise<EngineSegment[] | null> {
  checkText(text);
  await fs.mkdir(path.dirname(wavPath), { recursive: true });
  switch (voice.engine) {
    case 'espeak-ng':
      await runTool('espeak-ng', ['-v', voice.voice, '-w', wavPath, text]);
      return null;
    case 'flite': {
      const { stdout } = await runTool('flite', ['-voice', voice.voice, '-psdur', '-t', text, '-o', wavPath]);
      return parseFliteSegments(stdout);
    }
    case 'festival': {
      if (!(voice.voice in FESTIVAL_VOICES)) {
        throw new VoiceCloneError('BAD_ARGUMENT', `Unknown festival voice "${voice.voice}".`);
      }
      return synthesizeFestival(voice.voice as FestivalVoice, text, wavPath);
    }
  }
}
