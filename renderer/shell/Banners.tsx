// The demo's banner above every view (the start-up notices are a chunk of their own: ./AppNoticeBanners).
import { h } from 'preact';
import { useStore } from '../hooks/use-store';

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
