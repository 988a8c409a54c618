// One server in full: every field of the detail endpoint, copy buttons, usage against the plan,
// power buttons, inline rename (PATCH with only the name), Edit, and Delete behind a typed-name check.
import { Fragment, h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { checkName } from '../../common/rules';
import { draftKey } from '../state/local';
import { errorText, violationText } from '../state/text';
import { useEscapeLayer, useStore } from './context';
import { BackButton, fieldA11y, formFailure } from './forms';
import { ConfirmAction, NoticeLine, PowerButtons, StatusBadge, Placeholder, ErrorLine } from './widgets';
import type { ServerDetail } from '../../common/servers';
import { type ServerRef, refKey } from '../../common/servers';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string; notFound: boolean }
  | { state: 'ready'; detail: ServerDetail };

export function DetailView({ serverKey, serverRef }: { serverKey: string; serverRef: ServerRef }) {
  const store = useStore();
  const t = store.t;
  const i18n = store.i18n.value;
  const live = store.findView(serverKey);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [reloadCount, setReloadCount] = useState(0);
  const [copyNote, setCopyNote] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const [deleting, setDeleting] = useState(false);
  const sectionRef = useRef<HTMLElement>(null);

  // Fetch again when the fleet reports a new status or update time, so the detail follows actions.
  const liveStatus = live?.server.status;
  const liveUpdated = live?.server.updated_at;
  useEffect(() => {
    let current = true;
    void store.bridge.servers.get(serverRef).then((result) => {
      if (!current) return;
      setLoad(
        result.ok
          ? { state: 'ready', detail: result.value }
          : {
              state: 'failed',
              message: errorText(store.i18n.value, result.error),
              notFound: result.error.kind === 'not-found',
            },
      );
    });
    return () => {
      current = false;
    };
  }, [serverRef.accountId, serverRef.id, liveStatus, liveUpdated, reloadCount, store]);

  useEffect(() => sectionRef.current?.querySelector<HTMLElement>('h2')?.focus(), []);

  const detail = load.state === 'ready' ? load.detail : null;
  const name = live?.server.name ?? detail?.name ?? '';
  const confirming = store.confirming.value;
  const confirmAction = confirming?.key === serverKey ? confirming.action : null;
  const notice = store.notices.value.get(serverKey);
  const fleetLoaded = store.fleetStatus.value?.loaded ?? false;

  async function copy(text: string, what: string): Promise<void> {
    const result = await store.bridge.clipboard.write(text);
    setCopyNote(
      result.ok
        ? { tone: 'info', text: t('detail.copied', { what }) }
        : { tone: 'error', text: t('detail.copyFailed', { message: errorText(store.i18n.value, result.error) }) },
    );
  }

  const back = <BackButton onClick={() => store.navigate({ name: 'list' })} />;

  if (!live && fleetLoaded) {
    return (
      <section class="detail-view" ref={sectionRef}>
        {back}
        <Placeholder text={t('detail.gone')} />
      </section>
    );
  }

  // What VPS.org did not say is shown as unknown.
  const none = t('detail.none');
  const known = (value: number | null) => (value === null ? none : i18n.number(value));
  const when = (value: string | null) => (value === null ? none : i18n.date(value));
  const ipv4 = detail?.ip_address ?? live?.server.ip_address ?? null;
  const ipv6 = detail?.ipv6_address ?? null;
  const sshHost = ipv4 ?? ipv6;
  const sshCommand = sshHost ? `ssh root@${sshHost}` : null;

  return (
    <section
      class="detail-view"
      ref={sectionRef}
      aria-labelledby="detail-title"
      onKeyDown={(event) => {
        if (event.key === 'F2' && !deleting) {
          event.preventDefault();
          document.getElementById('rename-start')?.click();
        }
      }}
    >
      <div class="detail-head">
        {back}
        <RenameTitle
          name={name}
          serverRef={serverRef}
          onRenamed={(updated) => setLoad({ state: 'ready', detail: updated })}
        />
        {live && <StatusBadge status={live.server.status} />}
      </div>

      {live && (
        <div class="detail-actions">
          {confirmAction === null ? (
            <PowerButtons view={live} compact={false} />
          ) : (
            <ConfirmAction
              view={live}
              action={confirmAction}
              onClose={() => sectionRef.current?.querySelector<HTMLElement>('.power-button, h2')?.focus()}
            />
          )}
          <button type="button" onClick={() => store.navigate({ name: 'edit', key: serverKey, ref: serverRef })}>
            {t('detail.edit')}
          </button>
        </div>
      )}
      {notice && <NoticeLine notice={notice} onDismiss={() => store.setNotice(serverKey, null)} />}

      {load.state === 'loading' && <Placeholder text={t('app.loading')} />}
      {load.state === 'failed' && (
        <div class="form-error" role="alert">
          <p>{load.notFound ? t('detail.gone') : t('detail.failed', { message: load.message })}</p>
          {!load.notFound && (
            <button type="button" onClick={() => setReloadCount((count) => count + 1)}>
              {t('button.retry')}
            </button>
          )}
        </div>
      )}

      {copyNote && (
        <p class={`notice notice-${copyNote.tone}`} role="status">
          {copyNote.text}
        </p>
      )}

      {detail && (
        <Fragment>
          <dl class="fields">
            <dt>{t('detail.ipv4')}</dt>
            <dd>
              <AddressValue value={detail.ip_address} label={t('detail.ipv4')} onCopy={copy} />
            </dd>
            <dt>{t('detail.ipv6')}</dt>
            <dd>
              <AddressValue value={ipv6} label={t('detail.ipv6')} onCopy={copy} />
            </dd>
            <dt>{t('field.hostname')}</dt>
            <dd class="wrap">{detail.hostname ?? t('detail.none')}</dd>
            <dt>{t('field.plan')}</dt>
            <dd>
              {detail.plan?.name ?? none}
              {detail.plan && (
                <span class="sub">
                  {t('detail.planSpec', {
                    vcpus: known(detail.plan.vcpus),
                    memory: known(detail.plan.memory),
                    storage: known(detail.plan.storage),
                    bandwidth: known(detail.plan.bandwidth),
                  })}
                </span>
              )}
            </dd>
            <dt>{t('field.os')}</dt>
            <dd>{detail.os?.name ?? none}</dd>
            <dt>{t('field.location')}</dt>
            <dd>{detail.location ?? none}</dd>
            <dt>{t('detail.backups')}</dt>
            <dd>
              {detail.backups_enabled === null
                ? none
                : t(detail.backups_enabled ? 'detail.backupsOn' : 'detail.backupsOff')}
            </dd>
            <dt>{t('detail.created')}</dt>
            <dd>{when(detail.created_at)}</dd>
            <dt>{t('detail.updated')}</dt>
            <dd>{when(detail.updated_at)}</dd>
          </dl>
          {sshCommand && (
            <div class="ssh">
              <code>{sshCommand}</code>
              <button type="button" onClick={() => void copy(sshCommand, t('detail.sshCommand'))}>
                {t('detail.copy', { what: t('detail.sshCommand') })}
              </button>
            </div>
          )}
          <UsageMeters detail={detail} />
        </Fragment>
      )}

      {/* Last and quieter than the everyday actions: deleting is rare and cannot be undone. */}
      {live && (
        <div class="danger-zone">
          {deleting ? (
            <DeleteConfirm
              name={name}
              serverRef={serverRef}
              onCancel={() => {
                setDeleting(false);
                queueMicrotask(() => document.getElementById('delete-start')?.focus());
              }}
            />
          ) : (
            <button id="delete-start" type="button" class="danger-outline" onClick={() => setDeleting(true)}>
              {t('detail.delete')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function AddressValue({
  value,
  label,
  onCopy,
}: {
  value: string | null;
  label: string;
  onCopy: (text: string, what: string) => Promise<void>;
}) {
  const store = useStore();
  if (!value) return <span>{store.t('detail.none')}</span>;
  return (
    <span class="address">
      <code class="wrap">{value}</code>
      <button
        type="button"
        class="icon-button small"
        aria-label={store.t('detail.copy', { what: label })}
        title={store.t('detail.copy', { what: label })}
        onClick={() => void onCopy(value, label)}
      >
        <svg class="icon" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
          <g fill="none" stroke="currentColor" stroke-width="1.5">
            <rect x="5" y="5" width="9" height="9" rx="1.5" />
            <path d="M11 3.5V3a1 1 0 0 0-1-1H3a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h.5" />
          </g>
        </svg>
      </button>
    </span>
  );
}

function UsageMeters({ detail }: { detail: ServerDetail }) {
  const store = useStore();
  const t = store.t;
  const i18n = store.i18n.value;
  const usage = detail.resource_usage;
  return (
    <section aria-labelledby="usage-title">
      <h3 id="usage-title">{t('detail.usage')}</h3>
      {usage === null ? (
        <p class="placeholder">{t('detail.noUsage')}</p>
      ) : (
        <div class="meters">
          {/* A meter needs both ends: one VPS.org did not state is left out. */}
          {usage.cpu_percent !== null && (
            <UsageBar
              label={t('detail.cpu')}
              value={usage.cpu_percent}
              max={100}
              text={t('detail.cpuValue', { value: i18n.number(usage.cpu_percent, 1) })}
            />
          )}
          {(
            [
              ['detail.memory', 'detail.memoryValue', usage.memory_used, detail.plan?.memory ?? null],
              ['detail.disk', 'detail.gbValue', usage.disk_used, detail.plan?.storage ?? null],
              ['detail.bandwidth', 'detail.gbValue', usage.bandwidth_used, detail.plan?.bandwidth ?? null],
            ] as const
          ).map(([label, valueText, used, total]) =>
            used === null || total === null ? null : (
              <UsageBar
                key={label}
                label={t(label)}
                value={used}
                max={total}
                text={t(valueText, { used: i18n.number(used), total: i18n.number(total) })}
              />
            ),
          )}
        </div>
      )}
    </section>
  );
}

function UsageBar({ label, value, max, text }: { label: string; value: number; max: number; text: string }) {
  const ratio = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  const level = ratio >= 0.9 ? 'high' : ratio >= 0.7 ? 'mid' : 'low';
  return (
    <div class="meter-row">
      <span>{label}</span>
      <div
        class={`meter meter-${level}`}
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(value, max)}
        aria-valuetext={text}
      >
        {/* Width via CSSOM (style object), which the page's CSP allows, unlike style attributes. */}
        <div class="meter-fill" style={{ width: `${(ratio * 100).toFixed(1)}%` }} />
      </div>
      <span class="meter-value">{text}</span>
    </div>
  );
}

function RenameTitle({
  name,
  serverRef,
  onRenamed,
}: {
  name: string;
  serverRef: ServerRef;
  onRenamed: (detail: ServerDetail) => void;
}) {
  const store = useStore();
  const t = store.t;
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
      setError(violationText(store.i18n.value, violation));
      return;
    }
    setSaving(true);
    // PATCH with only what changed.
    const result = await store.bridge.servers.update({ ref: serverRef, patch: { name: draft } });
    setSaving(false);
    if (result.ok) {
      onRenamed(result.value);
      stop();
    } else {
      const { fieldMessages, formError } = formFailure(store.i18n.value, result.error, ['name'], { write: true });
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
        <button type="submit" aria-disabled={saving ? 'true' : undefined}>
          {t('form.save')}
        </button>
        <button type="button" onClick={stop}>
          {t('form.cancel')}
        </button>
        {error && (
          <p class="field-error" id="rename-input-error" role="alert">
            {error}
          </p>
        )}
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

function DeleteConfirm({ name, serverRef, onCancel }: { name: string; serverRef: ServerRef; onCancel: () => void }) {
  const store = useStore();
  const t = store.t;
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEscapeLayer(true, onCancel);
  useEffect(() => inputRef.current?.focus(), []);
  const matches = typed === name;

  async function remove(): Promise<void> {
    if (!matches || deleting) return;
    setDeleting(true);
    const result = await store.bridge.servers.delete(serverRef);
    setDeleting(false);
    if (result.ok) {
      // The server is on its way out: a half-done edit of it could never be saved.
      store.local.remove(draftKey.edit(refKey(serverRef)));
      store.navigate({ name: 'list' });
    } else setError(errorText(store.i18n.value, result.error, { write: true }));
  }

  return (
    <form
      class="delete-confirm"
      aria-labelledby="delete-title"
      onSubmit={(event) => {
        event.preventDefault();
        void remove();
      }}
    >
      <h3 id="delete-title">{t('delete.title', { name })}</h3>
      <p>{t('delete.warning')}</p>
      <label for="delete-name">{t('delete.typeName', { name })}</label>
      <input
        ref={inputRef}
        id="delete-name"
        autocomplete="off"
        spellcheck={false}
        value={typed}
        onInput={(event) => setTyped(event.currentTarget.value)}
      />
      <ErrorLine text={error} />
      <div class="buttons">
        <button type="submit" class="danger" disabled={!matches || deleting}>
          {deleting ? t('progress.delete') : t('delete.confirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
