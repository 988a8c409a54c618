// The set-up the alerts' boot journeys share: the built app with one stored account ("Ops") on a
// simulator of six servers (four running, one stopped, one suspended: those two may stop, seen so at
// first) and a hold time of one second (alerts.holdSeconds in settings.json), and the simulator's
// servers powered by "another client" (the web panel, a script): the app is not told.
import { expect } from 'vitest';
import { startSimulator, type Simulator } from '../../main/simulator/simulator';
import { profileWithAccounts, useBootedApp, type BootedApp } from './boot-kit';

export interface AlertingAccount {
  booted: () => BootedApp;
  sim: () => Simulator;
  /** A running server of the simulator, by id and name. */
  runningServer(): { id: number; name: string };
  /** Powers the server behind the app's back and waits until the simulator says it settled. */
  powerBehindTheAppsBack(id: number, action: 'start' | 'stop'): Promise<void>;
}

export function useAlertingAccount(): AlertingAccount {
  let sim: Simulator | null = null;
  const current = () => {
    if (!sim) throw new Error('useAlertingAccount(): the simulator starts with the app, in beforeAll.');
    return sim;
  };
  const booted = useBootedApp(async () => {
    const started = await startSimulator({ host: '127.0.0.1', port: 0, servers: 6, seed: 1, speed: 60 });
    sim = started;
    const ops = { id: 'ops', label: 'Ops', baseUrl: started.baseUrl, token: started.token };
    return {
      userDataFiles: profileWithAccounts([ops], { alerts: { holdSeconds: 1 } }),
      afterQuit: () => started.close(),
    };
  });
  return {
    booted,
    sim: current,
    runningServer() {
      for (const id of current().listServerIds()) {
        const server = current().getServer(id) as { name: string; status: string };
        if (server.status === 'active') return { id, name: server.name };
      }
      throw new Error('the simulator has no running server');
    },
    async powerBehindTheAppsBack(id, action) {
      const response = await fetch(`${current().baseUrl}/servers/${id}/${action}/`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${current().token}` },
      });
      expect(response.ok).toBe(true);
      // At the simulator's speed the transition takes well under a second of real time.
      const settled = action === 'stop' ? 'stopped' : 'active';
      await expect.poll(() => (current().getServer(id) as { status: string }).status, { timeout: 5_000 }).toBe(settled);
    },
  };
}
