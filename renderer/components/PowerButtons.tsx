import { batch } from '@preact/signals';
import { h } from 'preact';
import type { PowerSource, ServerView } from '../../common/contract';
import { allowedPowerActions, type PowerAction } from '../../common/statuses';
import { useStore } from '../hooks/use-store';
import { Icon } from './icons';

/** Reboot first; Stop, the one that takes a server down, last and set apart. */
const ACTION_ORDER: readonly PowerAction[] = ['start', 'reboot', 'stop'];

/**
 * The second click of a double click (event.detail 2 or more): the first one already acted, and what it
 * lands on may have moved there since (a confirmation, another row, another view). Ignored.
 */
export const isRepeatClick = (event: MouseEvent): boolean => event.detail > 1;
/** Enter or Space on a button clicks it with `detail` 0 (no pointer): the history says "by keyboard". */
export const clickSource = (event: MouseEvent): PowerSource => (event.detail === 0 ? 'keyboard' : 'popup');

/**
 * The server's name as its controls say it: with several accounts and another server of the same name,
 * with its account ("web-01 (Work)"), so no two rows' controls are named alike.
 */
export function useServerLabel(view: ServerView): string {
  const { t, accounts, filters } = useStore();
  const name = view.server.name;
  const account = accounts.labels.value?.get(view.accountId);
  return account !== undefined && filters.sharedNames.value.has(name)
    ? t('list.nameInAccount', { name, account })
    : name;
}

/**
 * The power actions the server's status allows, and the progress of the one in flight. While an action
 * is in flight its button stays (unavailable), so focus and the pointer keep their place.
 */
export function PowerButtons({ view, compact, tabIndex }: { view: ServerView; compact: boolean; tabIndex?: number }) {
  const { t, power, filters } = useStore();
  const pending = power.pendingAction(view);
  const allowed = allowedPowerActions(view.server.status);
  const actions = ACTION_ORDER.filter((action) => allowed.includes(action) || action === pending);
  const label = useServerLabel(view);
  return (
    <div class="power">
      {pending !== null && (
        <span class="progress" role="status">
          {t(`progress.${pending}`)}
        </span>
      )}
      {actions.map((action) => {
        const named = t(`actionNamed.${action}`, { name: label });
        return (
          <button
            key={action}
            type="button"
            class={`power-button power-${action}${compact ? ' icon-button' : ''}`}
            aria-label={named}
            title={named}
            aria-disabled={pending !== null ? 'true' : undefined}
            data-control={`action:${action}`}
            tabIndex={tabIndex}
            onClick={(event) => {
              // aria-disabled (not `disabled`) keeps keyboard focus on the button while the action runs.
              if (pending !== null || isRepeatClick(event)) return;
              // The row keeps its place while the user acts on it (asked, sent, carried out).
              batch(() => {
                filters.hold(view.key);
                void power.request(view.key, action, clickSource(event));
              });
            }}
          >
            <Icon name={action} />
            {!compact && <span aria-hidden="true">{t(`action.${action}`)}</span>}
          </button>
        );
      })}
    </div>
  );
}
