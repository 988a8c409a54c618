// What main tells the popup about the app at start: version, platform, the OS locale, and notices of
// things found at start-up or shortly after (shown once: a dismissal is remembered across popup windows,
// as main repeats them to every new window of the same run, and with each showing of the popup).
import { computed, signal } from '@preact/signals';
import type { AppInfo, AppNotice } from '../../common/contract';
import type { LocalStore } from './local';
import { readOnly } from './read-only';

const DISMISSED_NOTICES_KEY = 'notices:dismissed';

/** A notice's identity: a reset's backup file, or the unsigned build's version (told once per version). */
function noticeId(notice: AppNotice): string {
  return `${notice.code}:${'backupPath' in notice ? notice.backupPath : notice.version}`;
}

export function createAppState(local: LocalStore) {
  const info = signal<AppInfo | null>(null);
  /** Why the popup could not start (the auth state could not be read), worded. */
  const startupError = signal<string | null>(null);

  const storedDismissed = local.read(DISMISSED_NOTICES_KEY);
  const dismissed = signal<ReadonlySet<string>>(
    new Set(Array.isArray(storedDismissed) ? storedDismissed.filter((id) => typeof id === 'string') : []),
  );
  const notices = computed(() =>
    (info.value?.notices ?? []).filter((notice) => !dismissed.value.has(noticeId(notice))),
  );

  return {
    info: readOnly(info),
    startupError: readOnly(startupError),
    /** Start-up notices not dismissed yet. */
    notices,
    /** macOS shows none of this build's notifications (it is unsigned): said under Settings' switch. */
    notificationsUnsigned: computed(() =>
      (info.value?.notices ?? []).some((notice) => notice.code === 'notifications-unsigned'),
    ),
    adoptInfo(next: AppInfo): void {
      info.value = next;
    },
    /** The notices as main has them now (sent when the popup is shown: one may be found after start). */
    adoptNotices(next: AppNotice[]): void {
      if (info.value) info.value = { ...info.value, notices: next };
    },
    startFailed(text: string): void {
      startupError.value = text;
    },
    dismissNotice(notice: AppNotice): void {
      const next = new Set(dismissed.value).add(noticeId(notice));
      dismissed.value = next;
      local.write(DISMISSED_NOTICES_KEY, [...next]);
    },
  };
}
