// One-line messages the views share: a placeholder while loading, a failure, and the notice at a server.
import { h } from 'preact';
import { useStore } from '../hooks/use-store';
import type { RowNotice } from '../state/row-notices';

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

const NOTICE_ICON: Record<RowNotice['tone'], string> = { info: '✓ ', progress: '◔ ', error: '⚠ ' };

/**
 * The result of an action at its server, dismissable: read whole (it wraps), and kept until dismissed
 * or replaced. Only a finished success is green with ✓; an action still in progress is neutral.
 * `dismissLabel` names the server, so each row's button has a name of its own.
 */
export function NoticeLine({
  notice,
  onDismiss,
  dismissLabel,
}: {
  notice: RowNotice;
  onDismiss: () => void;
  dismissLabel?: string;
}) {
  const { t } = useStore();
  return (
    <div class={`notice notice-${notice.tone}`}>
      <span class="notice-text" role={notice.tone === 'error' ? 'alert' : 'status'}>
        <span aria-hidden="true">{NOTICE_ICON[notice.tone]}</span>
        {notice.text}
      </span>
      <button
        type="button"
        class="icon-button small"
        aria-label={dismissLabel ?? t('button.dismiss')}
        data-control="dismiss"
        onClick={onDismiss}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
