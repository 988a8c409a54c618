// The tray's updates item: why there are none (disabled, with the reason), a check in progress, the
// check, the restart into a ready version; and what its clicks do.
import { describe, expect, it, vi } from 'vitest';
import type { UpdateState } from '../../common/contract';
import type { TraySummary } from '../../main/tray/summary';
import { messagesFor } from '../../main/i18n';
import { runTrayIntent, type TrayIntentDeps } from '../../main/tray/intents';
import { buildTrayMenuModel, type TrayMenuItem } from '../../main/tray/menu';

const summary: TraySummary = {
  icon: 'ok',
  headline: { kind: 'counts', counts: { running: 0, stopped: 0, busy: 0, suspended: 0, other: 0 } },
  auth: 'token',
  stale: false,
  servers: [],
  serverCount: 0,
};
const confirmations = { start: false, stop: true, reboot: true };
const state = (patch: Partial<UpdateState>): UpdateState => ({
  unavailable: null,
  phase: 'idle',
  version: null,
  checkedAt: null,
  ...patch,
});

function updatesItem(updates: UpdateState, language: 'en' | 'cs' = 'en') {
  const items = buildTrayMenuModel(summary, 'linux', confirmations, messagesFor(language), updates);
  const settingsAt = items.findIndex((item) => item.type === 'normal' && item.click?.intent === 'settings');
  return items[settingsAt + 1] as Extract<TrayMenuItem, { type: 'normal' }>;
}

describe('tray updates item', () => {
  it('offers a check, then the restart into a ready version', () => {
    expect(updatesItem(state({ phase: 'up-to-date' }))).toEqual({
      type: 'normal',
      label: 'Check for updates',
      enabled: true,
      click: { intent: 'check-updates' },
    });
    expect(updatesItem(state({ phase: 'failed' })).click).toEqual({ intent: 'check-updates' });
    expect(updatesItem(state({ phase: 'ready', version: '1.3.0' }))).toEqual({
      type: 'normal',
      label: 'Restart to update (1.3.0)',
      enabled: true,
      click: { intent: 'restart-update' },
    });
    expect(updatesItem(state({ phase: 'ready', version: '1.3.0' }), 'cs').label).toBe(
      'Restartovat a aktualizovat (1.3.0)',
    );
  });

  it('is disabled while a check runs', () => {
    expect(updatesItem(state({ phase: 'checking' }))).toEqual({
      type: 'normal',
      label: 'Checking for updates…',
      enabled: false,
    });
  });

  it('says why there are no updates, disabled: development run, package manager, other installs', () => {
    expect(updatesItem(state({ unavailable: 'development' }))).toEqual({
      type: 'normal',
      label: 'Updates: not in a development run',
      enabled: false,
    });
    expect(updatesItem(state({ unavailable: 'package-manager' })).label).toBe('Updates: through your package manager');
    expect(updatesItem(state({ unavailable: 'platform' }), 'cs').label).toBe(
      'Aktualizace: pro tuto instalaci nejsou dostupné',
    );
  });

  it('check and restart clicks reach the updates', async () => {
    const checkForUpdates = vi.fn<() => Promise<void>>(async () => {});
    const restartToUpdate = vi.fn<() => void>();
    const deps = { checkForUpdates, restartToUpdate } as Partial<TrayIntentDeps> as TrayIntentDeps;
    await runTrayIntent({ intent: 'check-updates' }, deps);
    await runTrayIntent({ intent: 'restart-update' }, deps);
    expect(checkForUpdates).toHaveBeenCalledTimes(1);
    expect(restartToUpdate).toHaveBeenCalledTimes(1);
  });
});
