// Builds the synthetic corpus's sentence list (committed as sentences.txt): Asterisk's prompt texts and pocketsphinx's
// test transcripts from Debian, plus template sentences over hand-picked words chosen to cover every English phoneme.
// Harvard and VCC2016 sentences are deliberately absent: evaluation uses them and they must stay unseen.

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { VoiceCloneError } from '../../errors';
import { indexHash } from './hash';

export const ASTERISK_PROMPTS_FILE = '/usr/share/doc/asterisk-core-sounds-en/core-sounds-en.txt.gz';
export const POCKETSPHINX_TRANSCRIPTS = [
  '/usr/share/pocketsphinx/test/data/librivox/transcription',
  '/usr/share/pocketsphinx/test/data/cards/cards.transcription',
];

export const MIN_WORDS = 4;
export const MAX_WORDS = 15;
/** How many template sentences to draw (duplicates and out-of-range lengths are dropped afterwards). */
export const TEMPLATE_DRAWS = 3600;

const SUBJECTS = [
  'the old farmer', 'my younger sister', 'a quiet neighbour', 'the tired pilot', 'our music teacher', 'the new doctor',
  'a young engineer', 'the village baker', 'his oldest brother', 'the shy painter', 'a careful driver', 'the museum guard',
  'her grandmother', 'the bored student', 'a cheerful nurse', 'the school choir', 'the angry customer', 'my cousin Joseph',
  'the small boy', 'a famous author', 'the fisherman', 'the cook', 'Anne', 'Thomas', 'the jeweller', 'the zookeeper',
  'our vet', 'the judge', 'the thirsty hikers', 'the clever mouse', 'a usual visitor', 'the choir leader',
];

/** [base form, past tense, past participle] of transitive verbs. */
const VERBS: readonly (readonly [string, string, string])[] = [
  ['carry', 'carried', 'carried'], ['paint', 'painted', 'painted'], ['borrow', 'borrowed', 'borrowed'],
  ['fix', 'fixed', 'fixed'], ['watch', 'watched', 'watched'], ['measure', 'measured', 'measured'],
  ['wash', 'washed', 'washed'], ['choose', 'chose', 'chosen'], ['bring', 'brought', 'brought'],
  ['push', 'pushed', 'pushed'], ['throw', 'threw', 'thrown'], ['join', 'joined', 'joined'],
  ['enjoy', 'enjoyed', 'enjoyed'], ['judge', 'judged', 'judged'], ['thank', 'thanked', 'thanked'],
  ['bathe', 'bathed', 'bathed'], ['weigh', 'weighed', 'weighed'], ['hang', 'hung', 'hung'],
  ['sew', 'sewed', 'sewn'], ['explore', 'explored', 'explored'], ['treasure', 'treasured', 'treasured'],
  ['visit', 'visited', 'visited'], ['hug', 'hugged', 'hugged'], ['chase', 'chased', 'chased'],
  ['mend', 'mended', 'mended'], ['pour', 'poured', 'poured'], ['sing', 'sang', 'sung'],
  ['find', 'found', 'found'], ['cook', 'cooked', 'cooked'], ['allow', 'allowed', 'allowed'],
  ['avoid', 'avoided', 'avoided'], ['wrap', 'wrapped', 'wrapped'], ['shave', 'shaved', 'shaved'],
  ['polish', 'polished', 'polished'], ['study', 'studied', 'studied'], ['describe', 'described', 'described'],
  ['rescue', 'rescued', 'rescued'], ['examine', 'examined', 'examined'], ['question', 'questioned', 'questioned'],
  ['take', 'took', 'taken'], ['steal', 'stole', 'stolen'], ['draw', 'drew', 'drawn'],
];

const OBJECTS = [
  'the heavy box', 'a yellow umbrella', 'the broken chair', 'his leather boots', 'a jar of honey', 'the garden fence',
  'the wooden toy', 'a pair of gloves', 'the rusty bicycle', 'her vision of the future', 'the beige curtains',
  'a bowl of soup', 'the noisy engine', 'the thick rope', 'a map of the valley', 'the silver coins', 'the purple shoes',
  'a bunch of grapes', 'the cloth bag', 'the youth orchestra', 'a cup of coffee', 'the frozen pond', 'the azure vase',
  'the oily pan', 'a loaf of bread', 'the church bells', 'the measuring tape', 'the giant puzzle', 'a thousand feathers',
  'the wet dog', 'the quiet child', 'an ugly statue', 'the fragile ornament', 'a bag of oranges', 'the crooked ladder',
];

const PLACES = [
  'near the harbour', 'before the storm', 'after lunch', 'in the kitchen', 'behind the shed', 'on a Sunday morning',
  'under the bridge', 'beside the window', 'at the station', 'during the holiday', 'through the thick fog',
  'in the pouring rain', 'at midnight', 'by the old mill', 'in the garage', 'without a sound', 'with great pleasure',
  'for the third time', 'across the river', 'along the beach', 'outside the theatre', 'every Thursday', 'in June',
  'at the zoo', 'over the hills', 'with both hands', 'in the evening', 'below the castle', 'around noon',
];

