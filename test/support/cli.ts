// Runs the real `voiceclone` command in a child process, as a person would, and returns its exit code and output.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cli/voiceclone.mjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `voiceclone …args`; never throws for a non-zero exit. */
export async function voiceclone(args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
