// The file dialogs behind pickAudioFiles, pickVoiceFile and saveFile: shown by the main process, attached to the
// app's window, so only files the person chooses are ever read or written.
import { dialog, type BrowserWindow } from 'electron';
import type { SaveKind } from '../ml/api';
import type { Dialogs } from './ipc';
import { AUDIO_EXTENSIONS, VOICE_EXTENSION } from './picked-files';

const SAVE_FILTERS: Record<SaveKind, Electron.FileFilter[]> = {
  wav: [{ name: 'WAV audio', extensions: ['wav'] }],
  voice: [{ name: 'Voice Clone Studio voice', extensions: [VOICE_EXTENSION] }],
  csv: [{ name: 'CSV table', extensions: ['csv'] }],
};

export function electronDialogs(window: () => BrowserWindow | null): Dialogs {
  return {
    async openAudioFiles() {
      const w = window();
      if (!w) return [];
      const r = await dialog.showOpenDialog(w, {
        title: 'Import recordings',
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'Audio', extensions: [...AUDIO_EXTENSIONS] }],
      });
      return r.canceled ? [] : r.filePaths;
    },
    async openVoiceFile() {
      const w = window();
      if (!w) return null;
      const r = await dialog.showOpenDialog(w, {
        title: 'Import a voice',
        properties: ['openFile'],
        filters: SAVE_FILTERS.voice,
      });
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
    },
    async saveFile(kind, suggestedName) {
      const w = window();
      if (!w) return null;
      const r = await dialog.showSaveDialog(w, { title: 'Save', defaultPath: suggestedName, filters: SAVE_FILTERS[kind] });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  };
}
