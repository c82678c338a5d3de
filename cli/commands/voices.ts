// `voiceclone voices [--json] [--library <dir>]`: the built-in voices and the library's cloned voices; with --json
// one JSON array of { id, name, builtin, method }.
import { defaultLibraryDir } from '../../ml/cloning/library-location';
import { createEngine } from '../../ml/engine';
import { parseCommandArgs, type Command } from '../command';
import { EXIT } from '../output';

export const voicesCommand: Command = {
  name: 'voices',
  summary: 'list built-in and cloned voices',
  usage: 'voiceclone voices [--json] [--library <dir>]',
  async run(argv) {
    const { values } = parseCommandArgs(argv, { json: { type: 'boolean', default: false }, library: { type: 'string' } });
    const engine = await createEngine({ libraryDir: values.library ?? defaultLibraryDir() });
    const voices = await engine.listVoices();
    if (values.json) {
      process.stdout.write(`${JSON.stringify(voices.map((v) => ({ id: v.id, name: v.name, builtin: v.builtin, method: v.method })))}\n`);
    } else {
      const width = Math.max(...voices.map((v) => v.id.length)) + 2;
      for (const v of voices) process.stdout.write(`${v.id.padEnd(width)}${v.builtin ? 'built-in' : v.method.padEnd(8)}  ${v.name}\n`);
    }
    return EXIT.ok;
  },
};
