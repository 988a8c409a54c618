import { h } from 'preact';
import type { ServerView } from '../../../common/contract';
import { ConfirmAction } from '../../components/ConfirmAction';
import { NoticeLine } from '../../components/lines';
import { PowerButtons } from '../../components/PowerButtons';
import { StatusBadge } from '../../components/StatusBadge';
import { useStore } from '../../hooks/use-store';

/**
 * One server in the list: its name, status and details (opening the detail view), its power buttons,
 * and under it the confirmation or the notice of an action, if any.
 */
export function ServerRow({
  view,
  top,
  position,
  setSize,
  active,
  onFocusRow,
  onRefocus,
}: {
  view: ServerView;
  top: number;
  position: number;
  setSize: number;
  active: boolean;
  onFocusRow: () => void;
  onRefocus: () => void;
}) {
  const { notices, power, navigation, accounts, alerts, t } = useStore();
  // With several accounts, each row says whose server it is.
  const accountLabel = accounts.labels.value?.get(view.accountId);
  const attention = alerts.needsAttention(view.key);
  const { server } = view;
  const notice = notices.byKey.value.get(view.key);
  const confirming = power.confirming.value;
  const confirmAction = confirming?.key === view.key ? confirming.action : null;
  const tabIndex = active ? 0 : -1;
  const meta = [server.ip_address ?? '—', server.location ?? '—', server.plan?.name ?? '—'].join(' · ');
  return (
    <li
      class={`row${active ? ' row-active' : ''}`}
      style={{ top: `${top}px` }}
      aria-posinset={position}
      aria-setsize={setSize}
      data-key={view.key}
      data-status={server.status}
      data-attention={attention ? 'true' : undefined}
    >
      <div class="row-line">
        <button
          type="button"
          class="row-main"
          data-key={view.key}
          tabIndex={tabIndex}
          title={server.name}
          onFocus={onFocusRow}
          onClick={() => navigation.openDetail(view.key)}
        >
          <span class="row-title">
            <span class="row-name">{server.name}</span>
            <StatusBadge status={server.status} />
            {attention && (
              <span class="row-attention" role="img" aria-label={t('alerts.attention')} title={t('alerts.attention')}>
                ⚠
              </span>
            )}
          </span>
          <span class="row-meta">
            {accountLabel !== undefined && <span class="row-account">{accountLabel} · </span>}
            {meta}
          </span>
        </button>
        {confirmAction === null && <PowerButtons view={view} compact tabIndex={tabIndex} />}
      </div>
      {confirmAction !== null ? (
        <div class="row-extra">
          <ConfirmAction view={view} action={confirmAction} onClose={onRefocus} />
        </div>
      ) : (
        notice && (
          <div class="row-extra">
            <NoticeLine notice={notice} onDismiss={() => notices.dismiss(view.key)} />
          </div>
        )
      )}
    </li>
  );
}
