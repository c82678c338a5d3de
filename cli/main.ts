// The voiceclone command line: dispatches a subcommand and turns every failure into one readable line and an exit code.
// Subcommands live in cli/commands/, each a thin layer over the engine in ml/.
import { cloneCommand } from './commands/clone';
import { detectCommand } from './commands/detect';
import { embedCommand } from './commands/embed';
import { infoCommand } from './commands/info';
import { sayCommand } from './commands/say';
import { similarityCommand } from './commands/similarity';
import { voicesCommand } from './commands/voices';
import type { Command } from './command';
import { EXIT, reportError } from './output';

const commands: Command[] = [infoCommand, voicesCommand, sayCommand, cloneCommand, embedCommand, similarityCommand, detectCommand];

function help(): string {
  const rows: [string, string][] = [...commands.map((c): [string, string] => [c.usage, c.summary]), ['voiceclone help', 'this text']];
  const width = Math.max(...rows.map(([usage]) => usage.length)) + 2;
  return ['Usage: voiceclone <command> [options]', '', 'Commands:', ...rows.map(([u, s]) => `  ${u.padEnd(width)}${s}`), ''].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`voiceclone: unknown command "${name}".\n${help()}`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    return reportError(e, command.name);
  }
}

process.exitCode = await main(process.argv.slice(2));
