// The popup shell: token setup or the app (header, demo banner, the current view), the live region
// for status announcements, and the keyboard rules that hold everywhere (Escape).
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import type { AppStore } from '../state/store';
import { CreateView } from './CreateView';
import { StoreContext, useStore } from './context';
import { DetailView } from './DetailView';
import { EditView } from './EditView';
import { ListView, SEARCH_INPUT_ID } from './ListView';
import { SettingsView } from './SettingsView';
import { TokenSetup } from './TokenSetup';
import { Placeholder, ErrorLine } from './widgets';

export function App({ store }: { store: AppStore }) {
  return (
    <StoreContext.Provider value={store}>
      <Shell />
    </StoreContext.Provider>
  );
}

function focusListEntry(): void {
  const target =
    document.querySelector<HTMLElement>('.row-main[tabindex="0"]') ?? document.getElementById(SEARCH_INPUT_ID);
  target?.focus();
}

/** A header button that opens a view, marked as the current page while that view is shown. */
function NavButton({ to, label, icon }: { to: 'create' | 'settings'; label: string; icon: string }) {
  const store = useStore();
  return (
    <button
      type="button"
      class="icon-button"
      aria-label={label}
      title={label}
      aria-current={store.view.value.name === to ? 'page' : undefined}
      onClick={() => store.navigate({ name: to })}
    >
      <span aria-hidden="true">{icon}</span>
    </button>
  );
}

function Shell() {
  const store = useStore();
  const t = store.t;
  const auth = store.auth.value;
  const view = store.view.value;
  const language = store.i18n.value.language;

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      store.escape();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store]);

  // Shown again from the tray: put the keyboard where the user expects it. On the list that is the
  // search box; elsewhere focus stays where it was (mid-form), or goes to the view's heading.
  const shown = store.shownCount.value;
  useEffect(() => {
    if (shown === 0) return;
    if (store.view.peek().name === 'list') document.getElementById(SEARCH_INPUT_ID)?.focus();
    else if (document.activeElement === document.body || document.activeElement === null)
      document.querySelector<HTMLElement>('.app-main h2')?.focus();
  }, [shown, store]);

  // Back on the list from another view: focus the list's current row (or the search box).
  const viewName = view.name;
  useEffect(() => {
    if (viewName === 'list' && document.activeElement === document.body) focusListEntry();
  }, [viewName]);

  let body;
  if (auth === null) {
    body = store.startupError.value ? (
      <ErrorLine text={store.startupError.value} />
    ) : (
      <Placeholder text={t('app.loading')} />
    );
  } else if (auth.mode === 'none') {
    // Settings are reachable before a token exists (to change the language on first run).
    body = view.name === 'settings' ? <SettingsView /> : <TokenSetup notice={auth.notice} />;
  } else if (view.name === 'detail') {
    body = <DetailView key={view.key} serverKey={view.key} serverRef={view.ref} />;
  } else if (view.name === 'edit') {
    body = <EditView key={view.key} serverKey={view.key} serverRef={view.ref} />;
  } else if (view.name === 'create') {
    body = <CreateView />;
  } else if (view.name === 'settings') {
    body = <SettingsView />;
  } else {
    body = <ListView />;
  }

  return (
    <div class="app">
      <header class="app-header">
        <h1>{t('app.title')}</h1>
        {auth?.mode === 'demo' && <span class="badge badge-demo">{t('demo.badge')}</span>}
        <span class="spacer" />
        {auth && auth.mode !== 'none' && <NavButton to="create" label={t('nav.create')} icon="+" />}
        {auth && <NavButton to="settings" label={t('nav.settings')} icon="⚙" />}
      </header>
      {store.appNotices.value.map((notice) => (
        <div class="banner banner-warning banner-notice" key={`${notice.code}:${notice.backupPath}`} role="status">
          <p>{t(`notice.${notice.code}`, { path: notice.backupPath })}</p>
          <button
            type="button"
            aria-label={t(`notice.dismissLabel.${notice.code}`)}
            onClick={() => store.dismissNotice(notice)}
          >
            {t('button.dismiss')}
          </button>
        </div>
      ))}
      {auth?.mode === 'demo' && (
        <div class="banner banner-demo" data-testid="demo-banner">
          <span>{t('demo.banner')}</span>
          <button
            type="button"
            onClick={() =>
              void store.bridge.demo.stop().then((result) => {
                if (result.ok) void store.applyAuth(result.value);
              })
            }
          >
            {t('demo.connect')}
          </button>
        </div>
      )}
      <main class="app-main">{body}</main>
      <div class="sr-only" aria-live="polite" data-testid="announcer">
        {store.announcement.value}
      </div>
    </div>
  );
}
