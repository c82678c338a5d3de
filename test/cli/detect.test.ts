// `voiceclone detect` on flite speech marked by the engine and on an unmarked VCC2016 recording: JSON lines, readable
// blocks (a "not found" adds that it proves nothing), one error line for a bad file, a usage error without files.
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

async function markedFile(dir: string): Promise<string> {
  const raw = path.join(dir, 'speech.wav');
  execFileSync('flite', ['-voice', 'slt', '-t', 'Please leave the parcel at the green door next to the bakery on the corner.', '-o', raw]);
  const marked = path.join(dir, 'marked.wav');
  await writeWav16(marked, embed(await readMono(raw), payload));
  return marked;
}

describe('voiceclone detect', () => {
  it('prints one JSON line per file, reports a bad file in one line and exits 1', async () => {
    const dir = tempDir('cli-detect');
    const marked = await markedFile(dir);
    const unmarked = sharedData('vcc2016/eval/SF3/200001.flac');
    const junk = path.join(dir, 'notes.wav');
    fs.writeFileSync(junk, 'not audio at all');
    const { code, stdout, stderr } = await voiceclone(['detect', '--json', marked, junk, unmarked]);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/notes\.wav.*not an audio file/);
    const rows = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ file: marked, present: true, payload });
    expect(rows[0].confidence).toBeGreaterThan(0.99);
    expect(rows[1]).toMatchObject({ file: unmarked, present: false, payload: null });
    expect(rows[1].confidence).toBeLessThan(0.99);
  });

  it('prints a readable block without --json and needs at least one file', async () => {
    const marked = await markedFile(tempDir('cli-detect-text'));
    const { code, stdout } = await voiceclone(['detect', marked]);
    expect(code).toBe(0);
    const hash = payload.voiceHash.toString(16).padStart(8, '0');
    expect(stdout).toMatch(new RegExp(`^file: .*marked\\.wav\\nwatermark: +present\\npayload: +app id 0x5c, voice hash 0x${hash}\\nconfidence: +\\d\\.\\d{4}\\n$`));
    const unmarked = await voiceclone(['detect', sharedData('vcc2016/eval/SF3/200001.flac')]);
    expect(unmarked.code).toBe(0);
    expect(unmarked.stdout).toMatch(/watermark: +not found\n[\s\S]*note: +no mark does not mean real speech/);
    const usage = await voiceclone(['detect']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/detect needs at least one audio file/);
  });
});
