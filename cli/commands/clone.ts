// `voiceclone clone --method … --name N (--consent <audio> | --no-consent-check) [--texts file] [--json] <clips…>`: makes a
// voice from recordings, only with the owner's spoken consent, and saves it in the library; prints its id and the time taken.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { defaultLibraryDir } from '../../ml/cloning/library-location';
import { CLONE_METHODS, type CloneMethod } from '../../ml/cloning/library/types';
import { createEngine } from '../../ml/engine';
import { parseCommandArgs, type Command } from '../command';
import { EXIT, formatFields, UsageError } from '../output';

export const cloneCommand: Command = {
  name: 'clone',
  summary: 'clone a voice from recordings (speaker encoding or adaptation)',
  usage:
    'voiceclone clone --method encode|adapt-embedding|adapt-whole --name N (--consent <audio> | --no-consent-check) [--texts file] [--steps N] [--json] [--library <dir>] <clips…>',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      method: { type: 'string', default: 'encode' },
      name: { type: 'string' },
      texts: { type: 'string' },
      json: { type: 'boolean', default: false },
      library: { type: 'string' },
      steps: { type: 'string' },
      consent: { type: 'string' },
      'no-consent-check': { type: 'boolean', default: false },
    });
    if (!(CLONE_METHODS as readonly string[]).includes(values.method)) {
      throw new UsageError(`unknown --method "${values.method}"; choose ${CLONE_METHODS.join(', ')}.`);
    }
    const method = values.method as CloneMethod;
    if (!values.name) throw new UsageError('clone needs --name "<voice name>".');
    if (positionals.length === 0) throw new UsageError('clone needs at least one audio clip.');
    let texts: string[] = positionals.map(() => '');
    if (values.texts) {
      texts = (await readFile(values.texts, 'utf8')).split('\n').map((l) => l.trim()).filter((l) => l !== '');
      if (texts.length !== positionals.length) {
        throw new UsageError(`--texts has ${texts.length} lines but ${positionals.length} clips were given; give one line per clip.`);
      }
    } else if (method !== 'encode') {
      throw new UsageError(`${method} needs the text of each clip: --texts <file> with one line per clip.`);
    }
    const clips = await Promise.all(positionals.map(async (file, i) => ({ name: path.basename(file), bytes: new Uint8Array(await readFile(file)), text: texts[i] })));
    const steps = values.steps === undefined ? undefined : Number(values.steps);
    if (steps !== undefined && !(Number.isInteger(steps) && steps > 0 && steps <= 10000)) {
      throw new UsageError(`--steps must be a whole number from 1 to 10000, not "${values.steps}".`);
    }
    if (!values.consent && !values['no-consent-check']) {
      throw new UsageError('clone needs --consent <audio of the person reading the consent statement> (or --no-consent-check for research corpora).');
    }
    const engine = await createEngine({ libraryDir: values.library ?? defaultLibraryDir(), adaptSteps: steps, checkConsent: !values['no-consent-check'] });
    const consent = values.consent
      ? { name: path.basename(values.consent), bytes: new Uint8Array(await readFile(values.consent)), text: await engine.consentStatement(values.name) }
      : undefined;
    const interactive = !values.json && process.stderr.isTTY;
    const voice = await engine.clone({ jobId: randomUUID(), name: values.name, method, clips, consent }, (p) => {
      if (!interactive) return;
      const left = p.secondsLeft === null ? '' : `, ${Math.ceil(p.secondsLeft)} s left`;
      process.stderr.write(`\r${p.stage}: ${p.step}/${p.total}${left}   `);
    });
    if (interactive) process.stderr.write('\n');
    const seconds = voice.figures.cloneSeconds;
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ id: voice.id, method: voice.method, seconds, bytes: voice.bytes })}\n`);
    } else {
      process.stdout.write(
        `${formatFields([
          ['id', voice.id],
          ['method', voice.method],
          ['took', `${seconds.toFixed(2)} s`],
          ['bytes', String(voice.bytes)],
          ['similarity', (voice.figures.similarity ?? NaN).toFixed(3)],
        ])}\n`,
      );
    }
    return EXIT.ok;
  },
};
