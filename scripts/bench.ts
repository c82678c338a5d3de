// Measured speed and size figures of the engine on this machine (tfjs wasm backend, one thread unless VOICECLONE_BACKEND
// says otherwise), as a registry of named sections. Usage: npm run bench -- [--model dir] [--only name,name] [--list]
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { melToAudio } from '../ml/audio/griffinlim';
import { prepareClip } from '../ml/audio/load';
import { decodeAudioFile } from '../ml/audio/decode';
import type { MonoAudio } from '../ml/audio/types';
import { initBackend, type BackendInfo } from '../ml/backend';
import { SHARED_DATA_ROOT } from '../ml/data/corpora/shared-data';
import { readVcc2016, vcc2016SentenceId } from '../ml/data/corpora/vcc2016';
import { readVcc2016Transcripts } from '../ml/data/vcc2016-transcripts';
import { cloneVoice, voiceBytes, type CloneClip } from '../ml/cloning/clone';
import { lazyModels } from '../ml/cloning/models';
import { VoiceCloneError } from '../ml/errors';
import { HARVARD_SENTENCES } from '../ml/eval/harvard-sentences';
import { cosineSimilarity } from '../ml/eval/similarity';
import { WEIGHTS_FILE } from '../ml/models/tensor-file';
import { builtinSpeaker, DEFAULT_GL_ITERATIONS, speak, speakSentences, tokensToMel } from '../ml/models/tts/synthesize';
import { toTtsTokens } from '../ml/models/tts/tokens';
import { DEFAULT_TTS_DIR, loadTts, type LoadedTts } from '../ml/models/tts/weights';
import { embedAudio, loadVerifier } from '../ml/models/verifier/embed';
import { textToPhonemes } from '../ml/text/g2p';
import { embed } from '../ml/watermark/embed';
import { voicePayload } from '../ml/watermark/payload';

/** One measured figure. */
interface BenchFigure {
  name: string;
  value: number;
  unit: string;
}

/** What sections share: the model folder and the TTS model loaded once (with one warm-up synthesis done). */
interface BenchContext {
  modelDir: string;
  backend: BackendInfo;
  tts(): Promise<{ tts: LoadedTts; voiceId: string; speaker: Float32Array }>;
}

/** A named group of measurements; add one to SECTIONS to have `npm run bench` run it (and `--only <name>` pick it). */
interface BenchSection {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<BenchFigure[]>;
}

const seconds = (t0: number): number => (performance.now() - t0) / 1000;
const audioSeconds = (a: MonoAudio): number => a.samples.length / a.sampleRate;

/** Sentences timed one by one for the real-time factor (Harvard list 2, unseen in training). */
const RTF_SENTENCES = HARVARD_SENTENCES.slice(10, 40);
/** Spoken once before timing, so JIT compilation and first-call setup are not counted as synthesis time. */
const WARM_UP_SENTENCE = HARVARD_SENTENCES[0];
/** A five-sentence text for time to first audio. */
const FIRST_AUDIO_TEXT = HARVARD_SENTENCES.slice(20, 25).join(' ');
const VERIFIER_CLIPS = 100;
const VERIFIER_CLIP_SECONDS = 3;

const ttsLoad: BenchSection = {
  name: 'tts-load',
  description: 'TTS model load time (a fresh load from disk) and weights size',
  async run(ctx) {
    const t0 = performance.now();
    const tts = await loadTts(ctx.modelDir);
    const loadSeconds = seconds(t0);
    const tensorBytes = Object.values(tts.weights).reduce((s, w) => s + w.size * 4, 0);
    Object.values(tts.weights).forEach((w) => w.dispose());
    Object.values(tts.extra).forEach((w) => w.dispose());
    return [
      { name: 'load time', value: loadSeconds, unit: 's' },
      { name: `${WEIGHTS_FILE} size`, value: (await stat(path.join(ctx.modelDir, WEIGHTS_FILE))).size, unit: 'bytes' },
      { name: 'weights in memory (float32)', value: tensorBytes, unit: 'bytes' },
    ];
  },
};

