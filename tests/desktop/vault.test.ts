import { describe, expect, it } from 'vitest';
import { KEYCHAIN_UNAVAILABLE_NOTICE } from '../../main/accounts/token-service';
import {
  createTokenVault,
  ENCRYPTION_UNAVAILABLE_REASON,
  NO_KEYRING_REASON,
  VAULT_KEY,
  vaultContentProblem,
  type KeyValueStore,
  type SafeStoragePort,
} from '../../main/desktop/vault';

const TOKEN = 'vps_live_SECRET_token_0123456789';
const ACCOUNT = { id: 'acc-1', label: 'VPS.org', baseUrl: 'https://admin.vps.org/api/v1' };

/** A store that records every JSON text it would have written to disk. */
function memoryStore() {
  const data = new Map<string, unknown>();
  const written: string[] = [];
  const store: KeyValueStore = {
    get: (key) => data.get(key),
    set: (key, value) => {
      data.set(key, structuredClone(value));
      written.push(JSON.stringify({ [key]: value }));
    },
    delete: (key) => {
      data.delete(key);
    },
  };
  return { store, data, written };
}

interface FakeSafeStorageOptions {
  available?: boolean;
  backend?: string;
  failDecrypt?: boolean;
  failEncrypt?: boolean;
  /** Linux: the version tag Chromium writes first (v10 fixed key, v11 keyring, v12 portal); none by default. */
  tag?: string;
}

/** Reversible "encryption" that does not contain the plaintext. The state can change between calls. */
function fakeSafeStorage(options: FakeSafeStorageOptions = {}) {
  const state = {
    available: options.available ?? true,
    availabilityThrows: false,
    backend: options.backend ?? 'gnome_libsecret',
    failDecrypt: options.failDecrypt ?? false,
    encryptCalls: 0,
    decryptCalls: 0,
    /** Every text given to encryptStringAsync. */
    encrypted: [] as string[],
  };
  const tag = Buffer.from(options.tag ?? '', 'latin1');
  const port: SafeStoragePort = {
    isAsyncEncryptionAvailable: async () => {
      if (state.availabilityThrows) throw new Error('safeStorage is not ready');
      return state.available;
    },
    encryptStringAsync: async (plain) => {
      state.encryptCalls += 1;
      state.encrypted.push(plain);
      if (options.failEncrypt) throw new Error('keychain locked');
      return Buffer.concat([tag, Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)]);
    },
    decryptStringAsync: async (encrypted) => {
      state.decryptCalls += 1;
      if (state.failDecrypt)
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      const data = encrypted.subarray(tag.length);
      return { shouldReEncrypt: false, result: Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8') };
    },
    getSelectedStorageBackend: () => state.backend,
  };
  return { port, state };
}

