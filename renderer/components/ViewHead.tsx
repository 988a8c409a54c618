// The head of a view: Back, then the view's heading (focusable, so the popup can put focus on it).
import { h } from 'preact';
import { useStore } from '../hooks/use-store';

export function ViewHead({
  titleId,
  title,
  tooltip,
  onBack,
}: {
  titleId: string;
  title: string;
  /** The whole name, for a heading cut short by the popup's width. */
  tooltip?: string;
  onBack: () => void;
}) {
  return (
    <div class="detail-head">
      <BackButton onClick={onBack} />
      <h2 id={titleId} class="detail-title" title={tooltip} tabIndex={-1}>
        {title}
      </h2>
    </div>
  );
}

export function BackButton({ onClick }: { onClick: () => void }) {
  const { t } = useStore();
  return (
    <button type="button" class="back" onClick={onClick}>
      <span aria-hidden="true">← </span>
      {t('nav.back')}
    </button>
  );
}
