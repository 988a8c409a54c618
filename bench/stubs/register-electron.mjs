// `node --import ./bench/stubs/register-electron.mjs`: installs bench/stubs/electron-hooks.mjs.
import { register } from 'node:module';

register('./electron-hooks.mjs', import.meta.url);
