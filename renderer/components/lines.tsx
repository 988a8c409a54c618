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

/** The result of an action at its server, dismissable. */
export function NoticeLine({ notice, onDismiss }: { notice: RowNotice; onDismiss: () => void }) {
  const { t } = useStore();
  return (
    <div class={`notice notice-${notice.tone}`}>
      <span class="notice-text" role={notice.tone === 'error' ? 'alert' : 'status'}>
        <span aria-hidden="true">{notice.tone === 'error' ? '⚠ ' : '✓ '}</span>
        {notice.text}
      </span>
      <button type="button" class="icon-button small" aria-label={t('button.dismiss')} onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
