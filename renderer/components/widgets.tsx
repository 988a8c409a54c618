// Small pieces shared by the views: status badge, power buttons, inline confirmation, the message
// shown where the user clicked, placeholders and error lines.
import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { PendingAction, ServerView } from '../../common/contract';
import { statusTone, type StatusTone } from '../state/fleet';
import type { RowNotice } from '../state/store';
import { statusLabel } from '../../common/i18n/sentences';
import { useStore } from './context';
import type { PowerAction, ServerStatus } from '../../common/statuses';
import { allowedPowerActions } from '../../common/statuses';

const STATUS_ICON: Record<StatusTone, string> = { ok: '●', off: '■', busy: '◔', alert: '⚠', unknown: '?' };
const ACTION_ICON: Record<PowerAction, string> = { start: '▶', stop: '■', reboot: '↻' };

/** Status as icon + text + colour, so it never depends on colour alone. */
export function StatusBadge({ status }: { status: ServerStatus }) {
  const store = useStore();
  const tone = statusTone(status);
  return (
    <span class={`status status-${tone}`}>
      <span class="status-icon" aria-hidden="true">
        {STATUS_ICON[tone]}
      </span>
      <span class="status-text">{statusLabel(store.i18n.value, status)}</span>
    </span>
  );
}

/** The action in flight for a server: tracked by main, or a request still on its way. */
export function busyAction(
  view: ServerView,
  requesting: ReadonlyMap<string, PowerAction>,
): PendingAction['action'] | null {
  return view.pending?.action ?? requesting.get(view.key) ?? null;
}

export function PowerButtons({ view, compact, tabIndex }: { view: ServerView; compact: boolean; tabIndex?: number }) {
  const store = useStore();
  const t = store.t;
  const busy = busyAction(view, store.requesting.value);
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
            if (busy === null) void store.requestAction(view.key, action);
          }}
        >
          <span aria-hidden="true">{ACTION_ICON[action]}</span>
          {!compact && <span aria-hidden="true"> {t(`action.${action}`)}</span>}
        </button>
      ))}
    </div>
  );
}

/**
 * "Reboot web-01? [Reboot] [Cancel]" — shown in place, focused on open, Escape cancels. When it closes
 * while focused, `onClose` puts focus back where it belongs (the row or the detail view).
 */
export function ConfirmAction({
  view,
  action,
  onClose,
}: {
  view: ServerView;
  action: PowerAction;
  onClose?: () => void;
}) {
  const store = useStore();
  const t = store.t;
  const groupRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useEffect(() => {
    confirmRef.current?.focus();
    const group = groupRef.current;
    return () => {
      if (group?.contains(document.activeElement)) onCloseRef.current?.();
    };
  }, []);
  const question = t('confirm.question', { action: t(`action.${action}`), name: view.server.name });
  return (
    <div class="confirm" role="group" aria-label={question} ref={groupRef}>
      <span class="confirm-question">{question}</span>
      <button
        ref={confirmRef}
        type="button"
        class={`danger confirm-${action}`}
        onClick={() => void store.performAction(view.key, action)}
      >
        {t(`action.${action}`)}
      </button>
      <button type="button" onClick={() => store.cancelConfirmation()}>
        {t('button.cancel')}
      </button>
    </div>
  );
}

export function NoticeLine({ notice, onDismiss }: { notice: RowNotice; onDismiss: () => void }) {
  const store = useStore();
  return (
    <div class={`notice notice-${notice.tone}`}>
      <span class="notice-text" role={notice.tone === 'error' ? 'alert' : 'status'}>
        <span aria-hidden="true">{notice.tone === 'error' ? '⚠ ' : '✓ '}</span>
        {notice.text}
      </span>
      <button type="button" class="icon-button small" aria-label={store.t('button.dismiss')} onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}

/** Something still loading (or gone): a polite status. */
export function Placeholder({ text }: { text: string }) {
  return (
    <p class="placeholder" role="status">
      {text}
    </p>
  );
}

/** A failure, announced at once; nothing while there is none. */
export function ErrorLine({ text }: { text: string | null | undefined }) {
  return text ? (
    <p class="form-error" role="alert">
      {text}
    </p>
  ) : null;
}
