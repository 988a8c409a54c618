// macOS's first launch in the built app (boot-kit.ts), played by answering `process.platform` with
// 'darwin' for the app's life: the token is pasted into the popup with Cmd+V, which macOS delivers to a
// page only through the application menu's edit roles (the stand-in's `keyEquivalentReachesPage`,
// electron#3787). What it cannot: whether macOS itself draws that menu (the stand-in has no menu bar).
import { afterAll, expect, test } from 'vitest';
import { useBootedApp } from './boot-kit';
import { StandInMenu } from './electron-stand-in/desktop';

const realPlatform = Object.getOwnPropertyDescriptor(process, 'platform')!;
Object.defineProperty(process, 'platform', { ...realPlatform, value: 'darwin' });
afterAll(() => Object.defineProperty(process, 'platform', realPlatform));

const booted = useBootedApp();

test('macOS (key equivalents reach a page only through an app menu with edit roles): Cmd+Z, Shift+Cmd+Z, Cmd+X, Cmd+C, Cmd+V and Cmd+A reach the popup through a minimal app menu', () => {
  booted();
  const menu = StandInMenu.getApplicationMenu();
  expect(menu?.items.map((item) => item.role)).toEqual(['appMenu', 'editMenu']);
  for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'])
    expect({ role, reaches: StandInMenu.keyEquivalentReachesPage(role) }).toEqual({ role, reaches: true });
});
