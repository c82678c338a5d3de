// `voiceclone embed [--model verifier] <audio…>`: one JSON line per file, { "file", "embedding": [...] }, the speaker
// embedding (256-d unit vector) from the speaker verifier shipped in assets/verifier.
import { embedFile, loadVerifier } from '../../ml/models/verifier/embed';
import { parseCommandArgs, type Command } from '../command';
import { EXIT, reportError, UsageError } from '../output';

/** Embedding models this command can run. */
const MODELS = ['verifier'] as const;

export const embedCommand: Command = {
  name: 'embed',
  summary: 'print a speaker embedding per audio file (JSON lines)',
  usage: 'voiceclone embed [--model verifier] <audio…>',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { model: { type: 'string', default: 'verifier' } });
    if (!(MODELS as readonly string[]).includes(values.model)) {
      throw new UsageError(`unknown --model "${values.model}"; available: ${MODELS.join(', ')}.`);
    }
    if (positionals.length === 0) throw new UsageError('embed needs at least one audio file.');
    const verifier = await loadVerifier();
    let code: number = EXIT.ok;
    for (const file of positionals) {
      try {
        const embedding = Array.from(await embedFile(verifier, file), (x) => Number(x.toFixed(6)));
        process.stdout.write(`${JSON.stringify({ file, embedding })}\n`);
      } catch (e) {
        code = Math.max(code, reportError(e, file));
      }
    }
    return code;
  },
};
