import { describe, expect, it } from 'vitest';
import type { TraySummary } from '../../main/tray/summary';
import { trayTooltip } from '../../main/tray/tooltip';
import type { CountKind } from '../../main/i18n';
import { cs, en, fleet } from './fixtures';

/** The fleet summary with these server counts in the headline. */
const counts = (over: Partial<Record<CountKind, number>>): TraySummary => ({
  ...fleet,
  headline: { kind: 'counts', counts: { running: 0, stopped: 0, busy: 0, suspended: 0, other: 0, ...over } },
});

describe('tray tooltip', () => {
  it('counts servers in English', () => {
    expect(trayTooltip(fleet, en)).toBe('VPS.org — 1 running, 1 stopped, 1 busy');
    expect(trayTooltip(counts({ running: 5, suspended: 2, other: 1 }), en)).toBe(
      'VPS.org — 5 running, 2 suspended, 1 other',
    );
    expect(trayTooltip({ ...counts({}), auth: 'demo' }, en)).toBe('VPS.org — demo: no servers');
  });

  it('uses Czech plurals: 1 server, 3 servery, 5 serverů', () => {
    expect(trayTooltip(counts({ running: 1 }), cs)).toBe('VPS.org — 1 server běží');
    expect(trayTooltip(counts({ running: 3 }), cs)).toBe('VPS.org — 3 servery běží');
    expect(trayTooltip(counts({ running: 5 }), cs)).toBe('VPS.org — 5 serverů běží');
    expect(trayTooltip(counts({ running: 3, stopped: 1, suspended: 5 }), cs)).toBe(
      'VPS.org — 3 servery běží, 1 server zastaven, 5 serverů pozastaveno',
    );
    expect(trayTooltip(counts({ stopped: 2, busy: 12 }), cs)).toBe(
      'VPS.org — 2 servery zastaveny, 12 serverů mění stav',
    );
  });

  it('words the no-token, loading and stale states in both languages', () => {
    const noToken: TraySummary = {
      ...fleet,
      auth: 'none',
      servers: [],
      serverCount: 0,
      headline: { kind: 'no-token' },
    };
    expect(trayTooltip(noToken, en)).toBe('VPS.org — no token set');
    expect(trayTooltip(noToken, cs)).toBe('VPS.org — není nastaven API token');
    expect(trayTooltip({ ...fleet, headline: { kind: 'loading' } }, cs)).toBe('VPS.org — načítání…');
    const at = new Date(2025, 5, 2, 12, 3).getTime();
    const offline: TraySummary = { ...fleet, headline: { kind: 'stale', reason: 'offline', lastSuccessAt: at } };
    expect(trayTooltip(offline, en)).toBe('VPS.org — offline (last update 12:03)');
    expect(trayTooltip(offline, cs)).toBe('VPS.org — nedostupné (aktualizováno v 12:03)');
    const error: TraySummary = {
      ...fleet,
      auth: 'demo',
      headline: { kind: 'stale', reason: 'error', lastSuccessAt: null },
    };
    expect(trayTooltip(error, en)).toBe('VPS.org — demo: error');
  });
});

describe('the uptime line (setting uptimeInTooltip)', () => {
  it('adds the fleet’s 7 days below the headline, in both languages, incidents counted in plural', () => {
    const withUptime = (permille: number | null, incidents: number): TraySummary => ({
      ...counts({ running: 2 }),
      uptime: { permille, incidents },
    });
    expect(trayTooltip(withUptime(997, 2), en)).toBe('VPS.org — 2 running\n99.7 % up over 7 days, 2 incidents');
    expect(trayTooltip(withUptime(1000, 0), en)).toBe('VPS.org — 2 running\n100 % up over 7 days');
    expect(trayTooltip(withUptime(null, 0), en)).toBe('VPS.org — 2 running\nUptime over 7 days not known yet');
    expect(trayTooltip(withUptime(997, 3), cs)).toBe('VPS.org — 2 servery běží\nZa 7 dní v provozu 99,7 %, 3 výpadky');
    expect(trayTooltip(counts({ running: 2 }), en)).toBe('VPS.org — 2 running');
  });
});
