// The clipboard port (clipboard.ts) over Electron's clipboard.
import { clipboard } from 'electron';
import type { ClipboardPort } from '../ports';
import { createClipboardPort } from './clipboard';

export function setupClipboard(): ClipboardPort {
  return createClipboardPort(clipboard);
}
