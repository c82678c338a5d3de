// `voiceclone say --voice <id> (--text "…" | --text-file <file>) --out <file.wav> [--library <dir>]`: speaks the text
// in a built-in or cloned voice into a watermarked 16-bit WAV, sentence by sentence.
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../ml/files';
import { defaultLibraryDir } from '../../ml/cloning/library-location';
import { createEngine } from '../../ml/engine';
import { parseCommandArgs, type Command } from '../command';
import { EXIT, formatFields, UsageError } from '../output';

export const sayCommand: Command = {
  name: 'say',
  summary: 'speak text in a voice into a WAV file',
  usage: 'voiceclone say --voice <id> (--text "…" | --text-file <file>) --out <file.wav> [--library <dir>]',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      voice: { type: 'string' },
      text: { type: 'string' },
      'text-file': { type: 'string' },
      out: { type: 'string' },
      library: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; put the text in --text "…".`);
    if (!values.voice) throw new UsageError('say needs --voice <id> (see `voiceclone voices`).');
    if (!values.out) throw new UsageError('say needs --out <file.wav>.');
    if ((values.text === undefined) === (values['text-file'] === undefined)) throw new UsageError('say needs exactly one of --text or --text-file.');
    const text = values.text ?? (await readFile(values['text-file']!, 'utf8'));
    const engine = await createEngine({ libraryDir: values.library ?? defaultLibraryDir() });
    const t0 = performance.now();
    const result = await engine.synthesize(values.voice, text);
    const seconds = (performance.now() - t0) / 1000;
    await writeFileAtomic(values.out, result.wav);
    process.stdout.write(
      `${formatFields([
        ['out', values.out],
        ['voice', values.voice],
        ['audio', `${result.seconds.toFixed(2)} s`],
        ['took', `${seconds.toFixed(2)} s`],
      ])}\n`,
    );
    return EXIT.ok;
  },
};
