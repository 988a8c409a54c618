// The alert settings as stored: read back tolerantly, and the keys of older versions (`muteAll`,
// `serverMutes`) read once into today's (`pauseAll`, `serverPauses`).
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../common/settings';
import { alertSettingsSchema } from '../../main/alerts/schema';
import type { StoreFile } from '../../main/desktop/store-file';
import { createSettingsStore } from '../../main/desktop/settings-store';
import { defaultSettings, settingsSchema } from '../../main/settings/schema';

describe('alert settings: stored and read back', () => {
  it('round-trips expectations, thresholds and pauses through the settings schema', () => {
    const alerts: AlertSettings = {
      holdSeconds: 60,
      thresholds: { cpuPercent: 90, diskPercent: 80, bandwidthPercent: null },
      expectations: { 'a:1': 'should-run', 'a:2': 'may-stop' },
      serverThresholds: { 'a:1': { cpuPercent: null } },
      pauseAll: { until: 1_800_000_000_000 },
      serverPauses: { 'a:2': { until: null } },
    };
    const stored = JSON.parse(JSON.stringify({ ...defaultSettings(), alerts }));
    expect(settingsSchema.parse(stored).alerts).toEqual(alerts);
  });

  it('a missing or odd value falls back to its default without resetting the rest', () => {
    expect(defaultSettings().alerts).toEqual(DEFAULT_ALERT_SETTINGS);
    const parsed = alertSettingsSchema.parse({
      holdSeconds: -3,
      thresholds: { cpuPercent: 500, diskPercent: 70 },
      expectations: { 'a:1': 'always', 'a:2': 'may-stop' },
      serverThresholds: 'nope',
      pauseAll: { until: 'later' },
      serverPauses: { 'a:1': { until: 5 }, 'a:2': 7 },
    });
    expect(parsed).toEqual({
      holdSeconds: 180,
      thresholds: { cpuPercent: null, diskPercent: 70, bandwidthPercent: null },
      expectations: { 'a:2': 'may-stop' },
      serverThresholds: {},
      pauseAll: null,
      serverPauses: { 'a:1': { until: 5 } },
    });
    const settings = settingsSchema.parse({ language: 'cs', alerts: 'broken' });
    expect(settings).toMatchObject({ language: 'cs', alerts: DEFAULT_ALERT_SETTINGS });
  });
});

/** Settings as an older version wrote them: pauses under `muteAll` and `serverMutes`. */
const OLD_SETTINGS = {
  language: 'cs',
  alerts: {
    holdSeconds: 60,
    thresholds: { cpuPercent: 90, diskPercent: null, bandwidthPercent: null },
    expectations: { 'a:1': 'should-run' },
    serverThresholds: {},
    muteAll: { until: 1_900_000_000_000 },
    serverMutes: { 'a:1': { until: null }, 'a:2': { until: 'odd' } },
  },
};

describe('alert settings: pauses stored under the old keys', () => {
  it('reads `muteAll` and `serverMutes` of an old settings object as the pauses', () => {
    const settings = settingsSchema.parse(structuredClone(OLD_SETTINGS));
    expect(settings.language).toBe('cs');
    expect(settings.alerts).toEqual({
      holdSeconds: 60,
      thresholds: { cpuPercent: 90, diskPercent: null, bandwidthPercent: null },
      expectations: { 'a:1': 'should-run' },
      serverThresholds: {},
      pauseAll: { until: 1_900_000_000_000 },
      serverPauses: { 'a:1': { until: null } },
    });
    expect(Object.keys(settings.alerts)).not.toContain('muteAll');
    expect(Object.keys(settings.alerts)).not.toContain('serverMutes');
  });

  it('the new keys win over old ones left beside them', () => {
    const parsed = alertSettingsSchema.parse({
      ...OLD_SETTINGS.alerts,
      pauseAll: null,
      serverPauses: { 'a:3': { until: 5 } },
    });
    expect(parsed).toMatchObject({ pauseAll: null, serverPauses: { 'a:3': { until: 5 } } });
  });

  it('an old settings file is read once: the next save writes the new keys only', () => {
    let content: Record<string, unknown> = structuredClone(OLD_SETTINGS);
    const file: StoreFile = {
      path: '/memory/settings.json',
      readAll: () => structuredClone(content),
      replaceAll: (next) => void (content = structuredClone(next)),
      get: (key) => content[key],
      set: (key, value) => void (content[key] = value),
      delete: (key) => void delete content[key],
    };
    const store = createSettingsStore(file, () => undefined);
    expect(store.get().alerts.pauseAll).toEqual({ until: 1_900_000_000_000 });
    store.set({ ...store.get(), notifications: false });
    const alerts = content.alerts as Record<string, unknown>;
    expect(Object.keys(alerts).toSorted()).toEqual([
      'expectations',
      'holdSeconds',
      'pauseAll',
      'serverPauses',
      'serverThresholds',
      'thresholds',
    ]);
    expect(alerts).toMatchObject({ pauseAll: { until: 1_900_000_000_000 }, serverPauses: { 'a:1': { until: null } } });
    expect(createSettingsStore(file, () => undefined).get().alerts).toEqual(store.get().alerts);
  });
});
