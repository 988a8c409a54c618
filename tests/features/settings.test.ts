import { describe, expect, it, vi } from 'vitest';
import { EventChannel, InvokeChannel } from '../../common/contract';
import type { Settings } from '../../common/settings';
import type { DeepReadonly } from '../../main/ports';
import { createSettingsFeature } from '../../main/features/settings';
import { defaultSettings } from '../../main/settings/schema';

describe('settings feature', () => {
  it('stores a change and tells the popup; only a change from the popup re-reads the poll interval', async () => {
    let stored: DeepReadonly<Settings> = defaultSettings();
    const told: unknown[] = [];
    const onChangedByUser = vi.fn<() => void>();
    const settings = createSettingsFeature({
      store: { get: () => stored, set: (next) => void (stored = next) },
      emit: (channel, payload) => void (channel === EventChannel.settingsChanged && told.push(payload)),
      onChangedByUser,
    });
    settings.change({ demoMode: false });
    expect(stored.demoMode).toBe(false);
    expect(onChangedByUser).not.toHaveBeenCalled();
    const next = await settings.handlers[InvokeChannel.settingsSet]({ pollIntervals: { idleSeconds: 120 } });
    expect(next.pollIntervals.idleSeconds).toBe(120);
    expect(stored).toEqual(next);
    expect(onChangedByUser).toHaveBeenCalledTimes(1);
    expect(told).toEqual([{ ...defaultSettings(), demoMode: false }, next]);
    expect(settings.handlers[InvokeChannel.settingsGet](undefined)).toBe(stored);
  });
});
