// For comparison only, never shipped: the popup a naive implementation would write, measured by
// bench/popup.ts the same way as ours. Every server is a row in the DOM (no virtual list), and any change
// (the fleet, a keystroke in the search, a click) renders the whole list again. Same bridge (`window.vps`),
// same row markup (`.server-list li`, `.progress`) so the same probe measures both.
import { h, render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ServerView } from '../../../common/contract';
import type { PowerAction } from '../../../common/statuses';

const ACTIONS: Record<string, PowerAction[]> = { active: ['stop', 'reboot'], stopped: ['start'] };

function NaivePopup() {
  const [servers, setServers] = useState<ServerView[]>([]);
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState<Record<string, PowerAction>>({});

  useEffect(() => {
    void window.vps.fleet.subscribe().then((result) => {
      if (result.ok) setServers(result.value.servers);
    });
  }, []);

  const act = (view: ServerView, action: PowerAction) => {
    setBusy({ ...busy, [view.key]: action });
    void window.vps.servers[action]({ accountId: view.accountId, id: view.server.id });
  };
  const needle = query.trim().toLowerCase();
  const shown = servers.filter((view) => view.server.name.toLowerCase().includes(needle));

  return h(
    'main',
    null,
    h('input', {
      type: 'search',
      'aria-label': 'Search',
      value: query,
      onInput: (event: Event) => setQuery((event.currentTarget as HTMLInputElement).value),
    }),
    h(
      'ul',
      { class: 'server-list' },
      shown.map((view) =>
        h(
          'li',
          { key: view.key },
          h('strong', null, view.server.name),
          ` ${view.server.status} · ${view.server.ip_address ?? '—'} · ${view.server.location ?? '—'}`,
          busy[view.key] ? h('span', { class: 'progress' }, `${busy[view.key]}…`) : null,
          (ACTIONS[view.server.status] ?? []).map((action) =>
            h(
              'button',
              { type: 'button', class: `power-${action}`, onClick: () => act(view, action) },
              `${action} ${view.server.name}`,
            ),
          ),
        ),
      ),
    ),
  );
}

const root = document.getElementById('app');
if (root) render(h(NaivePopup, null), root);
