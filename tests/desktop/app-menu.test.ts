import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from '../../main/desktop/app-menu';

const roles = (template: ReturnType<typeof applicationMenuTemplate>): string[] =>
  (template ?? []).flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);

describe('application menu', () => {
  it('macOS: the app menu and the edit roles that carry Cmd+Z/Shift+Cmd+Z/X/C/V/A to the page', () => {
    expect(roles(applicationMenuTemplate('darwin'))).toEqual(
      expect.arrayContaining(['appMenu', 'editMenu', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
  });

  it('Windows and Linux: none (no menu bar on the popup)', () => {
    expect(applicationMenuTemplate('win32')).toBeNull();
    expect(applicationMenuTemplate('linux')).toBeNull();
  });
});