const ADVERBS = ['slowly', 'quickly', 'carefully', 'happily', 'quietly', 'gently', 'proudly', 'easily', 'rarely', 'always'];

type Template = (pick: <T>(list: readonly T[], slot: string) => T) => string;

const TEMPLATES: readonly Template[] = [
  (p) => `${cap(p(SUBJECTS, 's'))} ${p(VERBS, 'v')[1]} ${p(OBJECTS, 'o')} ${p(PLACES, 'l')}.`,
  (p) => `${cap(p(SUBJECTS, 's'))} ${p(ADVERBS, 'a')} ${p(VERBS, 'v')[1]} ${p(OBJECTS, 'o')}.`,
  (p) => `${cap(p(PLACES, 'l'))}, ${p(SUBJECTS, 's')} ${p(VERBS, 'v')[1]} ${p(OBJECTS, 'o')}.`,
  (p) => `Did ${p(SUBJECTS, 's')} ${p(VERBS, 'v')[0]} ${p(OBJECTS, 'o')} ${p(PLACES, 'l')}?`,
  (p) => `Why would ${p(SUBJECTS, 's')} ${p(VERBS, 'v')[0]} ${p(OBJECTS, 'o')}?`,
  (p) => `Please ${p(VERBS, 'v')[0]} ${p(OBJECTS, 'o')} ${p(PLACES, 'l')}.`,
  (p) => `${cap(p(SUBJECTS, 's'))} said that ${p(SUBJECTS, 't')} ${p(VERBS, 'v')[1]} ${p(OBJECTS, 'o')}.`,
  (p) => `${cap(p(SUBJECTS, 's'))} will never ${p(VERBS, 'v')[0]} ${p(OBJECTS, 'o')} again.`,
  (p) => `If ${p(SUBJECTS, 's')} ${p(VERBS, 'v')[1]} ${p(OBJECTS, 'o')}, ${p(SUBJECTS, 't')} would ${p(VERBS, 'w')[0]} it too.`,
  (p) => `${cap(p(OBJECTS, 'o'))} was ${p(ADVERBS, 'a')} ${p(VERBS, 'v')[2]} by ${p(SUBJECTS, 's')}.`,
  (p) => `${cap(p(SUBJECTS, 's'))} has ${p(VERBS, 'v')[2]} ${p(OBJECTS, 'o')} ${p(PLACES, 'l')}.`,
];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[A-Za-z]/.test(w)).length;
}

/**
 * Only letters, spaces and plain punctuation: no digits, brackets or symbols the engines would read differently,
 * and no prompt fragment trailing off with "..." (Asterisk splices a number in there).
 */
function isPlainSentence(s: string): boolean {
  return (
    /^[A-Za-z][A-Za-z ,.'?!-]*[.?!]?$/.test(s) &&
    !s.includes('..') &&
    wordCount(s) >= MIN_WORDS &&
    wordCount(s) <= MAX_WORDS
  );
}

function readTextFile(file: string): string {
  try {
    const raw = readFileSync(file);
    return file.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  } catch (e) {
    throw new VoiceCloneError('DATA_MISSING', `Cannot read ${file}; install with: sudo apt-get install -y asterisk-core-sounds-en pocketsphinx-testdata`, { cause: e });
  }
}

/** Asterisk prompt texts (`name: text` lines), split into sentences. */
export function asteriskSentences(): string[] {
  return readTextFile(ASTERISK_PROMPTS_FILE)
    .split('\n')
    .filter((line) => !line.startsWith(';') && line.includes(':'))
    .flatMap((line) => line.slice(line.indexOf(':') + 1).split(/(?<=[.?!])\s+/))
    .map((s) => s.trim().replace(/\s+/g, ' '));
}

/** pocketsphinx test transcripts (`<s> words </s> (id)`), capitalized and ended with a full stop. */
export function pocketsphinxSentences(): string[] {
  return POCKETSPHINX_TRANSCRIPTS.flatMap((file) =>
    readTextFile(file)
      .split('\n')
      .map((line) => /<s>(.*)<\/s>/.exec(line)?.[1].trim().replace(/\s+/g, ' ') ?? '')
      .filter((s) => s.length > 0)
      .map((s) => `${cap(s)}.`),
  );
}

/** Template sentence number `i`, its slots filled by hashing (i, slot). */
export function templateSentence(i: number): string {
  const template = TEMPLATES[indexHash(TEMPLATES.length, 'template', i)];
  return template((list, slot) => list[indexHash(list.length, 'slot', slot, i)]);
}

/** The full sentence list in its committed order: Debian texts first, then templates; unique, 4–15 words. */
export function buildSentenceList(): string[] {
  const all = [
    ...asteriskSentences(),
    ...pocketsphinxSentences(),
    ...Array.from({ length: TEMPLATE_DRAWS }, (_, i) => templateSentence(i)),
  ];
  const seen = new Set<string>();
  return all.filter((s) => {
    const key = s.toLowerCase();
    if (!isPlainSentence(s) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
