// Popup JS loaded at start and CSS, gzip: runs `npm run build` (which also gives bench/main-import.ts
// its bundle) and reports the sizes the build itself measured (scripts/build.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BUILD_SIZES_FILE, type BuildSizes } from '../scripts/build-sizes';
import { reportFigures } from './results';

execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { stdio: ['ignore', 'ignore', 'inherit'] });
const sizes = JSON.parse(readFileSync(BUILD_SIZES_FILE, 'utf8')) as BuildSizes;
console.log(
  `popup start JS ${sizes.startJsGzipBytes} B gzip, all JS ${sizes.totalJsGzipBytes} B, CSS ${sizes.cssGzipBytes} B`,
);
reportFigures([
  { name: 'popup.js.gzip.bytes', unit: 'bytes', ours: sizes.startJsGzipBytes },
  { name: 'popup.css.gzip.bytes', unit: 'bytes', ours: sizes.cssGzipBytes },
]);
