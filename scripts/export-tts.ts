// Turns a TTS training checkpoint into the shipped model: drops optimizer state, names the built-in voices.
// Usage: npx tsx scripts/export-tts.ts [--from cache/tts/checkpoint] [--out assets/tts]
import { parseArgs } from 'node:util';
import { initBackend } from '../ml/backend';
import { BUILTIN_VOICE_CHOICES } from '../ml/models/tts/builtin-voices';
import { loadTts, saveTts } from '../ml/models/tts/weights';

const { values } = parseArgs({ options: { from: { type: 'string', default: 'cache/tts/checkpoint' }, out: { type: 'string', default: 'assets/tts' } } });
await initBackend();
const tts = await loadTts(values.from);
const builtinVoices = BUILTIN_VOICE_CHOICES.map((c) => {
  const row = tts.speakers.findIndex((s) => s.key === c.speakerKey);
  if (row < 0) throw new Error(`Built-in voice ${c.id}: speaker ${c.speakerKey} is not in the checkpoint.`);
  return { id: c.id, name: c.name, row };
});
const bytes = await saveTts(values.out, tts.weights, {
  modelVersion: tts.modelVersion,
  inventory: tts.inventory,
  config: tts.config,
  speakers: tts.speakers,
  builtinVoices,
  training: tts.training,
});
console.log(`exported step ${String(tts.training.step)} to ${values.out}: ${(bytes / 1e6).toFixed(2)} MB of weights, ${builtinVoices.length} built-in voices`);
