// TTS intelligibility by speech recognition: pocketsphinx transcripts cached per WAV content, the flite baseline
// voice rendered at 16 kHz, and per-voice word error rates ranked against the baseline's.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { SAMPLE_RATE } from '../audio/config';
import { VoiceCloneError } from '../errors';
import { writeFileAtomic } from '../files';
import { recognize } from './asr';
import { corpusWordErrorRate, type WerResult } from './wer';

const run = promisify(execFile);

/** A recognized utterance: what was meant to be said and what pocketsphinx heard. */
export interface Transcribed {
  voice: string;
  reference: string;
  hypothesis: string;
}

export interface VoiceWer extends WerResult {
  voice: string;
  /** This voice's WER over the baseline's on the same sentences; null when the baseline made no error. */
  ratioToBaseline: number | null;
}

export interface IntelligibilitySummary {
  baseline: WerResult;
  /** In the order voices first appear in the input. */
  voices: VoiceWer[];
  /** Up to `bestCount` voice ids, lowest WER first (ties by id). */
  best: string[];
}

interface CachedTranscript {
  hypothesis: string;
  seconds: number;
}

/**
 * pocketsphinx's transcript of a WAV, cached in `cacheDir` under the SHA-256 of the file's bytes, so rerunning an
 * evaluation only recognizes audio that changed.
 */
export async function recognizeCached(wavPath: string, cacheDir: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(wavPath);
  } catch (e) {
    throw new VoiceCloneError('FILE_NOT_FOUND', `Cannot read ${wavPath} for speech recognition.`, { cause: e });
  }
  const cacheFile = path.join(cacheDir, `${createHash('sha256').update(bytes).digest('hex')}.json`);
  try {
    return (JSON.parse(await readFile(cacheFile, 'utf8')) as CachedTranscript).hypothesis;
  } catch {
    // Not cached yet (or a damaged entry): recognize again below.
  }
  const started = performance.now();
  const hypothesis = await recognize(wavPath);
  const entry: CachedTranscript = { hypothesis, seconds: (performance.now() - started) / 1000 };
  await mkdir(cacheDir, { recursive: true });
  await writeFileAtomic(cacheFile, JSON.stringify(entry));
  return hypothesis;
}

/** Speaks `text` with flite's slt voice into `wavPath` as 16 kHz mono 16-bit PCM (resampled by sox). */
export async function fliteSltWav(text: string, wavPath: string): Promise<void> {
  if (text.trim() === '') throw new VoiceCloneError('TEXT_INVALID', 'flite needs some text to speak.');
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'flite-slt-'));
  const raw = path.join(tmp, 'raw.wav');
  const out = path.join(tmp, 'out.wav');
  try {
    await runTool('flite', ['-voice', 'slt', '-t', text, '-o', raw], 'flite');
    await runTool('sox', [raw, '-r', String(SAMPLE_RATE), '-c', '1', '-b', '16', out], 'sox');
    await writeFileAtomic(wavPath, await readFile(out));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function runTool(tool: string, args: string[], debianPackage: string): Promise<void> {
  try {
    await run(tool, args);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new VoiceCloneError('TOOL_MISSING', `${tool} is not installed; install the Debian package ${debianPackage}.`, { cause: e });
    }
    throw new VoiceCloneError('TOOL_MISSING', `${tool} failed: ${String((e as Error).message).split('\n')[0]}`, { cause: e });
  }
}

/**
 * Pooled WER of each voice and of the baseline (references and hypotheses normalized alike by ml/eval/wer: lower case,
 * no punctuation, numbers spelled out), each voice's ratio to the baseline, and the `bestCount` lowest-WER voices.
 */
export function summarizeIntelligibility(
  utterances: readonly Transcribed[],
  baseline: ReadonlyArray<{ reference: string; hypothesis: string }>,
  bestCount = 3,
): IntelligibilitySummary {
  if (utterances.length === 0) throw new VoiceCloneError('BAD_ARGUMENT', 'Intelligibility needs at least one transcribed utterance.');
  if (!Number.isInteger(bestCount) || bestCount < 1) throw new VoiceCloneError('BAD_ARGUMENT', `bestCount must be a whole number ≥ 1, not ${bestCount}.`);
  const base = corpusWordErrorRate(baseline);
  const byVoice = new Map<string, Transcribed[]>();
  for (const u of utterances) byVoice.set(u.voice, [...(byVoice.get(u.voice) ?? []), u]);
  const voices: VoiceWer[] = [...byVoice].map(([voice, list]) => {
    const r = corpusWordErrorRate(list);
    return { voice, ...r, ratioToBaseline: base.wer === 0 ? null : r.wer / base.wer };
  });
  const best = [...voices]
    .sort((a, b) => a.wer - b.wer || a.voice.localeCompare(b.voice))
    .slice(0, bestCount)
    .map((v) => v.voice);
  return { baseline: base, voices, best };
}
