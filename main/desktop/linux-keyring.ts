// Linux: whether safeStorage's key really came from a keyring, read from what it encrypts. The label
// `safeStorage.getSelectedStorageBackend()` answers is Chromium's guess from a table of desktop names
// (electron_api_safe_storage.cc sets it in the sync API's set-up from `os_crypt::SelectBackend`), so it
// says `basic_text` on Sway, Hyprland or i3 even where libsecret works, and it is never updated by the
// async API, whose Linux key providers include a fallback with a fixed, public key
// (fallback_linux_key_provider.cc: PBKDF2 of "peanuts"): `isAsyncEncryptionAvailable()` can be true with
// no keyring at all. What does tell is the ciphertext's version tag, which Chromium writes before the
// data and keeps stable for old data to stay readable:
//   v10: the fixed key (basic_text, or a keyring that did not answer): protects nothing;
//   v11: a key kept in the Secret Service (GNOME Keyring, KeePassXC, … through libsecret) or KWallet
//        (FreedesktopSecretKeyProvider, and OSCrypt's libsecret/kwallet backends);
//   v12: a key from the XDG Secret portal (SecretPortalKeyProvider), itself kept in the user's keyring.
// Sources: docs/reliability.md ("Linux keyrings") links them.

/** Where the key behind a Linux ciphertext came from; `unrecognized`: a tag this app does not know. */
export type LinuxKeySource = 'fixed-key' | 'secret-service' | 'secret-portal' | 'unrecognized';

const TAGS: Readonly<Record<string, LinuxKeySource>> = {
  v10: 'fixed-key',
  v11: 'secret-service',
  v12: 'secret-portal',
};

/** The key source a ciphertext's version tag (its first three bytes) names. */
export function linuxKeySource(ciphertext: Uint8Array): LinuxKeySource {
  const tag = Buffer.from(ciphertext.subarray(0, 3)).toString('latin1');
  return TAGS[tag] ?? 'unrecognized';
}

/** Encrypted to learn the key's source: never a token. */
export const KEY_PROBE_TEXT = 'vps-org-tray: which key?';

/** Labels of the keyring backends (getSelectedStorageBackend), kept as the stored backend when they hold. */
export const KEYRING_LABELS: ReadonlySet<string> = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);
