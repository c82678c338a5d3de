// `voiceclone detect [--json] <audio…>`: whether each file carries this app's watermark, the payload it holds (app id,
// voice hash) and the detector's confidence. One block per file, or one JSON line per file with --json.
import { detectFile, type Detection } from '../../ml/watermark/detect';
import { parseCommandArgs, type Command } from '../command';
import { EXIT, formatFields, reportError, UsageError } from '../output';

const hex = (value: number, digits: number) => `0x${value.toString(16).padStart(digits, '0')}`;

/** Said with every "not found": the mark can be lost, so its absence proves nothing (limits in docs/watermark.md). */
const ABSENCE_NOTE = 'no mark does not mean real speech: clips under about 2 s, added noise or heavy editing can remove it';

function describe(file: string, d: Detection): string {
  const fields: [string, string][] = [
    ['file', file],
    ['watermark', d.present ? 'present' : 'not found'],
    ['payload', d.payload ? `app id ${hex(d.payload.appId, 2)}, voice hash ${hex(d.payload.voiceHash, 8)}` : 'none'],
    ['confidence', d.confidence.toFixed(4)],
  ];
  return formatFields(d.present ? fields : [...fields, ['note', ABSENCE_NOTE]]);
}

export const detectCommand: Command = {
  name: 'detect',
  summary: "check audio files for this app's watermark: present or not, its payload, a confidence",
  usage: 'voiceclone detect [--json] <audio…>',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean', default: false } });
    if (positionals.length === 0) throw new UsageError('detect needs at least one audio file.');
    let code: number = EXIT.ok;
    for (const [i, file] of positionals.entries()) {
      try {
        const d = await detectFile(file);
        if (values.json) {
          process.stdout.write(`${JSON.stringify({ file, present: d.present, payload: d.payload, confidence: d.confidence })}\n`);
        } else {
          process.stdout.write(`${i > 0 ? '\n' : ''}${describe(file, d)}\n`);
        }
      } catch (e) {
        code = Math.max(code, reportError(e, file));
      }
    }
    return code;
  },
};
