// `npm start`: launch the built app in Electron. The `electron` package fetches its binary on first
// use; where that cannot happen (no network), say so plainly instead of printing a stack trace.
import { spawn, spawnSync } from 'node:child_process';

// Resolve the binary in a child process: on first use `require('electron')` downloads it and prints
// the downloader's own stack trace on failure, which is noise for a person running `npm start`.
console.log('Locating Electron (the first run downloads it)…');
const located = spawnSync(process.execPath, ['-p', "require('electron')"], { encoding: 'utf8' });
const electronPath = located.status === 0 ? located.stdout.trim() : null;

if (!electronPath) {
  const reason = `${located.stderr ?? ''}`
    .split('\n')
    .map((line) => line.trim())
    .find((line) => /^(Error|RequestError|HTTPError)\b|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|failed/i.test(line));
  console.error(
    [
      '',
      'VPS.org Tray cannot start: the Electron binary is not installed and could not be downloaded.',
      reason ? `  (${reason})` : '',
      'Everything else works without it:',
      '  npm test            the full test suite (main process in Node, UI in headless Chromium)',
      '  npm run preview     the real popup UI in your browser, on demo data from the simulator',
      '  npm run simulator   the VPS.org API simulator on 127.0.0.1',
      'On a machine with internet access, `npm start` downloads Electron once and opens the tray.',
      '',
    ]
      .filter((line, index, lines) => line !== '' || index === 0 || index === lines.length - 1)
      .join('\n'),
  );
  process.exit(1);
}

const child = spawn(electronPath, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
