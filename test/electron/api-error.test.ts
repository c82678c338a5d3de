// What a window reads when a call fails: the engine's own codes kept, everything else INTERNAL, one line each.
import { describe, expect, it } from 'vitest';
import { ApiError, toEngineError } from '../../electron/api-error';
import { VoiceCloneError } from '../../ml/errors';

describe('toEngineError', () => {
  it('keeps the code and first line of readable errors', () => {
    expect(toEngineError(new VoiceCloneError('TOO_SHORT', 'a.wav has only 0.2 s of speech.'))).toEqual({
      code: 'TOO_SHORT',
      message: 'a.wav has only 0.2 s of speech.',
    });
    expect(toEngineError(new ApiError('FORBIDDEN', 'No.\nstack'))).toEqual({ code: 'FORBIDDEN', message: 'No.' });
    expect(toEngineError({ code: 'CANCELLED', message: 'Cancelled.' })).toEqual({ code: 'CANCELLED', message: 'Cancelled.' });
  });

  it('turns bugs and system errors into INTERNAL', () => {
    const enoent = Object.assign(new Error("ENOENT: no such file, open '/x'"), { code: 'ENOENT' });
    expect(toEngineError(enoent).code).toBe('INTERNAL');
    expect(toEngineError(new TypeError('x is undefined'))).toEqual({ code: 'INTERNAL', message: 'Internal error: x is undefined' });
    expect(toEngineError('boom')).toEqual({ code: 'INTERNAL', message: 'Internal error: boom' });
    expect(toEngineError(null).code).toBe('INTERNAL');
  });
});
