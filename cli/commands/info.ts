// `voiceclone info <audio…>`: what a recording is (duration, rate, channels) and whether it is good enough to clone from
// (seconds of speech, median F0, loudness, warnings). One block per file, or one JSON line per file with --json.
import { analyzeAudio, type AudioReport } from '../../ml/audio/analyze';
import { parseCommandArgs, type Command } from '../command';
import { EXIT, formatFields, reportError, UsageError } from '../output';

function describe(r: AudioReport): string {
  const db = (v: number) => `${v.toFixed(1)} dBFS`;
  return formatFields([
    ['file', r.file],
    ['format', r.format],
    ['duration', `${r.durationSeconds.toFixed(2)} s`],
    ['sample rate', `${r.sampleRate} Hz`],
    ['channels', String(r.channels)],
    ['speech', `${r.speechSeconds.toFixed(2)} s`],
    ['median F0', r.medianF0Hz === null ? 'none (no voiced speech found)' : `${r.medianF0Hz.toFixed(1)} Hz`],
    ['loudness', `${db(r.loudnessDbfs)} (active speech level)`],
    ['peak', db(r.peakDbfs)],
    ['noise floor', db(r.noiseFloorDbfs)],
    ['warnings', r.warnings.length === 0 ? 'none' : r.warnings.join('\n')],
  ]);
}

export const infoCommand: Command = {
  name: 'info',
  summary: 'describe audio files: duration, rate, speech, pitch, loudness, warnings',
  usage: 'voiceclone info [--json] <audio…>',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean', default: false } });
    if (positionals.length === 0) throw new UsageError('info needs at least one audio file.');
    let code: number = EXIT.ok;
    for (const [i, file] of positionals.entries()) {
      try {
        const report = await analyzeAudio(file);
        if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
        else process.stdout.write(`${i > 0 ? '\n' : ''}${describe(report)}\n`);
      } catch (e) {
        code = Math.max(code, reportError(e, file));
      }
    }
    return code;
  },
};