describe('token vault', () => {
  it.each([
    ['linux', 'gnome_libsecret', 'gnome_libsecret'],
    ['linux', 'kwallet6', 'kwallet6'],
    ['darwin', 'unknown', 'keychain'],
    ['win32', 'unknown', 'dpapi'],
  ])('persists only ciphertext on %s with %s', async (platform, linuxBackend, expected) => {
    const { store, written } = memoryStore();
    const { port } = fakeSafeStorage({ backend: linuxBackend });
    const vault = createTokenVault({ safeStorage: port, store, platform });

    const info = await vault.save(ACCOUNT, TOKEN);
    expect(info).toEqual({ backend: expected, persisted: true });
    expect(written.length).toBeGreaterThan(0);
    for (const text of written) expect(text).not.toContain(TOKEN);
    const stored = store.get(VAULT_KEY) as {
      version: number;
      activeAccountId: string;
      accounts: Record<string, object>;
    };
    expect(stored.version).toBe(2);
    expect(stored.activeAccountId).toBe('acc-1');
    expect(stored.accounts['acc-1']).toMatchObject({ label: 'VPS.org', backend: expected });

    // A new session (new vault object over the same store) gets the token back.
    const reopened = createTokenVault({ safeStorage: port, store, platform });
    await expect(reopened.load()).resolves.toEqual({
      status: 'ok',
      activeAccountId: 'acc-1',
      accounts: [{ account: ACCOUNT, token: TOKEN, storage: { backend: expected, persisted: true } }],
    });
  });

  it('keeps the token in memory only when Linux selected basic_text', async () => {
    const { store, written } = memoryStore();
    const { port, state } = fakeSafeStorage({ backend: 'basic_text' });
    const vault = createTokenVault({ safeStorage: port, store, platform: 'linux' });

    const info = await vault.save(ACCOUNT, TOKEN);
    expect(info).toEqual({ backend: 'memory', persisted: false, reason: NO_KEYRING_REASON, reasonCode: 'no-keyring' });
    expect(info.reason).toMatch(/GNOME Keyring or KWallet/);
    expect(written).toEqual([]);
    expect(state.encrypted.filter((text) => text.includes(TOKEN))).toEqual([]);
    const loaded = await vault.load();
    expect(loaded).toMatchObject({ status: 'ok', activeAccountId: 'acc-1', accounts: [{ token: TOKEN }] });

    // The next session has nothing: the token was never written.
    await expect(createTokenVault({ safeStorage: port, store, platform: 'linux' }).load()).resolves.toEqual({
      status: 'none',
    });
  });

  it('keeps the token in memory only when the Linux backend is unknown', async () => {
    const { store, written } = memoryStore();
    const { port } = fakeSafeStorage({ backend: 'unknown' });
    const vault = createTokenVault({ safeStorage: port, store, platform: 'linux' });
    const info = await vault.save(ACCOUNT, TOKEN);
    expect(info.persisted).toBe(false);
    expect(info.backend).toBe('memory');
    expect(info.reason).toMatch(/unknown/);
    expect(info.reasonCode).toBe('unknown-backend');
    expect(written).toEqual([]);
  });

  it('keeps the token in memory only when encryption is unavailable', async () => {
    const { store, written } = memoryStore();
    const { port } = fakeSafeStorage({ available: false });
    const vault = createTokenVault({ safeStorage: port, store, platform: 'darwin' });
    await expect(vault.save(ACCOUNT, TOKEN)).resolves.toEqual({
      backend: 'memory',
      persisted: false,
      reason: ENCRYPTION_UNAVAILABLE_REASON,
      reasonCode: 'encryption-unavailable',
    });
    // Like the basic_text reason, it says what to install.
    expect(ENCRYPTION_UNAVAILABLE_REASON).toMatch(/GNOME Keyring or KWallet \(libsecret\)/);
    expect(written).toEqual([]);
  });

  it('falls back to memory when the keychain refuses to encrypt, and keeps the older stored token on disk', async () => {
    const { store, written } = memoryStore();
    const good = fakeSafeStorage();
    await createTokenVault({ safeStorage: good.port, store, platform: 'linux' }).save(ACCOUNT, 'old-token');
    const before = structuredClone(store.get(VAULT_KEY));
    expect(before).toBeDefined();

    const refusing = fakeSafeStorage({ failEncrypt: true });
    const vault = createTokenVault({ safeStorage: refusing.port, store, platform: 'linux' });
    const info = await vault.save(ACCOUNT, TOKEN);
    expect(info.persisted).toBe(false);
    expect(info.reason).toMatch(/keychain locked/);
    expect(info.reasonCode).toBe('keychain-refused');
    // The new token serves this session; the stored one stays until a token can be stored in its place.
    expect(store.get(VAULT_KEY)).toEqual(before);
    for (const text of written) expect(text).not.toContain(TOKEN);
    await expect(vault.load()).resolves.toMatchObject({ status: 'ok', accounts: [{ token: TOKEN }] });
    await expect(createTokenVault({ safeStorage: good.port, store, platform: 'linux' }).load()).resolves.toMatchObject({
      status: 'ok',
      accounts: [{ token: 'old-token' }],
    });
  });

  it.each([
    ['darwin', 'encryption is unavailable', { available: false }],
    ['win32', 'the availability check throws', { availabilityThrows: true }],
    ['linux', 'the keyring is not running yet (basic_text selected)', { backend: 'basic_text' }],
    ['linux', 'the backend is unknown', { backend: 'unknown' }],
  ])('on %s, when %s at start, keeps the stored token and reports unavailable', async (platform, _why, change) => {
    const { store } = memoryStore();
    const { port, state } = fakeSafeStorage();
    await createTokenVault({ safeStorage: port, store, platform }).save(ACCOUNT, TOKEN);
    const stored = structuredClone(store.get(VAULT_KEY));

    Object.assign(state, change);
    const logs: string[] = [];
    const locked = createTokenVault({ safeStorage: port, store, platform, log: (_l, m) => logs.push(m) });
    // One wording of it: the notice the popup shows.
    await expect(locked.load()).resolves.toEqual({
      status: 'unavailable',
      message: KEYCHAIN_UNAVAILABLE_NOTICE.message,
    });
    expect(state.decryptCalls).toBe(0);
    expect(store.get(VAULT_KEY)).toEqual(stored);
    expect(logs.join('\n')).not.toContain(TOKEN);

    // The keyring is back at the next start: the same token.
    Object.assign(state, { available: true, availabilityThrows: false, backend: 'gnome_libsecret' });
    await expect(createTokenVault({ safeStorage: port, store, platform }).load()).resolves.toMatchObject({
      status: 'ok',
      accounts: [{ token: TOKEN }],
    });
  });

  it('a token pasted while the keyring is locked serves the session and leaves the stored one for the next start', async () => {
    const { store } = memoryStore();
    const { port, state } = fakeSafeStorage();
    await createTokenVault({ safeStorage: port, store, platform: 'linux' }).save(ACCOUNT, 'stored-token');
    const stored = structuredClone(store.get(VAULT_KEY));

    state.backend = 'basic_text';
    const vault = createTokenVault({ safeStorage: port, store, platform: 'linux' });
    expect((await vault.load()).status).toBe('unavailable');
    await expect(vault.save(ACCOUNT, TOKEN)).resolves.toMatchObject({ backend: 'memory', persisted: false });
    expect(store.get(VAULT_KEY)).toEqual(stored);
    await expect(vault.load()).resolves.toMatchObject({
      status: 'ok',
      activeAccountId: 'acc-1',
      accounts: [{ token: TOKEN, storage: { persisted: false } }],
    });
    expect(state.decryptCalls).toBe(0);

    state.backend = 'gnome_libsecret';
    await expect(createTokenVault({ safeStorage: port, store, platform: 'linux' }).load()).resolves.toMatchObject({
      status: 'ok',
      accounts: [{ token: 'stored-token' }],
    });
  });

  it('forgetting while the keyring is locked removes the stored token too', async () => {
    const { store } = memoryStore();
    const { port, state } = fakeSafeStorage();
    await createTokenVault({ safeStorage: port, store, platform: 'darwin' }).save(ACCOUNT, TOKEN);
    state.available = false;
    const vault = createTokenVault({ safeStorage: port, store, platform: 'darwin' });
    await vault.forget(ACCOUNT.id);
    expect(store.get(VAULT_KEY)).toBeUndefined();
    await expect(vault.load()).resolves.toEqual({ status: 'none' });
  });

  it('forgets an entry it cannot decrypt while the keychain is available, and reports decrypt-failed', async () => {
    const { store } = memoryStore();
    const { port, state } = fakeSafeStorage();
    await createTokenVault({ safeStorage: port, store, platform: 'linux' }).save(ACCOUNT, TOKEN);

    state.failDecrypt = true;
    const logs: string[] = [];
    const vault = createTokenVault({ safeStorage: port, store, platform: 'linux', log: (_l, m) => logs.push(m) });
    const result = await vault.load();
    expect(result).toEqual({ status: 'decrypt-failed', message: expect.not.stringContaining(TOKEN) });
    expect(store.get(VAULT_KEY)).toBeUndefined();
    expect(logs.join('\n')).not.toContain(TOKEN);
    state.failDecrypt = false;
    await expect(vault.load()).resolves.toEqual({ status: 'none' });
  });

  it('removes malformed vault data and says so', async () => {
    const { store } = memoryStore();
    store.set(VAULT_KEY, { version: 99, accounts: 'nope' });
    const vault = createTokenVault({ safeStorage: fakeSafeStorage().port, store, platform: 'linux' });
    await expect(vault.load()).resolves.toMatchObject({ status: 'decrypt-failed' });
    expect(store.get(VAULT_KEY)).toBeUndefined();
  });

  it('re-encrypts when safeStorage asks for it', async () => {
    const { store } = memoryStore();
    const { port } = fakeSafeStorage();
    await createTokenVault({ safeStorage: port, store, platform: 'darwin' }).save(ACCOUNT, TOKEN);
    const rotating: SafeStoragePort = {
      ...port,
      decryptStringAsync: async (buffer) => ({ ...(await port.decryptStringAsync(buffer)), shouldReEncrypt: true }),
      encryptStringAsync: async () => Buffer.from('rotated-ciphertext'),
    };
    const loaded = await createTokenVault({ safeStorage: rotating, store, platform: 'darwin' }).load();
    expect(loaded).toMatchObject({ status: 'ok', accounts: [{ token: TOKEN }] });
    const stored = store.get(VAULT_KEY) as { accounts: Record<string, { ciphertext: string }> };
    expect(stored.accounts['acc-1']!.ciphertext).toBe(Buffer.from('rotated-ciphertext').toString('base64'));
  });

  it('a re-encryption that fails (a keychain prompt denied) keeps the token that still reads', async () => {
    const { store } = memoryStore();
    const { port } = fakeSafeStorage();
    await createTokenVault({ safeStorage: port, store, platform: 'darwin' }).save(ACCOUNT, TOKEN);
    const before = structuredClone(store.get(VAULT_KEY));
    const refusing: SafeStoragePort = {
      ...port,
      decryptStringAsync: async (buffer) => ({ ...(await port.decryptStringAsync(buffer)), shouldReEncrypt: true }),
      encryptStringAsync: async () => {
        throw new Error('User canceled the keychain prompt');
      },
    };
    const loaded = await createTokenVault({ safeStorage: refusing, store, platform: 'darwin' }).load();
    expect(loaded).toMatchObject({ status: 'ok', accounts: [{ token: TOKEN }] });
    expect(store.get(VAULT_KEY)).toEqual(before);
  });

  it('keeps several accounts keyed by id and forgets one', async () => {
    const { store } = memoryStore();
    const { port } = fakeSafeStorage();
    const vault = createTokenVault({ safeStorage: port, store, platform: 'win32' });
    await vault.save(ACCOUNT, TOKEN);
    await vault.save({ id: 'acc-2', label: 'Work', baseUrl: 'https://admin.vps.org/api/v1' }, 'second-token');
    let loaded = await vault.load();
    expect(loaded).toMatchObject({ status: 'ok', activeAccountId: 'acc-2' });
    expect(loaded.status === 'ok' ? loaded.accounts.map((a) => a.token).toSorted() : []).toEqual(
      ['second-token', TOKEN].toSorted(),
    );

    await vault.forget('acc-2');
    loaded = await vault.load();
    expect(loaded).toMatchObject({ status: 'ok', activeAccountId: 'acc-1', accounts: [{ token: TOKEN }] });
    await vault.forget('acc-1');
    await expect(vault.load()).resolves.toEqual({ status: 'none' });
    expect(store.get(VAULT_KEY)).toBeUndefined();
  });
});

