// What happened at start-up (a settings or vault file was reset, an unsigned macOS build found), shown
// above every view until dismissed.
// Rare, so a chunk of its own with its messages (renderer/views/lazy), not part of the start bundle.
import { Fragment, h } from 'preact';
import { useStore } from '../hooks/use-store';

/** Something found at start-up (a file reset, an unsigned macOS build), shown until dismissed. */
export function AppNoticeBanners() {
  const { t, app } = useStore();
  return (
    <Fragment>
      {app.notices.value.map((notice) => (
        <div class="banner banner-warning banner-notice" key={JSON.stringify(notice)} role="status">
          <p>{t(`notice.${notice.code}`, { path: 'backupPath' in notice ? notice.backupPath : '' })}</p>
          <button
            type="button"
            aria-label={t(`notice.dismissLabel.${notice.code}`)}
            onClick={() => app.dismissNotice(notice)}
          >
            {t('button.dismiss')}
          </button>
        </div>
      ))}
    </Fragment>
  );
}
