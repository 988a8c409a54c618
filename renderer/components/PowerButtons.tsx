import { h } from 'preact';
import type { ServerView } from '../../common/contract';
import { allowedPowerActions, type PowerAction } from '../../common/statuses';
import { useStore } from '../hooks/use-store';

const ACTION_ICON: Record<PowerAction, string> = { start: '▶', stop: '■', reboot: '↻' };

/** The power actions the server's status allows, and the progress of the one in flight. */
export function PowerButtons({ view, compact, tabIndex }: { view: ServerView; compact: boolean; tabIndex?: number }) {
  const { t, power } = useStore();
  const busy = power.busyAction(view);
  const actions = allowedPowerActions(view.server.status);
  return (
    <div class="power">
      {busy !== null && (
        <span class="progress" role="status">
          {t(`progress.${busy}`)}
        </span>
      )}
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          class={`power-button power-${action}${compact ? ' icon-button' : ''}`}
          aria-label={t(`actionNamed.${action}`, { name: view.server.name })}
          title={t(`actionNamed.${action}`, { name: view.server.name })}
          aria-disabled={busy !== null ? 'true' : undefined}
          tabIndex={tabIndex}
          onClick={() => {
            // aria-disabled (not `disabled`) keeps keyboard focus on the button while the action runs.
            if (busy === null) void power.request(view.key, action);
          }}
        >
          <span aria-hidden="true">{ACTION_ICON[action]}</span>
          {!compact && <span aria-hidden="true"> {t(`action.${action}`)}</span>}
        </button>
      ))}
    </div>
  );
}
