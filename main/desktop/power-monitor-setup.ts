// Sleep, wake and unlock reach the core (it pauses polling while asleep and refreshes after).
import { powerMonitor } from 'electron';
import type { Core } from '../core';

export function setupPowerMonitor(deps: { core: Pick<Core, 'system'> }): void {
  const { system } = deps.core;
  powerMonitor.on('suspend', () => system.suspend());
  powerMonitor.on('resume', () => system.resume());
  powerMonitor.on('unlock-screen', () => system.unlock());
}
