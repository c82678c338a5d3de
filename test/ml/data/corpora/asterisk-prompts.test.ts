// Tests for the Debian asterisk prompt reader: the installed prompts (asterisk-core-sounds-en-wav + -en) and parsing.
// Checks text attachment, removal of bracketed non-speech notes, and the error when the package is absent.
import { describe, expect, it } from 'vitest';
import { parseAsteriskText, readAsteriskPrompts } from '../../../../ml/data/corpora/asterisk-prompts';
import { tempCorpusDir } from './fixtures';

describe('parseAsteriskText', () => {
  it('keeps spoken text, strips bracketed notes and reports the rest', () => {
    const { prompts, skipped } = parseAsteriskText(
      '; header\n\nadded: Added.\nletters/at: at [@]\nbeep: [this is a simple beep tone]\nno colon here\n',
    );
    expect([...prompts]).toEqual([
      ['added', 'Added.'],
      ['letters/at', 'at'],
    ]);
    expect(skipped).toEqual(['beep: no spoken text', 'line 6: not "name: text"']);
  });
});

describe('readAsteriskPrompts', () => {
  it('reads the installed prompts with their text', () => {
    const c = readAsteriskPrompts();
    expect(c.utterances.length).toBeGreaterThan(400);
    expect(c.speakers).toEqual(['allison']);
    expect(c.utterances.find((u) => u.id === 'agent-loggedoff')?.text).toBe('Agent Logged off.');
    expect(c.utterances.find((u) => u.id === 'digits/5')?.text).toBe('five');
    expect(c.utterances.some((u) => u.id === 'beep')).toBe(false);
  });

  it('says which package to install when the sounds are missing', () => {
    expect(() => readAsteriskPrompts(tempCorpusDir('no-asterisk') + '/en')).toThrow(
      /asterisk-core-sounds-en-wav.*folder not found/,
    );
  });
});
