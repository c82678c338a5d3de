// The training speakers the app offers as ready voices: ids and names users see, and the speaker each one is.
// Chosen before training (not by how well they came out): six VCC2016 speakers, three synthetic voices. The Asterisk
// voice was offered too until 2026-11-28: its 8 kHz recordings gave a voice nobody could understand (99 % WER).

export interface BuiltinVoiceChoice {
  id: string;
  name: string;
  /** Speaker key in the TTS dataset (`corpus:speaker`). */
  speakerKey: string;
}

export const BUILTIN_VOICE_CHOICES: readonly BuiltinVoiceChoice[] = [
  { id: 'vcc-sf1', name: 'VCC2016 SF1 (female)', speakerKey: 'vcc2016:SF1' },
  { id: 'vcc-sf2', name: 'VCC2016 SF2 (female)', speakerKey: 'vcc2016:SF2' },
  { id: 'vcc-tf1', name: 'VCC2016 TF1 (female)', speakerKey: 'vcc2016:TF1' },
  { id: 'vcc-sm1', name: 'VCC2016 SM1 (male)', speakerKey: 'vcc2016:SM1' },
  { id: 'vcc-tm1', name: 'VCC2016 TM1 (male)', speakerKey: 'vcc2016:TM1' },
  { id: 'vcc-tm2', name: 'VCC2016 TM2 (male)', speakerKey: 'vcc2016:TM2' },
  { id: 'synth-slt', name: 'Synthetic: festival slt, augmented (female)', speakerKey: 'synth:spk0006' },
  { id: 'synth-kal', name: 'Synthetic: festival kal, augmented (male)', speakerKey: 'synth:spk0005' },
  { id: 'synth-rms', name: 'Synthetic: flite rms, augmented (male)', speakerKey: 'synth:spk0012' },
];
