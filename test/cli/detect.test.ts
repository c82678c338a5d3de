// `voiceclone detect` on flite speech marked by the engine and on an unmarked VCC2016 recording: JSON lines naming the
// voice when it is built in or in the library, readable blocks (a "not found" adds that it proves nothing), one error
// line for a bad file, a usage error without files.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeWav16 } from '../../ml/audio/wav';
import { embed } from '../../ml/watermark/embed';
import { voicePayload } from '../../ml/watermark/payload';
import { readMono, tempDir } from '../ml/audio/fixtures';
import { voiceclone } from '../support/cli';
import { sharedData } from '../support/shared-data';

const payload = voicePayload('cli-voice');

async function markedFile(dir: string, voiceId = 'cli-voice'): Promise<string> {
  const raw = path.join(dir, 'speech.wav');
  execFileSync('flite', ['-voice', 'slt', '-t', 'Please leave the parcel at the green door next to the bakery on the corner.', '-o', raw]);
  const marked = path.join(dir, `marked-${voiceId}.wav`);
  await writeWav16(marked, embed(await readMono(raw), voicePayload(voiceId)));
  return marked;
}

describe('voiceclone detect', () => {
  it('prints one JSON line per file, reports a bad file in one line and exits 1', async () => {
    const dir = tempDir('cli-detect');
    const marked = await markedFile(dir);
    const builtin = await markedFile(dir, 'vcc-tm1');
    const unmarked = sharedData('vcc2016/eval/SF3/200001.flac');
    const junk = path.join(dir, 'notes.wav');
    fs.writeFileSync(junk, 'not audio at all');
    const library = path.join(dir, 'library');
    const { code, stdout, stderr } = await voiceclone(['detect', '--json', '--library', library, marked, junk, builtin, unmarked]);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/notes\.wav.*not an audio file/);
    const rows = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ file: marked, present: true, payload, voice: null });
    expect(rows[0].confidence).toBeGreaterThan(0.99);
    expect(rows[1]).toMatchObject({ file: builtin, present: true, voice: { id: 'vcc-tm1', name: 'VCC2016 TM1 (male)' } });
    expect(rows[2]).toMatchObject({ file: unmarked, present: false, payload: null, voice: null });
    expect(rows[2].confidence).toBeLessThan(0.99);
  });

  it('prints a readable block without --json and needs at least one file', async () => {
    const dir = tempDir('cli-detect-text');
    const marked = await markedFile(dir);
    const { code, stdout } = await voiceclone(['detect', '--library', path.join(dir, 'library'), marked]);
    expect(code).toBe(0);
    const hash = payload.voiceHash.toString(16).padStart(4, '0');
    expect(stdout).toMatch(
      new RegExp(`^file: .*marked-cli-voice\\.wav\\nwatermark: +present\\npayload: +app id 0x5c, voice hash 0x${hash}\\nvoice: +not in this library \\(or two of its voices share the hash\\)\\nconfidence: +\\d\\.\\d{4}\\n$`),
    );
    const unmarked = await voiceclone(['detect', sharedData('vcc2016/eval/SF3/200001.flac')]);
    expect(unmarked.code).toBe(0);
    expect(unmarked.stdout).toMatch(/watermark: +not found\n[\s\S]*note: +no mark does not mean real speech/);
    const usage = await voiceclone(['detect']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/detect needs at least one audio file/);
  });
});
