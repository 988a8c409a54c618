// The clipboard port over Electron's clipboard.
import { clipboard } from 'electron';
import type { ClipboardPort } from '../ports';

export function setupClipboard(): ClipboardPort {
  return { writeText: (text) => clipboard.writeText(text) };
}
