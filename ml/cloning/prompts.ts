// Sentences the app asks a person to read aloud when cloning their voice: short, easy to say, and together covering
// every vowel and consonant the English phoneme inventory uses (checked by test/ml/cloning/prompts.test.ts).

export const PROMPT_SENTENCES: readonly string[] = Object.freeze([
  'The quick brown fox jumps over the lazy dog.',
  'She sells sea shells by the sea shore.',
  'A big yellow jar of juice sat on the wide oak table.',
  'Thank you for the three thin feathers.',
  'The boy enjoyed playing with his noisy toy.',
  'How now, brown cow, shout out loud.',
  'Measure the beige garage with a yellow ruler.',
  'Would you please put the book back where it should be?',
  'Father calls the palm tree a calm place to rest.',
  'The church bells ring each Sunday morning.',
  'Her nurse heard the birds chirp early at work.',
  'I like to ride my bike five miles at night.',
  'We went to the zoo and saw a huge blue whale.',
  'The singer brought a long string for the ring.',
  'Keep the cheese and the peas in the green bag.',
  'Go slowly over the old stone road home.',
  'They may take the train to Spain on a rainy day.',
  'Vivid visions of violets filled the valley.',
  'Hurry up, the judge is waiting for the jury.',
  'Look at the good cook pulling wool from the hook.',
  'The children wanted roses for the wedding.',
]);
