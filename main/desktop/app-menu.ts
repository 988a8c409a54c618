// The application menu. A tray app shows no menu bar, so Windows and Linux get none. macOS gets the
// smallest one: there Cmd+C/V/X/A/Z reach a page only through the application menu's edit roles
// (electron#3787, electron#49807), so without it the token could not be pasted into the popup.
import type { MenuItemConstructorOptions } from 'electron';

/** The application menu's template on `platform`; null: no menu (and no menu bar). */
export function applicationMenuTemplate(platform: string): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [
    { role: 'appMenu' },
    // Its items spelled out rather than the role's default submenu: these are what the popup needs.
    {
      role: 'editMenu',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
  ];
}
