// The global shortcut's syntax: Electron's accelerator grammar (modifiers, then one key, joined by `+`,
// case-insensitive), checked the same way by the settings form as you type and by main's settings schema.
// Plain TypeScript in the style of rules.ts: a violation code, worded by each side.
import type { RuleViolation } from './rules';

const MODIFIERS = new Set([
  'command',
  'cmd',
  'control',
  'ctrl',
  'commandorcontrol',
  'cmdorctrl',
  'alt',
  'option',
  'altgr',
  'shift',
  'super',
  'meta',
]);

const NAMED_KEYS = new Set([
  'plus',
  'space',
  'tab',
  'capslock',
  'numlock',
  'scrolllock',
  'backspace',
  'delete',
  'insert',
  'return',
  'enter',
  'up',
  'down',
  'left',
  'right',
  'home',
  'end',
  'pageup',
  'pagedown',
  'escape',
  'esc',
  'volumeup',
  'volumedown',
  'volumemute',
  'medianexttrack',
  'mediaprevioustrack',
  'mediastop',
  'mediaplaypause',
  'printscreen',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
]);

/** One character keys: letters, digits and the punctuation Electron names (`+` itself is `Plus`). */
const CHARACTER_KEY = /^[a-z0-9)!@#$%^&*(:;=<,_\->.?/~`{}[\]|\\"']$/;
const FUNCTION_KEY = /^f([1-9]|1[0-9]|2[0-4])$/;
const NUMPAD_DIGIT = /^num[0-9]$/;

export const SHORTCUT_MAX_LENGTH = 100;

function isKey(token: string): boolean {
  return CHARACTER_KEY.test(token) || FUNCTION_KEY.test(token) || NUMPAD_DIGIT.test(token) || NAMED_KEYS.has(token);
}

/** What was typed, tidied: no spaces around the `+`s (`Ctrl + K` -> `Ctrl+K`); `''` stays off. */
export function normalizeShortcut(text: string): string {
  return text
    .trim()
    .split(/\s*\+\s*/)
    .join('+');
}

/**
 * `''` (no shortcut) or modifiers then one key, e.g. `CommandOrControl+Alt+Shift+K`. A modifier other
 * than Shift is required: a global shortcut of a plain key (or Shift+key) would take that key from
 * every other app.
 */
export function checkGlobalShortcut(value: unknown): RuleViolation | null {
  if (typeof value !== 'string') return 'not-string';
  if (value === '') return null;
  if (value.length > SHORTCUT_MAX_LENGTH) return 'invalid-shortcut';
  const tokens = value.toLowerCase().split('+');
  const key = tokens.at(-1) ?? '';
  const modifiers = tokens.slice(0, -1);
  if (!isKey(key)) return 'invalid-shortcut';
  if (!modifiers.every((modifier) => MODIFIERS.has(modifier))) return 'invalid-shortcut';
  if (new Set(modifiers).size !== modifiers.length) return 'invalid-shortcut';
  return modifiers.some((modifier) => modifier !== 'shift') ? null : 'shortcut-needs-modifier';
}
