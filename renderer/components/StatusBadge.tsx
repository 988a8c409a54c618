import { h } from 'preact';
import type { ServerStatus } from '../../common/statuses';
import { useStore } from '../hooks/use-store';
import { statusTone, type StatusTone } from '../state/fleet';
import { statusLabel } from '../../common/i18n/sentences';

const STATUS_ICON: Record<StatusTone, string> = { ok: '●', off: '■', busy: '◔', alert: '⚠', unknown: '?' };

/** Status as icon + text + colour, so it never depends on colour alone. */
export function StatusBadge({ status }: { status: ServerStatus }) {
  const { i18n } = useStore();
  const tone = statusTone(status);
  return (
    <span class={`status status-${tone}`}>
      <span class="status-icon" aria-hidden="true">
        {STATUS_ICON[tone]}
      </span>
      <span class="status-text">{statusLabel(i18n.value, status)}</span>
    </span>
  );
}
