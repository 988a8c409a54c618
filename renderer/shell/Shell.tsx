// The popup shell: header, banners, the current view (or token setup), the live region for status
// announcements, and the keyboard rules that hold everywhere (Escape).
import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { AuthState } from '../../common/contract';
import { ErrorLine, Placeholder } from '../components/lines';
import { useArrived, type Fetchable } from '../hooks/use-lazy';
import { useStore } from '../hooks/use-store';
import type { I18n } from '../i18n';
import type { View } from '../state/navigation';
import { lazyViews } from '../views/lazy';
import { ListView, SEARCH_INPUT_ID } from '../views/list/ListView';
import { DemoBanner } from './Banners';
import { NavButton } from './NavButton';

/** What the main area shows: a view, token setup, or a line while the app starts. */
type Screen =
  | { name: 'loading' }
  | { name: 'startup-error'; text: string }
  | { name: 'token-setup'; auth: Extract<AuthState, { mode: 'none' }> }
  | View;

function screenOf(auth: AuthState | null, view: View, startupError: string | null): Screen {
  if (auth === null) return startupError ? { name: 'startup-error', text: startupError } : { name: 'loading' };
  // Settings are reachable before a token exists (to change the language on first run).
  if (auth.mode === 'none') return view.name === 'settings' ? view : { name: 'token-setup', auth };
  return view;
}

/** The code a screen needs fetched first; null for those in the start bundle. */
function lazyCodeOf(screen: Screen): Fetchable | null {
  switch (screen.name) {
    case 'token-setup':
      return lazyViews.tokenSetup;
    case 'detail':
    case 'edit':
    case 'create':
    case 'settings':
      return lazyViews[screen.name];
    default:
      return null;
  }
}

/**
 * The screen to show: `wanted` once its code is here; until then the one shown before (no flicker,
 * focus kept). `arrived` says that the screen shown is the one wanted.
 */
function useArrivedScreen(wanted: Screen): { screen: Screen; arrived: boolean } {
  const shown = useRef(wanted);
  const arrived = useArrived(lazyCodeOf(wanted));
  if (arrived) shown.current = wanted;
  return { screen: shown.current, arrived };
}

function focusListEntry(): void {
  const target =
    document.querySelector<HTMLElement>('.row-main[tabindex="0"]') ?? document.getElementById(SEARCH_INPUT_ID);
  target?.focus();
}

export function Shell() {
  const store = useStore();
  const { t, navigation } = store;
  const auth = store.auth.state.value;
  const view = navigation.view.value;
  const language = store.i18n.value.language;
  const { screen, arrived } = useArrivedScreen(screenOf(auth, view, store.app.startupError.value));
  // Start-up notices are rare: their banners (a chunk) are fetched only when there is one.
  const notices = store.app.notices.value.length > 0;
  useArrived(notices ? lazyViews.appNotices : null);
  const AppNoticeBanners = notices ? lazyViews.appNotices.component : null;

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      navigation.escape();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [navigation]);

  // Shown again from the tray or the global shortcut: put the keyboard where the user expects it, once
  // the view asked for is there. On the list that is the search box, its text selected so that typing
  // starts a new search; elsewhere focus stays where it was (mid-form), or goes to the view's heading.
  const shownCount = navigation.shownCount.value;
  const focusedForShow = useRef(0);
  useEffect(() => {
    if (shownCount === focusedForShow.current || !arrived) return;
    focusedForShow.current = shownCount;
    if (navigation.view.peek().name === 'list') {
      const search = document.getElementById(SEARCH_INPUT_ID);
      if (search instanceof HTMLInputElement) {
        search.focus();
        search.select();
      }
    } else if (document.activeElement === document.body || document.activeElement === null)
      document.querySelector<HTMLElement>('.app-main h2')?.focus();
  }, [shownCount, arrived, navigation]);

  // Back on the list from another view: focus the list's current row (or the search box).
  const viewName = view.name;
  useEffect(() => {
    if (viewName === 'list' && document.activeElement === document.body) focusListEntry();
  }, [viewName]);

  return (
    <div class="app">
      <header class="app-header">
        <h1>{t('app.title')}</h1>
        {auth?.mode === 'demo' && <span class="badge badge-demo">{t('demo.badge')}</span>}
        <span class="spacer" />
        {auth && auth.mode !== 'none' && <NavButton to="create" label={t('nav.create')} icon="+" />}
        {auth && <NavButton to="settings" label={t('nav.settings')} icon="⚙" />}
      </header>
      {AppNoticeBanners && <AppNoticeBanners />}
      {auth?.mode === 'demo' && <DemoBanner />}
      <main class="app-main">{screenBody(screen, t)}</main>
      <div class="sr-only" aria-live="polite" data-testid="announcer">
        {store.announcement.value}
      </div>
    </div>
  );
}

/** One screen's body; a lazy one only once its code is here (useArrivedScreen sees to that). */
function screenBody(screen: Screen, t: I18n['t']) {
  const TokenSetup = lazyViews.tokenSetup.component;
  const DetailView = lazyViews.detail.component;
  const EditView = lazyViews.edit.component;
  const CreateView = lazyViews.create.component;
  const SettingsView = lazyViews.settings.component;
  switch (screen.name) {
    case 'loading':
      return <Placeholder text={t('app.loading')} />;
    case 'startup-error':
      return <ErrorLine text={screen.text} />;
    case 'token-setup':
      return TokenSetup && <TokenSetup notice={screen.auth.notice} />;
    case 'list':
      return <ListView />;
    case 'detail':
      return DetailView && <DetailView key={screen.key} serverKey={screen.key} serverRef={screen.ref} />;
    case 'edit':
      return EditView && <EditView key={screen.key} serverKey={screen.key} serverRef={screen.ref} />;
    case 'create':
      return CreateView && <CreateView />;
    case 'settings':
      return SettingsView && <SettingsView />;
  }
}
