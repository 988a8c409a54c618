// The form Create and Edit share: the fields both ask for, around the view's own ones.
import { h } from 'preact';
import type { ComponentChildren } from 'preact';
import { ErrorLine } from '../components/lines';
import { useStore } from '../hooks/use-store';
import { CheckField, TextField } from './fields';
import type { DraftForm } from './use-draft-form';

/** What Create and Edit both ask for, named as the API names the fields. */
export interface ServerBasics {
  name: string;
  hostname: string;
  backups_enabled: boolean;
}

/**
 * A note when unsaved changes were restored, the name, the view's own fields (`children`), the
 * hostname and backups, then the form's error line and its buttons. Submitting calls `onSubmit`; the
 * browser's own validation stays off (the rules speak through the fields).
 */
export function ServerForm({
  idPrefix,
  form,
  values,
  errorOf,
  hostnameLabel,
  submitLabel,
  savingLabel,
  onSubmit,
  onCancel,
  children,
}: {
  idPrefix: string;
  form: DraftForm<ServerBasics>;
  values: ServerBasics;
  errorOf: (field: keyof ServerBasics) => string | undefined;
  hostnameLabel: string;
  submitLabel: string;
  savingLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  children?: ComponentChildren;
}) {
  const { t } = useStore();
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {form.restored && (
        <p class="hint draft-restored" role="status">
          {t('draft.restored')}
        </p>
      )}
      <TextField
        id={`${idPrefix}-name`}
        label={t('form.name')}
        error={errorOf('name')}
        value={values.name}
        onInput={(name) => form.update({ name }, 'name')}
        onBlur={() => form.touch('name')}
      />
      {children}
      <TextField
        id={`${idPrefix}-hostname`}
        label={hostnameLabel}
        error={errorOf('hostname')}
        value={values.hostname}
        onInput={(hostname) => form.update({ hostname }, 'hostname')}
        onBlur={() => form.touch('hostname')}
      />
      <CheckField
        id={`${idPrefix}-backups`}
        label={t('form.backups')}
        error={errorOf('backups_enabled')}
        checked={values.backups_enabled}
        onChange={(backups_enabled) => form.update({ backups_enabled }, 'backups_enabled')}
      />
      <ErrorLine text={form.formError} />
      <div class="buttons">
        <button type="submit" class="primary" aria-disabled={form.saving ? 'true' : undefined}>
          {form.saving ? savingLabel : submitLabel}
        </button>
        <button
          type="button"
          onClick={() => {
            form.discard();
            onCancel();
          }}
        >
          {t('button.cancel')}
        </button>
      </div>
    </form>
  );
}
