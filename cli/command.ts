// The shape every CLI subcommand has, and argument parsing shared by all of them (node:util parseArgs, strict).
// Unknown flags or missing values become UsageError, which the CLI prints as one line with exit code 2.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './output';

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses argv strictly against the given options; positionals allowed. */
export function parseCommandArgs<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}