const ttsSynthesis: BenchSection = {
  name: 'tts-rtf',
  description: `TTS real-time factor on ${RTF_SENTENCES.length} sentences after one warm-up: text→phonemes, model (→ log-mel, postfilter), Griffin-Lim (${DEFAULT_GL_ITERATIONS} iterations), and the watermark the app adds`,
  async run(ctx) {
    const { tts, speaker } = await ctx.tts();
    embed(await speak(tts, WARM_UP_SENTENCE, speaker), voicePayload('bench'));
    let g2p = 0;
    let model = 0;
    let vocoder = 0;
    let marking = 0;
    let audio = 0;
    for (const sentence of RTF_SENTENCES) {
      let t0 = performance.now();
      const ids = (await textToPhonemes(sentence)).ids;
      g2p += seconds(t0);
      t0 = performance.now();
      const mel = tokensToMel(tts, toTtsTokens(ids), speaker);
      model += seconds(t0);
      t0 = performance.now();
      const spoken = melToAudio(mel, undefined, DEFAULT_GL_ITERATIONS);
      vocoder += seconds(t0);
      audio += audioSeconds(spoken);
      t0 = performance.now();
      embed(spoken, voicePayload('bench'));
      marking += seconds(t0);
    }
    return [
      { name: 'audio synthesized', value: audio, unit: 's' },
      { name: 'real-time factor, text→phonemes', value: g2p / audio, unit: '×' },
      { name: 'real-time factor, model', value: model / audio, unit: '×' },
      { name: 'real-time factor, Griffin-Lim', value: vocoder / audio, unit: '×' },
      { name: 'real-time factor, total (text to audio)', value: (g2p + model + vocoder) / audio, unit: '×' },
      { name: 'real-time factor, watermark', value: marking / audio, unit: '×' },
      { name: 'real-time factor, total with watermark', value: (g2p + model + vocoder + marking) / audio, unit: '×' },
    ];
  },
};

const ttsFirstAudio: BenchSection = {
  name: 'tts-first-audio',
  description: 'time to the first sentence of audio for a 5-sentence text through speakSentences, and to all of it',
  async run(ctx) {
    const { tts, speaker } = await ctx.tts();
    const t0 = performance.now();
    let first = 0;
    let audio = 0;
    let count = 0;
    for await (const s of speakSentences(tts, FIRST_AUDIO_TEXT, speaker)) {
      if (count++ === 0) first = seconds(t0);
      audio += audioSeconds(s.audio);
    }
    const total = seconds(t0);
    return [
      { name: 'sentences', value: count, unit: '' },
      { name: 'time to first audio', value: first, unit: 's' },
      { name: 'time to all audio', value: total, unit: 's' },
      { name: 'audio length', value: audio, unit: 's' },
    ];
  },
};

const verifierScoring: BenchSection = {
  name: 'verifier',
  description: `speaker verifier: time to score ${VERIFIER_CLIPS} clips of ${VERIFIER_CLIP_SECONDS} s (VCC2016 eval readings) against a reference`,
  async run() {
    const t0 = performance.now();
    const verifier = await loadVerifier();
    const loadSeconds = seconds(t0);
    const clips: MonoAudio[] = [];
    const utterances = readVcc2016(path.join(SHARED_DATA_ROOT, 'vcc2016')).utterances.filter((u) => u.split === 'eval').sort((a, b) => a.id.localeCompare(b.id));
    for (const u of utterances) {
      if (clips.length === VERIFIER_CLIPS + 1) break;
      const speech = prepareClip(await decodeAudioFile(u.path), u.id, { normalize: false }).audio;
      const n = Math.round(VERIFIER_CLIP_SECONDS * speech.sampleRate);
      if (speech.samples.length >= n) clips.push({ samples: speech.samples.slice(0, n), sampleRate: speech.sampleRate });
    }
    if (clips.length < VERIFIER_CLIPS + 1) {
      throw new VoiceCloneError('DATA_MISSING', `The verifier bench needs ${VERIFIER_CLIPS + 1} VCC2016 eval readings of ≥ ${VERIFIER_CLIP_SECONDS} s; found ${clips.length}.`);
    }
    // The first clip is the reference (and warms the backend up); the other 100 are scored against it.
    const reference = embedAudio(verifier, clips[0]);
    const t1 = performance.now();
    for (const clip of clips.slice(1)) cosineSimilarity(reference, embedAudio(verifier, clip));
    const scoring = seconds(t1);
    return [
      { name: 'load time', value: loadSeconds, unit: 's' },
      { name: `time to score ${VERIFIER_CLIPS} × ${VERIFIER_CLIP_SECONDS} s`, value: scoring, unit: 's' },
      { name: 'per clip', value: (1000 * scoring) / VERIFIER_CLIPS, unit: 'ms' },
    ];
  },
};

