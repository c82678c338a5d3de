// The API the window gets: exactly the contract's functions, frozen, each sending only its own arguments to its
// own method; failures arrive as plain { code, message } objects. Nothing in it reaches Node.
import { describe, expect, it } from 'vitest';
import type { StudioApi } from '../../ml/api';
import { createStudioApi } from '../../electron/bridge';
import { STUDIO_METHODS, type StudioMethod } from '../../electron/channels';

/** Every member of StudioApi, spelled out so a new member must be added here on purpose. */
const CONTRACT: Record<keyof StudioApi, true> = {
  inspectClip: true,
  promptSentences: true,
  consentStatement: true,
  listVoices: true,
  clone: true,
  cancel: true,
  synthesize: true,
  similarity: true,
  renameVoice: true,
  deleteVoice: true,
  restoreVoice: true,
  exportVoice: true,
  importVoice: true,
  voiceMap: true,
  voiceSpectrum: true,
  checkWatermark: true,
  onProgress: true,
  pickAudioFiles: true,
  pickVoiceFile: true,
  saveFile: true,
};

describe('createStudioApi', () => {
  const sent: [StudioMethod, unknown[]][] = [];
  const api = createStudioApi({
    invoke: async (method, args) =>
      method === 'listVoices'
        ? { ok: false, error: { code: 'INTERNAL', message: 'The voice engine stopped.' } }
        : (sent.push([method, args]), { ok: true, value: method }),
    subscribe: () => () => undefined,
  });

  it('exposes exactly the contract, as functions, and cannot be extended', () => {
    expect(Object.keys(api).sort()).toEqual(Object.keys(CONTRACT).sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    expect(() => Object.assign(api, { require: () => null })).toThrow();
    expect(STUDIO_METHODS.length).toBe(Object.keys(CONTRACT).length - 1);
  });

  it('sends each call to its own method with its own arguments', async () => {
    const bytes = new Uint8Array([9]);
    expect(await api.synthesize('v1', 'Hello.')).toBe('synthesize');
    expect(await api.saveFile('wav', 'a.wav', bytes)).toBe('saveFile');
    expect(sent).toEqual([
      ['synthesize', ['v1', 'Hello.']],
      ['saveFile', ['wav', 'a.wav', bytes]],
    ]);
  });

  it('rejects with a plain EngineError', async () => {
    const e: unknown = await api.listVoices().catch((x: unknown) => x);
    expect(e).toEqual({ code: 'INTERNAL', message: 'The voice engine stopped.' });
  });
});
