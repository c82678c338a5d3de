// Runs the Debian speech and audio programs the synthetic corpus needs (espeak-ng, flite, festival, sox, rubberband)
// with argument arrays and no shell, and says which installer fixes a missing one.

import { execFile } from 'node:child_process';
import { VoiceCloneError } from '../../errors';

/** Each program the builder runs, with the Debian package that provides it. */
export const DEBIAN_TOOLS = {
  'espeak-ng': 'espeak-ng',
  flite: 'flite',
  festival: 'festival',
  sox: 'sox',
  rubberband: 'rubberband-cli',
} as const;

export type DebianTool = keyof typeof DEBIAN_TOOLS;

/** The one installer for every Debian package the project uses. */
export const APT_INSTALL_LINE = 'bash scripts/install-debian-deps.sh';

export interface ToolResult {
  stdout: string;
  stderr: string;
}

/** Runs one program to completion; fails with TOOL_MISSING when it is not installed and BAD_ARGUMENT when it fails. */
export function runTool(tool: DebianTool, args: readonly string[], timeoutMs = 60_000): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error === null) {
        resolve({ stdout, stderr });
        return;
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        reject(
          new VoiceCloneError(
            'TOOL_MISSING',
            `${tool} is not installed (Debian package ${DEBIAN_TOOLS[tool]}); install with: ${APT_INSTALL_LINE}`,
          ),
        );
        return;
      }
      const detail = stderr.trim().split('\n').pop() ?? '';
      reject(new VoiceCloneError('BAD_ARGUMENT', `${tool} ${args.join(' ')} failed: ${detail || error.message}`));
    });
  });
}

/** Fails with the apt-get line when any of the builder's programs is missing. */
export async function requireTools(): Promise<void> {
  const missing: string[] = [];
  for (const tool of Object.keys(DEBIAN_TOOLS) as DebianTool[]) {
    try {
      await runTool(tool, ['--version'], 20_000);
    } catch (e) {
      if (e instanceof VoiceCloneError && e.code === 'TOOL_MISSING') missing.push(tool);
    }
  }
  if (missing.length > 0) {
    throw new VoiceCloneError('TOOL_MISSING', `Missing ${missing.join(', ')}; install with: ${APT_INSTALL_LINE}`);
  }
}
