// vitest globalSetup of the e2e project: build the renderer and the page bridges once per run, into
// a folder of this run's own, and tell the test workers where it is (inject('e2eAssetsDir')).
import type { TestProject } from 'vitest/node';
import { buildE2eAssets, freshAssetsDir, removeAssetsDir, removeStaleRunDirs } from '../../dev/assets';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The build folder of this run: renderer/ and the bridge scripts. */
    e2eAssetsDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await removeStaleRunDirs();
  const assetsDir = await buildE2eAssets(freshAssetsDir());
  project.provide('e2eAssetsDir', assetsDir);
  return () => removeAssetsDir(assetsDir);
}
