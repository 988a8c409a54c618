import { h } from 'preact';
import type { ServerStatus } from '../../common/statuses';
import { useStore } from '../hooks/use-store';
import { statusTone, type StatusTone } from '../state/fleet';
import { statusLabel } from '../../common/i18n/sentences';

export const STATUS_ICON: Record<StatusTone, string> = {
  ok: '●',
  off: '■',
  busy: '◔',
  watch: '◆',
  alert: '⚠',
  unknown: '?',
};

/**
 * Status as icon + text + colour, so it never depends on colour alone. The colour is the app's verdict
 * (`serverKey` reads it from the alerts): red only for a confirmed deviation.
 */
export function StatusBadge({ status, serverKey }: { status: ServerStatus; serverKey?: string }) {
  const { i18n, filters } = useStore();
  const tone = statusTone(status, serverKey === undefined ? null : filters.deviationOf(serverKey));
  return (
    <span class={`status status-${tone}`}>
      <span class="status-icon" aria-hidden="true">
        {STATUS_ICON[tone]}
      </span>
      <span class="status-text">{statusLabel(i18n.value, status)}</span>
    </span>
  );
}
