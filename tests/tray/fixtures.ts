// The fleet summary and settings the tray's menu, tooltip, controller and intents tests share.
import type { TraySummary } from '../../main/tray/summary';
import { messagesFor } from '../../main/i18n';

export const confirmations = { start: false, stop: true, reboot: true };
export const en = messagesFor('en');
export const cs = messagesFor('cs');
export const ref = (id: number) => ({ accountId: 'acc-1', id });

export const fleet: TraySummary = {
  icon: 'attention',
  headline: { kind: 'counts', counts: { running: 1, stopped: 1, busy: 1, suspended: 0, other: 0 } },
  auth: 'token',
  stale: false,
  serverCount: 3,
  servers: [
    { ref: ref(1), name: 'web-01', status: 'active', ip: '203.0.113.10', pending: false, actions: ['stop', 'reboot'] },
    { ref: ref(2), name: 'db-01', status: 'stopped', ip: '203.0.113.11', pending: false, actions: ['start'] },
    { ref: ref(3), name: 'new-01', status: 'provisioning', ip: null, pending: true, actions: [] },
  ],
};
