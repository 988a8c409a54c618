// Create a server. The API has no catalogue of plans, systems or locations, so the choices are those
// of the account's existing servers, plus "Other…" for typing an id or a code. A half-filled form is
// kept as a draft in local storage until it is saved or cancelled (leaving by Back or Escape keeps it).
import { useEffect, useRef, useState } from 'preact/hooks';
import { validateCreateServerInput } from '../../main/api/rules';
import { draftKey, isRecord } from '../state/local';
import { useStore } from './context';
import { Field, fieldA11y, formFailure, violationMessages, type FieldMessages } from './forms';

const OTHER = 'other';

interface Draft {
  name: string;
  plan: string;
  planOther: string;
  os: string;
  osOther: string;
  location: string;
  locationOther: string;
  hostname: string;
  sshKey: string;
  backups: boolean;
}

type FieldName = 'name' | 'plan_id' | 'os_id' | 'location' | 'hostname' | 'ssh_key_id' | 'backups_enabled';
const ALL_FIELDS: FieldName[] = ['name', 'plan_id', 'os_id', 'location', 'hostname', 'ssh_key_id', 'backups_enabled'];
const TEXT_FIELDS = ['name', 'plan', 'planOther', 'os', 'osOther', 'location', 'locationOther', 'hostname', 'sshKey'];

function isDraft(value: unknown): value is Draft {
  return (
    isRecord(value) &&
    TEXT_FIELDS.every((field) => typeof value[field] === 'string') &&
    typeof value.backups === 'boolean'
  );
}

/** A kept choice that is no longer offered (its server is gone) moves to "Other…" with its value. */
function fitChoice(selected: string, other: string, choices: Choice[]): [string, string] {
  return selected === OTHER || choices.some((item) => item.value === selected) ? [selected, other] : [OTHER, selected];
}

/** '' stays '' (so the rules say "required"); anything else becomes a number (NaN -> "not a whole number"). */
function toNumber(text: string): number | string {
  return text.trim() === '' ? '' : Number(text.trim());
}

export function toCreateInput(draft: Draft): Record<string, unknown> {
  return {
    name: draft.name,
    plan_id: toNumber(draft.plan === OTHER ? draft.planOther : draft.plan),
    os_id: toNumber(draft.os === OTHER ? draft.osOther : draft.os),
    location: draft.location === OTHER ? draft.locationOther : draft.location,
    hostname: draft.hostname.trim(),
    ssh_key_id: toNumber(draft.sshKey),
    backups_enabled: draft.backups,
  };
}

interface Choice {
  value: string;
  label: string;
}

