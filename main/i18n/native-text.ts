// Text from the API (server names, account labels, addresses) in the OS's own UI, made safe in one place:
// tray menu labels (tray/menu.ts), dialogs (tray/intents.ts), notifications (desktop/notifications.ts)
// and what is copied (features/app.ts, tray/intents.ts). Native UI shows text, never markup, but:
// - control characters (line breaks, escapes) would forge lines: each run becomes one space;
// - bidirectional overrides and isolates (U+202E makes "gnp.exe" read as "exe.png") are removed;
// - a name holding right-to-left text is isolated (U+2068 … U+2069), so it cannot reorder the words
//   around it (the app's languages are left-to-right: a name without right-to-left letters, its overrides
//   gone, cannot move anything, and stays as it is);
// - lengths are capped (a 10 000-character name would fill the screen);
// - `&` marks a mnemonic in Electron's menu labels (`&&` shows one `&`); Linux notification servers read
//   a body's `<b>`, `<a href>`, `&amp;` as markup (libnotify's body-markup), so those are escaped there;
// - an address is copied only when it is one (`net.isIP`).
import { isIP } from 'node:net';

const FSI = '\u2068';
const PDI = '\u2069';
/** Bidirectional formatting characters: marks, embeddings, overrides and isolates. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
/** C0, DEL, C1 and the Unicode line and paragraph separators. */
const CONTROLS = /[\p{Cc}\u2028\u2029]+/gu;
/** Right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, … and their presentation forms). */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
/** A name as `nativeName` isolates it: nothing bidirectional inside. */
const ISOLATED_NAME = /\u2068([^\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]*)\u2069/u;

/** Most characters of a name (a server's, an account's) in native UI. */
export const NATIVE_NAME_MAX_LENGTH = 64;
/** Most characters of one native text (a menu label, a dialog's message, a notification's body). */
export const NATIVE_TEXT_MAX_LENGTH = 300;

/** At most `max` characters (code points, so no emoji is split in half), "…" marking a cut. */
function capped(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Controls become one space each run; bidirectional characters go. */
function plain(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(CONTROLS, ' ');
}

/** A name of the API's, cleaned and capped, isolated when it holds right-to-left text, to be put into a native text. */
export function nativeName(name: string, max = NATIVE_NAME_MAX_LENGTH): string {
  const clean = capped(plain(name).trim(), max);
  return RIGHT_TO_LEFT.test(clean) ? `${FSI}${clean}${PDI}` : clean;
}

/**
 * A whole text for native UI: controls become spaces, every bidirectional character goes except the
 * isolates `nativeName` put around names, and it is capped (a name cut off is still closed).
 */
export function nativeText(text: string, max = NATIVE_TEXT_MAX_LENGTH): string {
  // split with a capture group: the odd parts are isolated names (already plain).
  const parts = text.split(ISOLATED_NAME);
  const joined = parts
    .map((part, index) => (index % 2 === 1 ? `${FSI}${part.replace(CONTROLS, ' ')}${PDI}` : plain(part)))
    .join('')
    .trim();
  const cut = capped(joined, max);
  return cut.lastIndexOf(FSI) > cut.lastIndexOf(PDI) ? `${cut}${PDI}` : cut;
}

/** A tray menu label: a native text whose `&` shows as itself, not as a mnemonic. */
export function nativeMenuLabel(text: string): string {
  return nativeText(text).replace(/&/g, '&&');
}

/** A Linux notification body: markup characters escaped (apply after `nativeText`). */
export function escapeNotificationMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The address when it is an IPv4 or IPv6 address, else null: nothing else is copied as one. */
export function copyableIp(text: string): string | null {
  return isIP(text) === 0 ? null : text;
}
