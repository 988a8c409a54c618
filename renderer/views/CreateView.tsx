// Create a server. The API has no catalogue of plans, systems or locations, so the choices are those
// of the account's existing servers, plus "Other…" for typing an id or a code. A half-filled form is
// kept as a draft in local storage until it is saved or cancelled (leaving by Back or Escape keeps it).
import { Fragment, h } from 'preact';
import { isRecord, validateCreateServerInput } from '../../common/rules';
import { ViewHead } from '../components/ViewHead';
import { Field, TextField, fieldA11y } from '../forms/fields';
import { violationMessages } from '../forms/messages';
import { ServerForm, type ServerBasics } from '../forms/ServerForm';
import { useDraftForm } from '../forms/use-draft-form';
import { useStore } from '../hooks/use-store';
import { draftKey } from '../state/drafts';

const OTHER = 'other';

interface Draft extends ServerBasics {
  plan: string;
  planOther: string;
  os: string;
  osOther: string;
  location: string;
  locationOther: string;
  sshKey: string;
}

type FieldName = 'name' | 'plan_id' | 'os_id' | 'location' | 'hostname' | 'ssh_key_id' | 'backups_enabled';
const ALL_FIELDS: FieldName[] = ['name', 'plan_id', 'os_id', 'location', 'hostname', 'ssh_key_id', 'backups_enabled'];
const TEXT_FIELDS = ['name', 'plan', 'planOther', 'os', 'osOther', 'location', 'locationOther', 'hostname', 'sshKey'];

function isDraft(value: unknown): value is Draft {
  return (
    isRecord(value) &&
    TEXT_FIELDS.every((field) => typeof value[field] === 'string') &&
    typeof value.backups_enabled === 'boolean'
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
    backups_enabled: draft.backups_enabled,
  };
}

interface Choice {
  value: string;
  label: string;
}

export function CreateView() {
  const store = useStore();
  const { t, fleet, auth, drafts, servers, navigation } = store;
  const i18n = store.i18n.value;

  const plans = new Map<string, string>();
  const systems = new Map<string, string>();
  // Only what the API named in full can be offered; the rest goes by "other".
  for (const { server } of fleet.sorted.value) {
    if (server.plan?.id != null && server.plan.name !== null) plans.set(String(server.plan.id), server.plan.name);
    if (server.os?.id != null && server.os.name !== null) systems.set(String(server.os.id), server.os.name);
  }
  const planChoices: Choice[] = [...plans].map(([value, label]) => ({ value, label }));
  const osChoices: Choice[] = [...systems].map(([value, label]) => ({ value, label }));
  const locationChoices: Choice[] = fleet.locations.value.map((value) => ({ value, label: value }));

  const signedIn = auth.state.value;
  const storageKey = draftKey.create(signedIn && signedIn.mode !== 'none' ? signedIn.account.id : '');
  const form = useDraftForm<Draft>(storageKey, () => {
    const kept = drafts.read(storageKey);
    if (isDraft(kept)) {
      const [plan, planOther] = fitChoice(kept.plan, kept.planOther, planChoices);
      const [os, osOther] = fitChoice(kept.os, kept.osOther, osChoices);
      const [location, locationOther] = fitChoice(kept.location, kept.locationOther, locationChoices);
      return { draft: { ...kept, plan, planOther, os, osOther, location, locationOther }, kept: true };
    }
    const draft: Draft = {
      name: '',
      plan: planChoices[0]?.value ?? OTHER,
      planOther: '',
      os: osChoices[0]?.value ?? OTHER,
      osOther: '',
      location: locationChoices[0]?.value ?? OTHER,
      locationOther: '',
      hostname: '',
      sshKey: '',
      backups_enabled: false,
    };
    return { draft, kept: false };
  });
  // Created with a draft: never null here.
  const draft = form.draft!;

  const checked = validateCreateServerInput(toCreateInput(draft));
  const local = checked.ok ? {} : violationMessages(i18n, checked.violations);
  // A wrong format shows as you type (more typing cannot fix it); a still-empty required field only
  // once it has been left, so the form does not open covered in errors.
  const showsLocal = (field: FieldName) =>
    form.touched.has(field) ||
    (!checked.ok && (checked.violations[field] ?? []).some((violation) => violation !== 'required'));
  const errorOf = (field: FieldName) => (showsLocal(field) ? local[field] : undefined) ?? form.serverErrors[field];
  const { update, touch } = form;

  const submit = () =>
    form.save(checked, ALL_FIELDS, servers.create, (created) => {
      // null: accepted without naming the server; it appears with the next poll.
      if (created) navigation.setActiveKey(created.key);
      navigation.navigate({ name: 'list' });
    });

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
        <Fragment>
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
        </Fragment>
      )}
    </Field>
  );

  const toList = () => navigation.navigate({ name: 'list' });
  return (
    <section class="form-view" aria-labelledby="create-title">
      <ViewHead titleId="create-title" title={t('nav.create')} onBack={toList} />
      <p class="hint">{t('create.hint')}</p>
      <ServerForm
        idPrefix="create"
        form={form}
        values={draft}
        errorOf={errorOf}
        hostnameLabel={t('form.hostnameOptional')}
        submitLabel={t('form.create')}
        savingLabel={t('progress.create')}
        onSubmit={() => void submit()}
        onCancel={toList}
      >
        {choice(
          'plan_id',
          'create-plan',
          t('field.plan'),
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
          t('field.os'),
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
          t('field.location'),
          t('form.otherLocation'),
          locationChoices,
          draft.location,
          draft.locationOther,
          (location) => update({ location }, 'location'),
          (locationOther) => update({ locationOther }, 'location'),
          false,
        )}
        <TextField
          id="create-ssh"
          label={t('form.sshKey')}
          error={errorOf('ssh_key_id')}
          value={draft.sshKey}
          onInput={(sshKey) => update({ sshKey }, 'ssh_key_id')}
          onBlur={() => touch('ssh_key_id')}
          numeric
        />
      </ServerForm>
    </section>
  );
}
