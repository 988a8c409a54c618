// The Save dialog of a history export, over the popup when it is open (so it stays in front of it), then
// the file written 0600 (save-file.ts).
import { BrowserWindow, dialog } from 'electron';
import type { SaveFilePort } from '../ports';
import { saveDialogOptions, writeSavedFile } from './save-file';

export function setupSaveFile(): SaveFilePort {
  return {
    async save(file) {
      const options = saveDialogOptions(file);
      const parent = BrowserWindow.getAllWindows().find((window) => window.isVisible());
      const { canceled, filePath } = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      if (canceled || !filePath) return 'cancelled';
      writeSavedFile(filePath, file.content);
      return 'saved';
    },
  };
}
