// What the list says besides its rows, fetched when one is due (or with the views once the popup is up):
// that a server was just deleted (./deleted-note; until dismissed or the list is left), that the account
// has no servers yet (with New server), and, when the search and filters leave nothing, a way to clear them.
import { Fragment, h } from 'preact';
import { useState } from 'preact/hooks';
import { NoticeLine } from '../../components/lines';
import { useStore } from '../../hooks/use-store';
import { takeDeleted } from './deleted-note';

export function ListNotes() {
  const { t, filters, fleet, navigation } = useStore();
  const none = fleet.status.value?.loaded === true && fleet.sorted.value.length === 0;
  // Servers there are, yet the search and filters leave none.
  const noMatch = fleet.sorted.value.length > 0 && filters.visible.value.length === 0;
  // Said until dismissed or the list is left.
  const [deleted, setDeleted] = useState(takeDeleted);
  return (
    <Fragment>
      {deleted && (
        <NoticeLine
          notice={{ tone: 'info', text: t('list.deleted', { name: deleted }) }}
          dismissLabel={t('list.dismissNotice', { name: deleted })}
          onDismiss={() => setDeleted(null)}
        />
      )}
      {none && (
        <div class="placeholder">
          <p>{t('list.empty')}</p>
          <button type="button" class="primary" onClick={() => navigation.navigate({ name: 'create' })}>
            {t('nav.create')}
          </button>
        </div>
      )}
      {noMatch && (
        <div class="placeholder">
          <p>{t('list.noMatch')}</p>
          <button
            type="button"
            onClick={() => {
              // Every filter off and the search empty (from the filters' own setters: no code in the start bundle).
              filters.setSearch('');
              filters.setAccount('');
              if (filters.glance.value !== '') filters.toggleGlance(filters.glance.value);
              void filters.setFilters({ status: '', location: '' });
              // The search box (ListView's SEARCH_INPUT_ID; imported, it would split the start bundle).
              document.getElementById('server-search')?.focus();
            }}
          >
            {t('list.clearFilters')}
          </button>
        </div>
      )}
    </Fragment>
  );
}
