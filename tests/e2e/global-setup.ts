// vitest globalSetup of the e2e project: build the renderer and the page bridges once per run.
import { buildE2eAssets } from './assets';

export default async function setup(): Promise<void> {
  await buildE2eAssets();
}
