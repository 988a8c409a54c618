import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ServerView } from '../../common/contract';
import type { PowerAction } from '../../common/statuses';
import { useStore } from '../hooks/use-store';
import { clickSource, isRepeatClick, useServerLabel } from './PowerButtons';

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
  const { t, power } = useStore();
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
  const question = t('confirm.question', { action: t(`action.${action}`), name: useServerLabel(view) });
  return (
    <div class="confirm" role="group" aria-label={question} ref={groupRef}>
      <span class="confirm-question">{question}</span>
      <button
        ref={confirmRef}
        type="button"
        class={`danger confirm-${action}`}
        data-control={`confirm:${action}`}
        onClick={(event) => {
          if (!isRepeatClick(event)) void power.perform(view.key, action, clickSource(event));
        }}
      >
        {t(`action.${action}`)}
      </button>
      <button
        type="button"
        data-control={`cancel:${action}`}
        onClick={(event) => {
          if (!isRepeatClick(event)) power.cancelConfirmation();
        }}
      >
        {t('button.cancel')}
      </button>
    </div>
  );
}
