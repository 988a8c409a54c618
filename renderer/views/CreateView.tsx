// Create a server. The API has no catalogue of plans, systems or locations, so the choices are those
// of the account's existing servers, plus "Other…" for typing an id or a code. A half-filled form is
// kept as a draft in local storage until it is saved or cancelled (leaving by Back or Escape keeps it).
import { h } from 'preact';
import { isRecord, validateCreateServerInput } from '../../common/rules';
import { ViewHead } from '../components/ViewHead';
import { ChoiceField, fitChoice, OTHER, type Choice } from '../forms/ChoiceField';
import { TextField } from '../forms/fields';
import { violationMessages } from '../forms/messages';
import { ServerForm, type ServerBasics } from '../forms/ServerForm';
import { useDraftForm } from '../forms/use-draft-form';
import { useStore } from '../hooks/use-store';
import type { AppStore } from '../state/store';
import { draftKey } from '../state/drafts';

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

interface Choices {
  plans: Choice[];
  systems: Choice[];
  locations: Choice[];
}

/** What the account's servers offer. Only what the API named in full can be offered; the rest goes by "other". */
function choicesOf(fleet: AppStore['fleet']): Choices {
  const plans = new Map<string, string>();
  const systems = new Map<string, string>();
  for (const { server } of fleet.sorted.value) {
    if (server.plan?.id != null && server.plan.name !== null) plans.set(String(server.plan.id), server.plan.name);
    if (server.os?.id != null && server.os.name !== null) systems.set(String(server.os.id), server.os.name);
  }
  return {
    plans: [...plans].map(([value, label]) => ({ value, label })),
    systems: [...systems].map(([value, label]) => ({ value, label })),
    locations: fleet.locations.value.map((value) => ({ value, label: value })),
  };
}

/** The kept draft (its choices fitted to what is offered now), or a fresh one on the first choices. */
function startingDraft(kept: unknown, choices: Choices): { draft: Draft; kept: boolean } {
  if (isDraft(kept)) {
    const [plan, planOther] = fitChoice(kept.plan, kept.planOther, choices.plans);
    const [os, osOther] = fitChoice(kept.os, kept.osOther, choices.systems);
    const [location, locationOther] = fitChoice(kept.location, kept.locationOther, choices.locations);
    return { draft: { ...kept, plan, planOther, os, osOther, location, locationOther }, kept: true };
  }
  const draft: Draft = {
    name: '',
    plan: choices.plans[0]?.value ?? OTHER,
    planOther: '',
    os: choices.systems[0]?.value ?? OTHER,
    osOther: '',
    location: choices.locations[0]?.value ?? OTHER,
    locationOther: '',
    hostname: '',
    sshKey: '',
    backups_enabled: false,
  };
  return { draft, kept: false };
}

export function CreateView() {
  const store = useStore();
  const { t, fleet, auth, drafts, servers, navigation } = store;
  const i18n = store.i18n.value;
  const choices = choicesOf(fleet);

  const signedIn = auth.state.value;
  const storageKey = draftKey.create(signedIn && signedIn.mode !== 'none' ? signedIn.account.id : '');
  const form = useDraftForm<Draft>(storageKey, () => startingDraft(drafts.read(storageKey), choices));
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
        <ChoiceField
          id="create-plan"
          label={t('field.plan')}
          otherLabel={t('form.otherPlan')}
          choices={choices.plans}
          selected={draft.plan}
          other={draft.planOther}
          error={errorOf('plan_id')}
          onSelect={(plan) => update({ plan }, 'plan_id')}
          onOther={(planOther) => update({ planOther }, 'plan_id')}
          onTouch={() => touch('plan_id')}
          numeric
        />
        <ChoiceField
          id="create-os"
          label={t('field.os')}
          otherLabel={t('form.otherOs')}
          choices={choices.systems}
          selected={draft.os}
          other={draft.osOther}
          error={errorOf('os_id')}
          onSelect={(os) => update({ os }, 'os_id')}
          onOther={(osOther) => update({ osOther }, 'os_id')}
          onTouch={() => touch('os_id')}
          numeric
        />
        <ChoiceField
          id="create-location"
          label={t('field.location')}
          otherLabel={t('form.otherLocation')}
          choices={choices.locations}
          selected={draft.location}
          other={draft.locationOther}
          error={errorOf('location')}
          onSelect={(location) => update({ location }, 'location')}
          onOther={(locationOther) => update({ locationOther }, 'location')}
          onTouch={() => touch('location')}
          numeric={false}
        />
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
