// The global shortcut's syntax, as the settings form checks it while typing and main's schema checks it
// again: Electron's accelerator grammar, with a modifier other than Shift required.
import { describe, expect, it } from 'vitest';
import { DEFAULT_GLOBAL_SHORTCUT } from '../../common/settings';
import { checkGlobalShortcut, normalizeShortcut } from '../../common/shortcut';
import { applySettingsPatch, defaultSettings, settingsPatchSchema, settingsSchema } from '../../main/settings/schema';

describe('global shortcut syntax', () => {
  it.each([
    DEFAULT_GLOBAL_SHORTCUT,
    '',
    'CmdOrCtrl+Shift+Space',
    'ctrl+alt+k',
    'Super+F12',
    'Alt+F24',
    'Control+Option+Plus',
    'Meta+num5',
    'AltGr+Shift+/',
    'Command+Escape',
    'Ctrl+MediaPlayPause',
  ])('accepts %j', (accelerator) => {
    expect(checkGlobalShortcut(accelerator)).toBeNull();
  });

  it.each([
    ['K', 'shortcut-needs-modifier'],
    ['Shift+K', 'shortcut-needs-modifier'],
    ['Ctrl+Alt', 'invalid-shortcut'],
    ['Ctrl+', 'invalid-shortcut'],
    ['Ctrl++', 'invalid-shortcut'],
    ['+K', 'invalid-shortcut'],
    ['Ctrl+KK', 'invalid-shortcut'],
    ['Ctrl+F25', 'invalid-shortcut'],
    ['Ctrl+F0', 'invalid-shortcut'],
    ['Hyper+K', 'invalid-shortcut'],
    ['Ctrl+Ctrl+K', 'invalid-shortcut'],
    ['K+Ctrl', 'invalid-shortcut'],
    ['Ctrl + K', 'invalid-shortcut'],
    ['Ctrl+ä', 'invalid-shortcut'],
    [`Ctrl+${'Alt+'.repeat(30)}K`, 'invalid-shortcut'],
  ])('refuses %j (%s)', (accelerator, violation) => {
    expect(checkGlobalShortcut(accelerator)).toBe(violation);
  });

  it('refuses what is not text', () => {
    expect(checkGlobalShortcut(5)).toBe('not-string');
    expect(checkGlobalShortcut(null)).toBe('not-string');
  });

  it('tidies spaces around the + signs, so what people type reads as Electron wants it', () => {
    expect(normalizeShortcut('  Ctrl + Alt +Shift+ K ')).toBe('Ctrl+Alt+Shift+K');
    expect(checkGlobalShortcut(normalizeShortcut('Ctrl + K'))).toBeNull();
    expect(normalizeShortcut('   ')).toBe('');
  });
});

describe('global shortcut setting', () => {
  it('defaults to CommandOrControl+Alt+Shift+K; empty (off) is kept', () => {
    expect(defaultSettings().globalShortcut).toBe('CommandOrControl+Alt+Shift+K');
    expect(applySettingsPatch(defaultSettings(), { globalShortcut: '' }).globalShortcut).toBe('');
  });

  it('the popup may change it; a malformed one is refused with the rule’s words, by the patch and the file', () => {
    expect(settingsPatchSchema.safeParse({ globalShortcut: 'Alt+Shift+F9' }).success).toBe(true);
    const refused = settingsPatchSchema.safeParse({ globalShortcut: 'Shift+K' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/Add Ctrl, Alt, Command or Super/);
    expect(settingsSchema.safeParse({ globalShortcut: 'Ctrl+' }).success).toBe(false);
    expect(() => applySettingsPatch(defaultSettings(), { globalShortcut: 'Nope+K' })).toThrow(/Write modifiers/);
  });
});
