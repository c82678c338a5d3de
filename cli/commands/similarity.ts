// `voiceclone similarity [--json] <a> <b…>`: how alike the voice in each b is to the voice in a, by the speaker
// verifier: cosine of the embeddings and the calibrated probability (from cosine and clip durations) that both are the same speaker.
import { loadVerifier, printFile } from '../../ml/models/verifier/embed';
import { compareSpeakers } from '../../ml/models/verifier/score';
import { parseCommandArgs, type Command } from '../command';
import { EXIT, formatFields, reportError, UsageError } from '../output';

export const similarityCommand: Command = {
  name: 'similarity',
  summary: 'compare voices: verifier cosine and same-speaker probability of each b against a',
  usage: 'voiceclone similarity [--json] <a> <b…>',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean', default: false } });
    if (positionals.length < 2) throw new UsageError('similarity needs a reference file and at least one file to compare.');
    const [a, ...others] = positionals;
    const verifier = await loadVerifier();
    const ref = await printFile(verifier, a);
    let code: number = EXIT.ok;
    for (const [i, b] of others.entries()) {
      try {
        const { cosine, probability } = compareSpeakers(verifier, await printFile(verifier, b), [ref]);
        if (values.json) {
          process.stdout.write(`${JSON.stringify({ a, b, cosine, sameSpeakerProbability: probability })}\n`);
        } else {
          const block = formatFields([
            ['a', a],
            ['b', b],
            ['cosine', cosine.toFixed(4)],
            ['same speaker', `${(100 * probability).toFixed(1)} %`],
          ]);
          process.stdout.write(`${i > 0 ? '\n' : ''}${block}\n`);
        }
      } catch (e) {
        code = Math.max(code, reportError(e, b));
      }
    }
    return code;
  },
};