describe('token vault upgrade safety', () => {
  it('a damaged entry is dropped and reported; the other accounts keep their tokens', async () => {
    const { store } = memoryStore();
    const { port } = fakeSafeStorage();
    const vault = createTokenVault({ safeStorage: port, store, platform: 'darwin' });
    await vault.save(ACCOUNT, TOKEN);
    await vault.save({ id: 'acc-2', label: 'Work', baseUrl: ACCOUNT.baseUrl }, 'second-token-0123456789');
    const raw = store.get(VAULT_KEY) as { accounts: Record<string, unknown> };
    store.set(VAULT_KEY, { ...raw, accounts: { ...raw.accounts, broken: { label: 'Broken' } } });

    const loaded = await createTokenVault({ safeStorage: port, store, platform: 'darwin' }).load();
    expect(loaded).toMatchObject({ status: 'ok', forgotten: ['broken'] });
    expect(loaded.status === 'ok' ? loaded.accounts.map((a) => a.token).toSorted() : []).toEqual(
      ['second-token-0123456789', TOKEN].toSorted(),
    );
    // Gone from the file too, so the next start is clean.
    expect(Object.keys((store.get(VAULT_KEY) as { accounts: object }).accounts).toSorted()).toEqual(['acc-1', 'acc-2']);
    expect(vaultContentProblem({ [VAULT_KEY]: { ...raw, accounts: { x: 1 } } })).toBeNull();
  });
});

