import { expect, test } from 'vitest';
import { useBootedApp } from './boot-kit';

const booted = useBootedApp();

test('smoke', async () => {
  const app = booted();
  await expect.poll(() => app.tray().tooltip, { timeout: 10_000 }).toMatch(/running/);
  console.log(app.tray().tooltip, app.tray().image.fileName, app.trayMenu().labels());
  console.log(app.requests);
});
