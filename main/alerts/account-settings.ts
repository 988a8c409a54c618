// What the alert settings keep per server (by server key, `accountId:id`) goes when its account is
// removed: an account id may come back (token setup's `default`), and it must not inherit expectations,
// pauses or thresholds of servers it never had.
import type { AlertSettings } from '../../common/settings';

const ofAccount = (accountId: string) => (key: string) => key.startsWith(`${accountId}:`);

/** `alerts` without anything kept for the servers of `accountId`. */
export function alertsWithoutAccount(alerts: AlertSettings, accountId: string): AlertSettings {
  const isOf = ofAccount(accountId);
  const keep = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).filter(([key]) => !isOf(key)));
  return {
    ...alerts,
    expectations: keep(alerts.expectations),
    serverThresholds: keep(alerts.serverThresholds),
    serverPauses: keep(alerts.serverPauses),
  };
}