type Stored = { version: number; accounts: Record<string, { baseUrl: string; ciphertext: string }> };
/** What the fake keychain encrypted into a stored ciphertext. */
const decryptStored = (ciphertext: string) =>
  Buffer.from(Buffer.from(ciphertext, 'base64').map((b) => b ^ 0x5a)).toString('utf8');
/** A ciphertext of the vault before version 2: the bare token. */
const bare = (token: string) => Buffer.from(Buffer.from(token, 'utf8').map((b) => b ^ 0x5a)).toString('base64');

describe('the address is sealed with the token', () => {
  const ATTACKER = 'https://attacker.example/api/v1';

  it('an entry whose address was edited in vault.json is refused: its token is handed to no one', async () => {
    const { store } = memoryStore();
    const { port } = fakeSafeStorage();
    const vault = createTokenVault({ safeStorage: port, store, platform: 'darwin' });
    await vault.save(ACCOUNT, TOKEN);
    await vault.save({ id: 'acc-2', label: 'Work', baseUrl: ACCOUNT.baseUrl }, 'second-token-0123456789');
    const stored = store.get(VAULT_KEY) as Stored;
    // The ciphertext holds the address too, never the bare token.
    expect(decryptStored(stored.accounts['acc-1']!.ciphertext)).not.toBe(TOKEN);
    stored.accounts['acc-1']!.baseUrl = ATTACKER;
    store.set(VAULT_KEY, stored);

    const logs: string[] = [];
    const loaded = await createTokenVault({
      safeStorage: port,
      store,
      platform: 'darwin',
      log: (_l, m) => logs.push(m),
    }).load();
    expect(loaded).toMatchObject({ status: 'ok', forgotten: ['acc-1'] });
    const accounts = loaded.status === 'ok' ? loaded.accounts : [];
    expect(accounts.map((a) => a.account.id)).toEqual(['acc-2']);
    expect(JSON.stringify(accounts)).not.toContain(TOKEN);
    expect(JSON.stringify(accounts)).not.toContain('attacker.example');
    expect(Object.keys((store.get(VAULT_KEY) as Stored).accounts)).toEqual(['acc-2']);
    expect(logs.join('\n')).toMatch(/acc-1 names another address/);
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('the only account with an edited address: nothing is loaded and the user is asked for the token again', async () => {
    const { store } = memoryStore();
    const { port } = fakeSafeStorage();
    await createTokenVault({ safeStorage: port, store, platform: 'linux' }).save(ACCOUNT, TOKEN);
    const stored = store.get(VAULT_KEY) as Stored;
    store.set(VAULT_KEY, { ...stored, accounts: { 'acc-1': { ...stored.accounts['acc-1']!, baseUrl: ATTACKER } } });
    await expect(createTokenVault({ safeStorage: port, store, platform: 'linux' }).load()).resolves.toMatchObject({
      status: 'decrypt-failed',
    });
  });

  it("an entry carrying another account's ciphertext is refused", async () => {
    const { store } = memoryStore();
    const { port } = fakeSafeStorage();
    const vault = createTokenVault({ safeStorage: port, store, platform: 'win32' });
    await vault.save(ACCOUNT, TOKEN);
    await vault.save({ id: 'acc-2', label: 'Work', baseUrl: ATTACKER }, 'second-token-0123456789');
    const stored = store.get(VAULT_KEY) as Stored;
    // acc-2's address with acc-1's ciphertext.
    stored.accounts['acc-2']!.ciphertext = stored.accounts['acc-1']!.ciphertext;
    store.set(VAULT_KEY, stored);
    const loaded = await createTokenVault({ safeStorage: port, store, platform: 'win32' }).load();
    expect(loaded).toMatchObject({
      status: 'ok',
      forgotten: ['acc-2'],
      accounts: [{ account: ACCOUNT, token: TOKEN }],
    });
  });

  it('an old-format vault (bare tokens, version 1) is sealed once at load, then read as sealed', async () => {
    const { store } = memoryStore();
    const { port } = fakeSafeStorage();

    store.set(VAULT_KEY, {
      version: 1,
      activeAccountId: 'acc-1',
      accounts: {
        'acc-1': { label: 'VPS.org', baseUrl: ACCOUNT.baseUrl, ciphertext: bare(TOKEN), backend: 'dpapi' },
      },
    });
    const expected = {
      status: 'ok',
      activeAccountId: 'acc-1',
      accounts: [{ account: ACCOUNT, token: TOKEN, storage: { backend: 'dpapi', persisted: true } }],
    };
    await expect(createTokenVault({ safeStorage: port, store, platform: 'win32' }).load()).resolves.toEqual(expected);
    const migrated = store.get(VAULT_KEY) as Stored;
    expect(migrated.version).toBe(2);
    expect(JSON.parse(decryptStored(migrated.accounts['acc-1']!.ciphertext))).toEqual({
      sealed: 2,
      id: 'acc-1',
      baseUrl: ACCOUNT.baseUrl,
      token: TOKEN,
    });
    await expect(createTokenVault({ safeStorage: port, store, platform: 'win32' }).load()).resolves.toEqual(expected);

    // Migrated once: a bare token put back into the version-2 vault is not taken, whatever its address.
    store.set(VAULT_KEY, {
      ...migrated,
      accounts: { 'acc-1': { ...migrated.accounts['acc-1']!, ciphertext: bare(TOKEN), baseUrl: ATTACKER } },
    });
    await expect(createTokenVault({ safeStorage: port, store, platform: 'win32' }).load()).resolves.toMatchObject({
      status: 'decrypt-failed',
    });
  });

  it('an old-format entry that cannot be sealed again (keychain prompt denied) serves and stays version 1', async () => {
    const { store } = memoryStore();
    const { port } = fakeSafeStorage();
    const old = {
      version: 1,
      activeAccountId: 'acc-1',
      accounts: {
        'acc-1': { label: 'VPS.org', baseUrl: ACCOUNT.baseUrl, ciphertext: bare(TOKEN), backend: 'keychain' },
      },
    };
    store.set(VAULT_KEY, old);
    const refusing: SafeStoragePort = {
      ...port,
      encryptStringAsync: async () => {
        throw new Error('User canceled the keychain prompt');
      },
    };
    await expect(createTokenVault({ safeStorage: refusing, store, platform: 'darwin' }).load()).resolves.toMatchObject({
      status: 'ok',
      accounts: [{ token: TOKEN }],
    });
    expect(store.get(VAULT_KEY)).toEqual(old);
  });
});

describe('Linux: the key behind the ciphertext decides, not the backend label', () => {
  it.each([
    // Sway, Hyprland, i3: Chromium's desktop table says basic_text, yet the keyring answered.
    ['basic_text', 'v11', 'secret_service'],
    ['basic_text', 'v12', 'secret_portal'],
    ['unknown', 'v11', 'secret_service'],
    ['gnome_libsecret', 'v11', 'gnome_libsecret'],
    ['kwallet6', 'v11', 'kwallet6'],
  ])('label %s, ciphertext tagged %s: persisted (as %s) and read back next session', async (label, tag, expected) => {
    const { store, written } = memoryStore();
    const { port } = fakeSafeStorage({ backend: label, tag });
    const info = await createTokenVault({ safeStorage: port, store, platform: 'linux' }).save(ACCOUNT, TOKEN);
    expect(info).toEqual({ backend: expected, persisted: true });
    for (const text of written) expect(text).not.toContain(TOKEN);
    await expect(createTokenVault({ safeStorage: port, store, platform: 'linux' }).load()).resolves.toMatchObject({
      status: 'ok',
      accounts: [{ token: TOKEN, storage: { backend: expected, persisted: true } }],
    });
  });

  it.each(['basic_text', 'gnome_libsecret', 'kwallet5'])(
    'label %s, ciphertext tagged v10 (the fixed, public key): kept for this session only, never written',
    async (label) => {
      const { store, written } = memoryStore();
      const { port, state } = fakeSafeStorage({ backend: label, tag: 'v10' });
      const info = await createTokenVault({ safeStorage: port, store, platform: 'linux' }).save(ACCOUNT, TOKEN);
      expect(info).toEqual({
        backend: 'memory',
        persisted: false,
        reason: NO_KEYRING_REASON,
        reasonCode: 'no-keyring',
      });
      expect(info.reason).toMatch(/--password-store=gnome-libsecret/);
      expect(written).toEqual([]);
      // Only the probe was encrypted: the token never went to the fixed key.
      expect(state.encrypted.filter((text) => text.includes(TOKEN))).toEqual([]);
    },
  );

  it('a stored token is kept on disk, unread, while the key is the fixed one (a keyring not running yet)', async () => {
    const { store } = memoryStore();
    await createTokenVault({ safeStorage: fakeSafeStorage({ tag: 'v11' }).port, store, platform: 'linux' }).save(
      ACCOUNT,
      TOKEN,
    );
    const beforeKeyring = fakeSafeStorage({ tag: 'v10' });
    await expect(
      createTokenVault({ safeStorage: beforeKeyring.port, store, platform: 'linux' }).load(),
    ).resolves.toMatchObject({ status: 'unavailable' });
    expect(beforeKeyring.state.decryptCalls).toBe(0);
    expect(store.get(VAULT_KEY)).toBeDefined();
  });

  it('an untagged ciphertext (a tag this app does not know) leaves it to the label, as before', async () => {
    const { store } = memoryStore();
    const refused = await createTokenVault({
      safeStorage: fakeSafeStorage({ backend: 'basic_text' }).port,
      store,
      platform: 'linux',
    }).save(ACCOUNT, TOKEN);
    expect(refused.persisted).toBe(false);
    const kept = await createTokenVault({
      safeStorage: fakeSafeStorage({ backend: 'gnome_libsecret' }).port,
      store,
      platform: 'linux',
    }).save(ACCOUNT, TOKEN);
    expect(kept).toEqual({ backend: 'gnome_libsecret', persisted: true });
  });
});
