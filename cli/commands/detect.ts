// `voiceclone detect [--json] [--library <dir>] <audio…>`: whether each file carries this app's watermark, the payload
// it holds (app id, voice hash), the voice of the library it names, and the confidence. One block or JSON line per file.
import { formatVoiceHash, type VoiceSummary } from '../../ml/api';
import { defaultLibraryDir } from '../../ml/cloning/library-location';
import { createEngine } from '../../ml/engine';
import { detectFile, type Detection } from '../../ml/watermark/detect';
import { voiceWithHash } from '../../ml/watermark/payload';
import { parseCommandArgs, type Command } from '../command';
import { EXIT, formatFields, reportError, UsageError } from '../output';

const hex = (value: number, digits: number) => `0x${value.toString(16).padStart(digits, '0')}`;

/** Said with every "not found": the mark can be lost, so its absence proves nothing (limits in docs/watermark.md). */
const ABSENCE_NOTE = 'no mark does not mean real speech: clips under about 2 s, added noise or heavy editing can remove it';

type NamedVoice = Pick<VoiceSummary, 'id' | 'name'>;

function describe(file: string, d: Detection, voice: NamedVoice | null): string {
  const fields: [string, string][] = [
    ['file', file],
    ['watermark', d.present ? 'present' : 'not found'],
    ['payload', d.payload ? `app id ${hex(d.payload.appId, 2)}, voice hash ${formatVoiceHash(d.payload.voiceHash)}` : 'none'],
  ];
  if (d.payload) fields.push(['voice', voice ? `${voice.name} (${voice.id})` : 'not in this library (or two of its voices share the hash)']);
  fields.push(['confidence', d.confidence.toFixed(4)]);
  return formatFields(d.present ? fields : [...fields, ['note', ABSENCE_NOTE]]);
}

export const detectCommand: Command = {
  name: 'detect',
  summary: "check audio files for this app's watermark: present or not, its payload, the voice it names, a confidence",
  usage: 'voiceclone detect [--json] [--library <dir>] <audio…>',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean', default: false }, library: { type: 'string' } });
    if (positionals.length === 0) throw new UsageError('detect needs at least one audio file.');
    let voices: NamedVoice[] | null = null;
    /** The built-in or library voice a payload names; the library is opened for the first payload read. */
    const voiceOf = async (d: Detection): Promise<NamedVoice | null> => {
      if (!d.payload) return null;
      voices ??= await (await createEngine({ libraryDir: values.library ?? defaultLibraryDir() })).listVoices();
      const v = voiceWithHash(voices, d.payload.voiceHash);
      return v ? { id: v.id, name: v.name } : null;
    };
    let code: number = EXIT.ok;
    for (const [i, file] of positionals.entries()) {
      try {
        const d = await detectFile(file);
        const voice = await voiceOf(d);
        if (values.json) {
          process.stdout.write(`${JSON.stringify({ file, present: d.present, payload: d.payload, voice, confidence: d.confidence })}\n`);
        } else {
          process.stdout.write(`${i > 0 ? '\n' : ''}${describe(file, d, voice)}\n`);
        }
      } catch (e) {
        code = Math.max(code, reportError(e, file));
      }
    }
    return code;
  },
};
