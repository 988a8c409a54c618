// The views a first glance at the popup (the server list) does not need, each fetched as a chunk of
// its own when first opened. `preloadViews` fetches them all once the popup is up, so opening one is
// instant; until one has arrived, what was shown stays (no flicker, focus kept).
import { lazy } from '../hooks/use-lazy';

export const lazyViews = {
  detail: lazy(() => import('./detail/DetailView').then((module) => module.DetailView)),
  create: lazy(() => import('./CreateView').then((module) => module.CreateView)),
  edit: lazy(() => import('./EditView').then((module) => module.EditView)),
  settings: lazy(() => import('./SettingsView').then((module) => module.SettingsView)),
  tokenSetup: lazy(() => import('./TokenSetup').then((module) => module.TokenSetup)),
  // The list's parts for several accounts (one chunk).
  accountFilter: lazy(() => import('./list/AccountsBar').then((module) => module.AccountFilter)),
  accountBanners: lazy(() => import('./list/AccountsBar').then((module) => module.AccountBanners)),
};

/** Fetches every lazy view; resolves when all are here. */
export async function preloadViews(): Promise<void> {
  await Promise.all(Object.values(lazyViews).map((view) => view.load()));
}
