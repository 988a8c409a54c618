// Export a history as CSV or JSON: one server's (the detail) or an account's (Settings → History). Main
// writes the file where the user chooses ("Saved."); where there is no file dialog (the preview) it
// hands the file back, and the page offers it as a download.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import type { ExportResult } from '../../../common/contract';
import { EXPORT_FORMATS, type ExportFormat } from '../../../common/history';
import { useStore } from '../../hooks/use-store';
import type { I18n } from '../../i18n';
import { errorText } from '../../i18n/sentences';
import { historyOf } from '../../state/history';

/** Offers `file` as a download from the page (an <a download> of a Blob, clicked once). */
function offerDownload(file: Extract<ExportResult, { outcome: 'download' }>): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the URL is let go on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

interface ExportNote {
  tone: 'info' | 'error';
  /** Worded when shown, so it follows the language. */
  text: (i18n: I18n) => string;
}

export function ExportButtons({
  accountId,
  serverId,
  label,
}: {
  accountId: string;
  /** One server's history; without it, the whole account's. */
  serverId?: number;
  /** Whose history the buttons export (the group's accessible name). */
  label: string;
}) {
  const store = useStore();
  const { t } = store;
  const history = historyOf(store.historyBridge);
  const [note, setNote] = useState<ExportNote | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(format: ExportFormat): Promise<void> {
    if (busy) return;
    setBusy(true);
    setNote(null);
    const result = await history.export(accountId, format, serverId);
    setBusy(false);
    if (!result.ok) {
      const { error } = result;
      setNote({ tone: 'error', text: (i18n) => i18n.t('export.failed', { message: errorText(i18n, error) }) });
    } else if (result.value.outcome === 'download') offerDownload(result.value);
    else if (result.value.outcome === 'saved') setNote({ tone: 'info', text: (i18n) => i18n.t('export.saved') });
  }

  return (
    <div class="export">
      <div class="buttons" role="group" aria-label={label}>
        {EXPORT_FORMATS.map((format) => (
          <button key={format} type="button" aria-disabled={busy ? 'true' : undefined} onClick={() => void run(format)}>
            {t(`export.${format}`)}
          </button>
        ))}
      </div>
      {note && (
        <p class={`notice notice-${note.tone}`} role={note.tone === 'error' ? 'alert' : 'status'}>
          {note.text(store.i18n.value)}
        </p>
      )}
    </div>
  );
}
