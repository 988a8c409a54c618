// A file the user chose to save (a history export), written for them alone: 0600, also when it replaces
// a file that had wider rights (the Save dialog asked before replacing it). Electron-free: the dialog is
// save-file-setup.ts's.
import { chmodSync, writeFileSync } from 'node:fs';
import type { FileToSave } from '../ports';

const FILE_MODE = 0o600;

/** The Save dialog's default name and its one filter, from the file's extension. */
export function saveDialogOptions(file: FileToSave): {
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
} {
  const extension = file.fileName.slice(file.fileName.lastIndexOf('.') + 1);
  return { defaultPath: file.fileName, filters: [{ name: extension.toUpperCase(), extensions: [extension] }] };
}

export function writeSavedFile(path: string, content: string): void {
  writeFileSync(path, content, { encoding: 'utf8', mode: FILE_MODE });
  // `mode` applies only to a new file: one replaced keeps its rights unless they are set again.
  chmodSync(path, FILE_MODE);
}