export function CreateView() {
  const store = useStore();
  const t = store.t;
  const i18n = store.i18n.value;

  const servers = store.sorted.value;
  const plans = new Map<string, string>();
  const systems = new Map<string, string>();
  for (const { server } of servers) {
    plans.set(String(server.plan.id), server.plan.name);
    systems.set(String(server.os.id), server.os.name);
  }
  const planChoices: Choice[] = [...plans].map(([value, label]) => ({ value, label }));
  const osChoices: Choice[] = [...systems].map(([value, label]) => ({ value, label }));
  const locationChoices: Choice[] = store.locations.value.map((value) => ({ value, label: value }));

  const auth = store.auth.value;
  const storageKey = draftKey.create(auth && auth.mode !== 'none' ? auth.account.id : '');
  const [restored] = useState(() => {
    const kept = store.local.read(storageKey);
    if (!isDraft(kept)) return null;
    const [plan, planOther] = fitChoice(kept.plan, kept.planOther, planChoices);
    const [os, osOther] = fitChoice(kept.os, kept.osOther, osChoices);
    const [location, locationOther] = fitChoice(kept.location, kept.locationOther, locationChoices);
    return { ...kept, plan, planOther, os, osOther, location, locationOther };
  });
  const [draft, setDraft] = useState<Draft>(
    () =>
      restored ?? {
        name: '',
        plan: planChoices[0]?.value ?? OTHER,
        planOther: '',
        os: osChoices[0]?.value ?? OTHER,
        osOther: '',
        location: locationChoices[0]?.value ?? OTHER,
        locationOther: '',
        hostname: '',
        sshKey: '',
        backups: false,
      },
  );
  // Kept only once the user changed something, so an untouched form does not pin stale defaults.
  const dirty = useRef(restored !== null);
  useEffect(() => {
    if (dirty.current) store.local.write(storageKey, draft);
  }, [draft, storageKey, store]);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [serverErrors, setServerErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const checked = validateCreateServerInput(toCreateInput(draft));
  const local = checked.ok ? {} : violationMessages(i18n, checked.violations);
  // A wrong format shows as you type (more typing cannot fix it); a still-empty required field only
  // once it has been left, so the form does not open covered in errors.
  const showsLocal = (field: FieldName) =>
    touched.has(field) ||
    (!checked.ok && (checked.violations[field] ?? []).some((violation) => violation !== 'required'));
  const errorOf = (field: FieldName) => (showsLocal(field) ? local[field] : undefined) ?? serverErrors[field];
  const touch = (field: FieldName) => setTouched((current) => new Set(current).add(field));
  function update(patch: Partial<Draft>, field: FieldName): void {
    dirty.current = true;
    setDraft((current) => ({ ...current, ...patch }));
    setServerErrors((current) => ({ ...current, [field]: undefined }));
  }

  async function submit(): Promise<void> {
    if (saving) return;
    const input = validateCreateServerInput(toCreateInput(draft));
    if (!input.ok) {
      setTouched(new Set(ALL_FIELDS));
      setFormError(t('form.fixErrors'));
      return;
    }
    setSaving(true);
    setFormError(null);
    const result = await store.bridge.servers.create(input.value);
    setSaving(false);
    if (result.ok) {
      discardDraft();
      store.activeKey.value = result.value.key;
      store.navigate({ name: 'list' });
      return;
    }
    // Keep every input as typed; show what went wrong next to the fields it concerns.
    const failure = formFailure(store.i18n.value, result.error, ALL_FIELDS, { write: true });
    setServerErrors(failure.fieldMessages);
    setFormError(failure.formError);
  }

  function discardDraft(): void {
    dirty.current = false;
    store.local.remove(storageKey);
  }

  const choice = (
    field: 'plan_id' | 'os_id' | 'location',
    id: string,
    label: string,
    otherLabel: string,
    choices: Choice[],
    selected: string,
    other: string,
    onSelect: (value: string) => void,
    onOther: (value: string) => void,
    numeric: boolean,
  ) => (
    <Field id={id} label={label} error={errorOf(field)}>
      <select
        {...fieldA11y(id, selected === OTHER ? undefined : errorOf(field))}
        value={selected}
        onChange={(event) => onSelect(event.currentTarget.value)}
        onBlur={() => selected !== OTHER && touch(field)}
      >
        {choices.map((item) => (
          <option key={item.value} value={item.value}>
            {numeric ? `${item.label} (#${item.value})` : item.label}
          </option>
        ))}
        <option value={OTHER}>{t('form.other')}</option>
      </select>
      {selected === OTHER && (
        <>
          <label for={`${id}-other`} class="sub-label">
            {otherLabel}
          </label>
          <input
            {...fieldA11y(`${id}-other`, errorOf(field))}
            aria-describedby={errorOf(field) ? `${id}-error` : undefined}
            inputMode={numeric ? 'numeric' : 'text'}
            autocomplete="off"
            value={other}
            onInput={(event) => onOther(event.currentTarget.value)}
            onBlur={() => touch(field)}
          />
        </>
      )}
    </Field>
  );

  return (
    <section class="form-view" aria-labelledby="create-title">
      <div class="detail-head">
        <button type="button" class="back" onClick={() => store.navigate({ name: 'list' })}>
          <span aria-hidden="true">← </span>
          {t('nav.back')}
        </button>
        <h2 id="create-title" class="detail-title" tabIndex={-1}>
          {t('create.title')}
        </h2>
      </div>
      <p class="hint">{t('create.hint')}</p>
      {restored && (
        <p class="hint draft-restored" role="status">
          {t('draft.restored')}
        </p>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field id="create-name" label={t('form.name')} error={errorOf('name')}>
          <input
            {...fieldA11y('create-name', errorOf('name'))}
            autocomplete="off"
            value={draft.name}
            onInput={(event) => update({ name: event.currentTarget.value }, 'name')}
            onBlur={() => touch('name')}
          />
        </Field>
        {choice(
          'plan_id',
          'create-plan',
          t('form.plan'),
          t('form.otherPlan'),
          planChoices,
          draft.plan,
          draft.planOther,
          (plan) => update({ plan }, 'plan_id'),
          (planOther) => update({ planOther }, 'plan_id'),
          true,
        )}
        {choice(
          'os_id',
          'create-os',
          t('form.os'),
          t('form.otherOs'),
          osChoices,
          draft.os,
          draft.osOther,
          (os) => update({ os }, 'os_id'),
          (osOther) => update({ osOther }, 'os_id'),
          true,
        )}
        {choice(
          'location',
          'create-location',
          t('form.location'),
          t('form.otherLocation'),
          locationChoices,
          draft.location,
          draft.locationOther,
          (location) => update({ location }, 'location'),
          (locationOther) => update({ locationOther }, 'location'),
          false,
        )}
        <Field id="create-hostname" label={t('form.hostnameOptional')} error={errorOf('hostname')}>
          <input
            {...fieldA11y('create-hostname', errorOf('hostname'))}
            autocomplete="off"
            value={draft.hostname}
            onInput={(event) => update({ hostname: event.currentTarget.value }, 'hostname')}
            onBlur={() => touch('hostname')}
          />
        </Field>
        <Field id="create-ssh" label={t('form.sshKey')} error={errorOf('ssh_key_id')}>
          <input
            {...fieldA11y('create-ssh', errorOf('ssh_key_id'))}
            inputMode="numeric"
            autocomplete="off"
            value={draft.sshKey}
            onInput={(event) => update({ sshKey: event.currentTarget.value }, 'ssh_key_id')}
            onBlur={() => touch('ssh_key_id')}
          />
        </Field>
        <div class="check">
          <input
            type="checkbox"
            {...fieldA11y('create-backups', errorOf('backups_enabled'))}
            checked={draft.backups}
            onChange={(event) => update({ backups: event.currentTarget.checked }, 'backups_enabled')}
          />
          <label for="create-backups">{t('form.backups')}</label>
        </div>
        {formError && (
          <p class="form-error" role="alert">
            {formError}
          </p>
        )}
        <div class="buttons">
          <button type="submit" class="primary" aria-disabled={saving ? 'true' : undefined}>
            {saving ? t('form.creating') : t('form.create')}
          </button>
          <button
            type="button"
            onClick={() => {
              discardDraft();
              store.navigate({ name: 'list' });
            }}
          >
            {t('form.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
