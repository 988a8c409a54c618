// The API's status and location filters, folded behind the list's Filters button (a chunk of its own:
// a first glance does not show them).
import { h } from 'preact';
import { statusLabel } from '../../../common/i18n/sentences';
import { useStore } from '../../hooks/use-store';
import { FILTER_STATUSES } from '../../state/fleet';

export function FiltersPanel({ id }: { id: string }) {
  const { t, i18n, fleet, filters } = useStore();
  return (
    <div class="filters-panel" id={id}>
      <select
        aria-label={t('list.filterStatus')}
        value={filters.status.value}
        onChange={(event) => void filters.setFilters({ status: event.currentTarget.value })}
      >
        <option value="">{t('list.anyStatus')}</option>
        {FILTER_STATUSES.map((value) => (
          <option key={value} value={value}>
            {statusLabel(i18n.value, value)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('field.location')}
        value={filters.location.value}
        onChange={(event) => void filters.setFilters({ location: event.currentTarget.value })}
      >
        <option value="">{t('list.anyLocation')}</option>
        {fleet.locations.value.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
    </div>
  );
}
