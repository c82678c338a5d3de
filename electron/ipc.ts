// The main process's IPC handlers: one per StudioApi method, each validating its payload before the engine or the
// file system sees it, behind a sender check. Returns a result envelope, so a failure reaches the window as an
// EngineError (code + readable line). main.ts registers them with ipcMain; the e2e bridge calls the same dispatch.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { EngineError, JobProgress, SaveKind, SaveResult, VoiceEngine } from '../ml/api';
import { ApiError, toEngineError } from './api-error';
import { channelOf, isStudioMethod, PROGRESS_CHANNEL, STUDIO_METHODS, type StudioMethod } from './channels';
import { readPickedAudio, readPickedVoice, writeChosenFile } from './picked-files';
import { isTrustedSender, type SenderInfo, type TrustedWindow } from './sender';
import * as v from './validate';

/** File dialogs run by the main process; each resolves with what the person chose (null/[] when cancelled). */
export interface Dialogs {
  openAudioFiles(): Promise<string[]>;
  openVoiceFile(): Promise<string | null>;
  saveFile(kind: SaveKind, suggestedName: string): Promise<string | null>;
}

/** What a handler may do besides return: send clone progress to the window that asked. */
export interface CallContext {
  emitProgress(p: JobProgress): void;
}

type Handler = (payload: unknown, ctx: CallContext) => Promise<unknown>;

export type IpcResult = { ok: true; value: unknown } | { ok: false; error: EngineError };

/** The handlers over an engine and the dialogs. */
export function createHandlers(engine: VoiceEngine, dialogs: Dialogs): Record<StudioMethod, Handler> {
  return {
    inspectClip: async (p) => engine.inspectClip(v.audioInput(v.argList(p, 1)[0], 'clip')),
    promptSentences: async (p) => (v.argList(p, 0), engine.promptSentences()),
    consentStatement: async (p) => engine.consentStatement(v.personName(v.argList(p, 1)[0], 'name')),
    listVoices: async (p) => (v.argList(p, 0), engine.listVoices()),
    clone: async (p, ctx) => engine.clone(v.cloneRequest(v.argList(p, 1)[0]), (progress) => ctx.emitProgress(progress)),
    cancel: async (p) => engine.cancel(v.id(v.argList(p, 1)[0], 'jobId')),
    synthesize: async (p) => {
      const [voiceId, text] = v.argList(p, 2);
      return engine.synthesize(v.id(voiceId, 'voiceId'), v.text(text, 'text', v.IPC_LIMITS.textChars));
    },
    similarity: async (p) => {
      const [audio, refs] = v.argList(p, 2);
      return engine.similarity(
        v.audioInput(audio, 'audio'),
        v.list(refs, 'references', 1, v.IPC_LIMITS.references, v.audioInput),
      );
    },
    renameVoice: async (p) => {
      const [voiceId, name] = v.argList(p, 2);
      return engine.renameVoice(v.id(voiceId, 'id'), v.text(name, 'name', v.IPC_LIMITS.nameChars).trim());
    },
    deleteVoice: async (p) => engine.deleteVoice(v.id(v.argList(p, 1)[0], 'id')),
    restoreVoice: async (p) => engine.restoreVoice(v.id(v.argList(p, 1)[0], 'id')),
    exportVoice: async (p) => engine.exportVoice(v.id(v.argList(p, 1)[0], 'id')),
    importVoice: async (p) => engine.importVoice(v.bytes(v.argList(p, 1)[0], 'voice file', v.IPC_LIMITS.voiceBytes)),
    voiceMap: async (p) => (v.argList(p, 0), engine.voiceMap()),
    voiceSpectrum: async (p) => engine.voiceSpectrum(v.id(v.argList(p, 1)[0], 'id')),
    checkWatermark: async (p) => engine.checkWatermark(v.audioInput(v.argList(p, 1)[0], 'audio')),
    pickAudioFiles: async (p) => (v.argList(p, 0), readPickedAudio(await dialogs.openAudioFiles())),
    pickVoiceFile: async (p) => {
      v.argList(p, 0);
      const file = await dialogs.openVoiceFile();
      return file === null ? null : readPickedVoice(file);
    },
    saveFile: async (p): Promise<SaveResult> => {
      const [kind, suggestedName, data] = v.argList(p, 3);
      const k = v.saveKind(kind);
      const name = v.fileName(suggestedName, 'suggestedName');
      const content = v.bytes(data, 'file', v.IPC_LIMITS.saveBytes);
      const file = await dialogs.saveFile(k, name);
      return file === null ? { saved: false, name: null } : { saved: true, name: await writeChosenFile(file, content) };
    },
  };
}

/** A method name fit for a message, whatever was sent. */
function nameOf(method: unknown): string {
  return typeof method === 'string' ? JSON.stringify(method.slice(0, 60)) : `(a ${typeof method})`;
}

/** Answers one request: sender check, method lookup, validation and work; never throws. */
export async function dispatch(
  handlers: Record<StudioMethod, Handler>,
  method: unknown,
  payload: unknown,
  sender: SenderInfo,
  trusted: TrustedWindow,
  ctx: CallContext,
): Promise<IpcResult> {
  try {
    if (!isTrustedSender(sender, trusted)) {
      throw new ApiError('FORBIDDEN', 'This request did not come from the Voice Clone Studio window.');
    }
    if (!isStudioMethod(method)) throw new ApiError('NOT_FOUND', `There is no operation called ${nameOf(method)}.`);
    return { ok: true, value: await handlers[method](payload, ctx) };
  } catch (e) {
    const error = toEngineError(e);
    if (error.code === 'INTERNAL') console.error(`voiceclone ${nameOf(method)}:`, e);
    return { ok: false, error };
  }
}

/** How Electron describes the caller of an invoke. */
export function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  return {
    webContentsId: event.sender.id,
    frameUrl: event.senderFrame?.url ?? '',
    isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
  };
}

/** Registers every handler on ipcMain; `trusted` gives the current window (null before it exists). */
export function registerIpc(ipcMain: IpcMain, handlers: Record<StudioMethod, Handler>, trusted: () => TrustedWindow | null): void {
  for (const method of STUDIO_METHODS) {
    ipcMain.handle(channelOf(method), (event, payload: unknown) =>
      dispatch(handlers, method, payload, senderOf(event), trusted() ?? { webContentsId: -1, origin: '' }, {
        emitProgress: (p) => {
          if (!event.sender.isDestroyed()) event.sender.send(PROGRESS_CHANNEL, p);
        },
      }),
    );
  }
}
