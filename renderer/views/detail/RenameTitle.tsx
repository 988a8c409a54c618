// The detail view's heading, renamed in place (double-click, the pencil, or F2): PATCH with only the name.
// While renaming, the form takes a line of its own under the heading row: the field as wide as the view
// (a 40-character name whole), its error under it, then Save and Cancel.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { checkName } from '../../../common/rules';
import type { ServerDetail, ServerRef } from '../../../common/servers';
import { fieldA11y } from '../../forms/fields';
import { formFailure } from '../../forms/messages';
import { useEscapeLayer } from '../../hooks/use-escape-layer';
import { useStore } from '../../hooks/use-store';
import { violationText } from '../../forms/messages';

export function RenameTitle({
  name,
  serverRef,
  onRenamed,
}: {
  name: string;
  serverRef: ServerRef;
  onRenamed: (detail: ServerDetail) => void;
}) {
  const { t, i18n, servers } = useStore();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);

  const stop = () => {
    setEditing(false);
    setError(null);
    queueMicrotask(() => startRef.current?.focus());
  };
  useEscapeLayer(editing, stop);
  useEffect(() => {
    if (editing) inputRef.current?.select();
  }, [editing]);

  const start = () => {
    setDraft(name);
    setError(null);
    setEditing(true);
  };

  async function save(): Promise<void> {
    if (draft === name) return stop();
    const violation = checkName(draft);
    if (violation) {
      setError(violationText(i18n.value, violation));
      return;
    }
    setSaving(true);
    const result = await servers.rename(serverRef, draft);
    setSaving(false);
    if (result.ok) {
      onRenamed(result.value);
      stop();
    } else {
      const { fieldMessages, formError } = formFailure(i18n.value, result.error, ['name'], { write: true });
      setError(fieldMessages.name ?? formError);
    }
  }

  if (editing) {
    return (
      <form
        class="rename"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label for="rename-input" class="sr-only">
          {t('detail.renameLabel')}
        </label>
        <input
          ref={inputRef}
          {...fieldA11y('rename-input', error ?? undefined)}
          value={draft}
          onInput={(event) => setDraft(event.currentTarget.value)}
        />
        {error && (
          <p class="field-error" id="rename-input-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" aria-disabled={saving ? 'true' : undefined}>
          {t('form.save')}
        </button>
        <button type="button" onClick={stop}>
          {t('button.cancel')}
        </button>
      </form>
    );
  }
  return (
    <div class="title-row">
      <h2 id="detail-title" class="detail-title" title={name} tabIndex={-1} onDblClick={start}>
        {name}
      </h2>
      <button
        id="rename-start"
        ref={startRef}
        type="button"
        class="icon-button small"
        aria-label={t('detail.rename', { name })}
        title={t('detail.rename', { name })}
        aria-keyshortcuts="F2"
        onClick={start}
      >
        <span aria-hidden="true">✎</span>
      </button>
    </div>
  );
}
