import { h } from 'preact';
import type { ServerView } from '../../../common/contract';
import { NoticeLine } from '../../components/lines';
import { isRepeatClick, PowerButtons, useServerLabel } from '../../components/PowerButtons';
import { StatusBadge } from '../../components/StatusBadge';
import { ConfirmAction } from '../../components/ConfirmAction';
import { useStore } from '../../hooks/use-store';

/**
 * One server in the list: its name, status and details (opening the detail view), its power buttons,
 * and under it the confirmation or the notice of an action, if any. The buttons stay where they are
 * while the confirmation is open, so nothing else slides under the pointer.
 */
export function ServerRow({
  view,
  top,
  position,
  setSize,
  active,
  onFocusRow,
}: {
  view: ServerView;
  top: number;
  position: number;
  setSize: number;
  active: boolean;
  onFocusRow: () => void;
}) {
  const { notices, power, navigation, accounts, alerts, filters, t } = useStore();
  // With several accounts, each row says whose server it is.
  const accountLabel = accounts.labels.value?.get(view.accountId);
  const attention = alerts.needsAttention(view.key);
  const label = useServerLabel(view);
  const { server } = view;
  const notice = notices.byKey.value.get(view.key);
  const confirming = power.confirming.value;
  const confirmAction = confirming?.key === view.key ? confirming.action : null;
  const tabIndex = active ? 0 : -1;
  const meta = [server.ip_address ?? '—', server.location ?? '—', server.plan?.name ?? '—'].join(' · ');
  return (
    <li
      class={`row${active ? ' row-active' : ''}${filters.held.value.has(view.key) ? ' row-held' : ''}`}
      style={{ top: `${top}px` }}
      aria-posinset={position}
      aria-setsize={setSize}
      data-key={view.key}
      data-status={server.status}
      data-attention={attention ? 'true' : undefined}
      onPointerEnter={() => filters.engage(view.key, true)}
      onPointerLeave={() => filters.engage(view.key, false)}
    >
      <div class="row-line">
        <button
          type="button"
          class="row-main"
          data-key={view.key}
          data-control="main"
          tabIndex={tabIndex}
          title={server.name}
          onFocus={onFocusRow}
          onClick={(event) => {
            if (!isRepeatClick(event)) navigation.openDetail(view.key);
          }}
        >
          <span class="row-title">
            <span class="row-name">{server.name}</span>
            <StatusBadge status={server.status} serverKey={view.key} />
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
        <PowerButtons view={view} compact tabIndex={tabIndex} />
      </div>
      {confirmAction !== null ? (
        <div class="row-extra">
          <ConfirmAction view={view} action={confirmAction} />
        </div>
      ) : (
        notice && (
          <div class="row-extra">
            <NoticeLine
              notice={notice}
              dismissLabel={t('list.dismissNotice', { name: label })}
              onDismiss={() => notices.dismiss(view.key)}
            />
          </div>
        )
      )}
    </li>
  );
}
