// `npm start`: launch the built app in Electron. The `electron` package fetches its binary on first
// use; where that cannot happen (no network), say so plainly instead of printing a stack trace.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electronPath;
try {
  electronPath = require('electron');
} catch (error) {
  console.error(
    [
      '',
      'VPS.org Tray cannot start: the Electron binary is not installed and could not be downloaded.',
      `  (${error instanceof Error ? error.message : String(error)})`,
      'Everything else works without it:',
      '  npm test            the full test suite (main process in Node, UI in headless Chromium)',
      '  npm run preview     the real popup UI in your browser, on demo data from the simulator',
      '  npm run simulator   the VPS.org API simulator on 127.0.0.1',
      'On a machine with internet access, `npm start` downloads Electron once and opens the tray.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const child = spawn(electronPath, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