/** Clips of a held-out speaker (VCC2016 SF3), trimmed and normalized as cloning gets them, with consensus text. */
async function cloningClips(count: number, maxSeconds?: number): Promise<CloneClip[]> {
  const transcripts = readVcc2016Transcripts();
  const utts = readVcc2016(path.join(SHARED_DATA_ROOT, 'vcc2016')).utterances.filter((u) => u.speaker === 'SF3' && u.split === 'train' && u.text);
  const clips: CloneClip[] = [];
  for (const u of utts.slice(0, count)) {
    const audio = prepareClip(await decodeAudioFile(u.path), u.id).audio;
    const n = maxSeconds === undefined ? audio.samples.length : Math.min(audio.samples.length, Math.round(maxSeconds * audio.sampleRate));
    clips.push({ audio: { samples: audio.samples.slice(0, n), sampleRate: audio.sampleRate }, text: transcripts.get(vcc2016SentenceId(u))!.text });
  }
  return clips;
}

const cloning: BenchSection = {
  name: 'cloning',
  description: 'cloning time per method (held-out VCC2016 SF3): encoding from 5 clips of 3 s; adaptation from 10 clips (default steps)',
  async run() {
    const models = lazyModels();
    await models.tts();
    const figures: BenchFigure[] = [];
    const five = await cloningClips(5, 3);
    await cloneVoice(models, five, 'encode'); // warm-up: loads the encoder and compiles its kernels
    let t0 = performance.now();
    const encoded = await cloneVoice(models, five, 'encode');
    figures.push({ name: 'encode, 5 clips × 3 s', value: seconds(t0), unit: 's' });
    figures.push({ name: 'encode, bytes per voice', value: voiceBytes(encoded), unit: 'bytes' });
    const ten = await cloningClips(10);
    for (const method of ['adapt-embedding', 'adapt-whole'] as const) {
      t0 = performance.now();
      const voice = await cloneVoice(models, ten, method);
      figures.push({ name: `${method}, 10 clips (${voice.figures.steps} steps kept)`, value: seconds(t0), unit: 's' });
      figures.push({ name: `${method}, bytes per voice`, value: voiceBytes(voice), unit: 'bytes' });
    }
    return figures;
  },
};

/** Every section, in the order `npm run bench` runs them. */
const SECTIONS: readonly BenchSection[] = [ttsLoad, ttsSynthesis, ttsFirstAudio, verifierScoring, cloning];

function format(value: number, unit: string): string {
  if (unit === 'bytes') return `${value} bytes (${(value / 2 ** 20).toFixed(2)} MiB)`;
  const digits = Number.isInteger(value) ? 0 : Math.abs(value) < 10 ? 3 : 1;
  return `${value.toFixed(digits)}${unit === '' ? '' : ` ${unit}`}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { model: { type: 'string', default: DEFAULT_TTS_DIR }, only: { type: 'string' }, list: { type: 'boolean', default: false } },
  });
  if (values.list) {
    for (const s of SECTIONS) console.log(`${s.name.padEnd(18)} ${s.description}`);
    return;
  }
  const names = values.only?.split(',').map((n) => n.trim()).filter((n) => n !== '');
  const unknown = names?.filter((n) => !SECTIONS.some((s) => s.name === n)) ?? [];
  if (unknown.length > 0 || names?.length === 0) {
    throw new VoiceCloneError('BAD_ARGUMENT', `--only takes section names from: ${SECTIONS.map((s) => s.name).join(', ')} (unknown: ${unknown.join(', ') || 'none given'}).`);
  }
  const chosen = names ? SECTIONS.filter((s) => names.includes(s.name)) : SECTIONS;

  process.env.VOICECLONE_BACKEND ??= 'wasm';
  const backend = await initBackend();
  const modelDir = path.resolve(values.model);
  let loaded: ReturnType<BenchContext['tts']> | undefined;
  const ctx: BenchContext = {
    modelDir,
    backend,
    tts: () =>
      (loaded ??= (async () => {
        const tts = await loadTts(modelDir);
        const voiceId = tts.builtinVoices[0]?.id;
        if (!voiceId) throw new VoiceCloneError('BAD_ARGUMENT', `${modelDir} has no built-in voices: export it with scripts/export-tts.ts.`);
        const speaker = builtinSpeaker(tts, voiceId);
        // Warm-up: the first run compiles the wasm kernels; it is not timed.
        await speak(tts, 'A warm up sentence.', speaker);
        return { tts, voiceId, speaker };
      })()),
  };
  const cpu = os.cpus();
  console.log(`bench: ${cpu[0]?.model ?? 'unknown CPU'} (${cpu.length} cores), Node ${process.version}, tfjs ${backend.name} (${backend.reason})`);
  console.log(`model: ${modelDir}`);
  for (const section of chosen) {
    console.log(`\n[${section.name}] ${section.description}`);
    for (const f of await section.run(ctx)) console.log(`  ${f.name.padEnd(36)} ${format(f.value, f.unit)}`);
  }
  console.log(`\npeak RSS ${format(process.resourceUsage().maxRSS * 1024, 'bytes')}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof VoiceCloneError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
