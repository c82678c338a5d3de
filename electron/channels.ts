// The IPC channel names of the desktop app: one per StudioApi method, plus the channel clone progress arrives on.
// Shared by the preload bridge (renderer side) and ipc.ts (main side) so both name exactly the same set.
import type { StudioApi } from '../ml/api';

/** StudioApi methods answered by the main process (every member but the onProgress subscription). */
export type StudioMethod = Exclude<keyof StudioApi, 'onProgress'>;

export const STUDIO_METHODS = [
  'inspectClip',
  'promptSentences',
  'consentStatement',
  'listVoices',
  'clone',
  'cancel',
  'synthesize',
  'similarity',
  'renameVoice',
  'deleteVoice',
  'restoreVoice',
  'exportVoice',
  'importVoice',
  'voiceMap',
  'voiceSpectrum',
  'checkWatermark',
  'pickAudioFiles',
  'pickVoiceFile',
  'saveFile',
] as const satisfies readonly StudioMethod[];

/** Main → window: clone progress reports. */
export const PROGRESS_CHANNEL = 'voiceclone:progress';

/** The invoke channel of a method. */
export function channelOf(method: StudioMethod): string {
  return `voiceclone:${method}`;
}

export function isStudioMethod(name: unknown): name is StudioMethod {
  return typeof name === 'string' && (STUDIO_METHODS as readonly string[]).includes(name);
}
