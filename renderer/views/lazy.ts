// The views a first glance at the popup (the server list) does not need, each fetched as a chunk of
// its own when first opened. `preloadViews` fetches them all once the popup is up, so opening one is
// instant; until one has arrived, what was shown stays (no flicker, focus kept). A view arrives with
// its messages (renderer/i18n loads them as a chunk per language), so the start bundle carries only the
// first glance's.
import type { ComponentType } from 'preact';
import { lazy, type Lazy } from '../hooks/use-lazy';
import { loadViewMessages } from '../i18n';

/** A lazy view whose code counts as here once the views' messages are here too. */
function lazyView<P>(importer: () => Promise<ComponentType<P>>): Lazy<P> {
  return lazy(() => Promise.all([importer(), loadViewMessages()]).then(([component]) => component));
}

export const lazyViews = {
  detail: lazyView(() => import('./detail/DetailView').then((module) => module.DetailView)),
  create: lazyView(() => import('./CreateView').then((module) => module.CreateView)),
  edit: lazyView(() => import('./EditView').then((module) => module.EditView)),
  settings: lazyView(() => import('./settings/SettingsView').then((module) => module.SettingsView)),
  tokenSetup: lazyView(() => import('./TokenSetup').then((module) => module.TokenSetup)),
  // The list's parts for several accounts (one chunk).
  accountFilter: lazyView(() => import('./list/AccountsBar').then((module) => module.AccountFilter)),
  accountBanners: lazyView(() => import('./list/AccountsBar').then((module) => module.AccountBanners)),
  // Where the token is kept: said only while it is session-only, or once after it was stored.
  tokenBanners: lazyView(() => import('./list/TokenStorageBanners').then((module) => module.TokenStorageBanners)),
  // What happened at start-up (a settings or vault file reset): rare, so not in the start bundle.
  appNotices: lazyView(() => import('../shell/AppNoticeBanners').then((module) => module.AppNoticeBanners)),
  // What the list says after a delete, and the way out of an empty result.
  listNotes: lazyView(() => import('./list/ListNotes').then((module) => module.ListNotes)),
  // The list's status and location filters, folded behind its Filters button.
  filtersPanel: lazyView(() => import('./list/FiltersPanel').then((module) => module.FiltersPanel)),
  // "Since you last looked" at the top of the list: fetched once the first rows are up.
  digest: lazyView(() => import('./history/DigestBlock').then((module) => module.DigestBlock)),
};

/** Fetches every lazy view; resolves when all are here. */
export async function preloadViews(): Promise<void> {
  await Promise.all(Object.values(lazyViews).map((view) => view.load()));
}
