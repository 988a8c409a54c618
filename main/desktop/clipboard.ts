// The clipboard port over an injected clipboard (Electron's in the app, a fake in tests).
import type { ClipboardPort } from '../ports';

export function createClipboardPort(clipboard: { writeText(text: string): void }): ClipboardPort {
  return { writeText: (text) => clipboard.writeText(text) };
}
