// Builds the TTS training set (synthetic corpus, VCC2016 training speakers, Asterisk prompts), aligns phoneme
// durations and caches it. Usage: npx tsx scripts/prepare-tts-data.ts [--synth cache/synth] [--out cache/tts/data]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readAsteriskPrompts } from '../ml/data/corpora/asterisk-prompts';
import { readSharedData } from '../ml/data/corpora/shared-data';
import { vcc2016SentenceId } from '../ml/data/corpora/vcc2016';
import { readSynthManifest } from '../ml/data/synth/cache';
import { readVcc2016Transcripts } from '../ml/data/vcc2016-transcripts';
import { alignDurations } from '../ml/models/tts/align';
import { buildTtsDataset, saveTtsDataset, type TtsSource } from '../ml/models/tts/dataset';
import { HELD_OUT_VCC2016 } from '../ml/models/verifier/heldout';

const { values } = parseArgs({
  options: {
    synth: { type: 'string', default: 'cache/synth' },
    out: { type: 'string', default: 'cache/tts/data' },
    'min-agreement': { type: 'string', default: '0.6' },
  },
});
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
const minAgreement = Number(values['min-agreement']);

const sources: TtsSource[] = [];
const synth = readSynthManifest(values.synth);
for (const item of synth.items) {
  if (item.speakerHeldOut || item.sentenceHeldOut || item.audioFile === null) continue;
  sources.push({
    id: item.id,
    speakerKey: `synth:${item.speaker}`,
    corpus: 'synth',
    description: item.baseVoice,
    path: path.join(synth.dir, item.audioFile),
    text: item.text,
    phonemeIds: item.phonemeIds,
  });
}
const agreement = new Map([...readVcc2016Transcripts()].map(([id, t]) => [id, t.agreement]));
const heldOut = new Set<string>(HELD_OUT_VCC2016);
for (const u of readSharedData().utterances) {
  if (u.corpus !== 'vcc2016' || u.split !== 'train' || heldOut.has(u.speaker) || !u.text) continue;
  if ((agreement.get(vcc2016SentenceId(u)) ?? 0) < minAgreement) continue;
  sources.push({ id: u.id, speakerKey: `vcc2016:${u.speaker}`, corpus: 'vcc2016', description: `VCC2016 ${u.speaker}`, path: u.path, text: u.text });
}
for (const u of readAsteriskPrompts().utterances) {
  sources.push({ id: u.id, speakerKey: 'asterisk:allison', corpus: 'asterisk', description: 'Asterisk prompts (Allison)', path: u.path, text: u.text! });
}
log(`${sources.length} sources`);
const data = await buildTtsDataset(sources, log);
const durations = alignDurations(data.utterances, 8, log);
data.utterances.forEach((u, k) => (u.durations = durations[k]));
await saveTtsDataset(values.out, data);
log(`saved to ${values.out}`);
