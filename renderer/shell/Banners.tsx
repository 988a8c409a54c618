// The banners above every view: start-up notices (until dismissed) and the demo's.
import { Fragment, h } from 'preact';
import { useStore } from '../hooks/use-store';

/** Something that happened at start-up (a settings or vault file was reset), shown until dismissed. */
export function AppNoticeBanners() {
  const { t, app } = useStore();
  return (
    <Fragment>
      {app.notices.value.map((notice) => (
        <div class="banner banner-warning banner-notice" key={`${notice.code}:${notice.backupPath}`} role="status">
          <p>{t(`notice.${notice.code}`, { path: notice.backupPath })}</p>
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

/** In the demo: says so, and leads to connecting a real account. */
export function DemoBanner() {
  const { t, auth } = useStore();
  return (
    <div class="banner banner-demo" data-testid="demo-banner">
      <span>{t('demo.banner')}</span>
      <button type="button" onClick={() => void auth.leaveDemo()}>
        {t('demo.connect')}
      </button>
    </div>
  );
}
