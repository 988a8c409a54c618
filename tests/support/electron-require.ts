// A stand-in `electron` for packages that `require('electron')` at run time from node_modules (e.g.
// electron-updater's app adapter and HTTP executor): vi.mock reaches only modules vitest transforms, so
// the stand-in goes into Node's require cache under the path `electron` resolves to.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Puts `standIn` where `require('electron')` finds it; returns the undo. */
export function standInForRequiredElectron(standIn: object): () => void {
  const path = require.resolve('electron');
  const previous = require.cache[path];
  const module = new (require('node:module') as typeof import('node:module')).Module(path);
  module.filename = path;
  module.loaded = true;
  module.exports = standIn;
  require.cache[path] = module;
  return () => {
    if (previous) require.cache[path] = previous;
    else delete require.cache[path];
  };
}
