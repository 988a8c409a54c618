// One server in full: every field of the detail endpoint, copy buttons, usage against the plan,
// power buttons, inline rename, Edit, and Delete behind a typed-name check.
import { Fragment, h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ServerRef } from '../../../common/servers';
import { ConfirmAction } from '../../components/ConfirmAction';
import { NoticeLine, Placeholder } from '../../components/lines';
import { PowerButtons } from '../../components/PowerButtons';
import { StatusBadge } from '../../components/StatusBadge';
import { BackButton } from '../../components/ViewHead';
import { useServerDetail } from '../../hooks/use-server-detail';
import { useStore } from '../../hooks/use-store';
import { errorText } from '../../i18n/sentences';
import { AddressValue } from './AddressValue';
import { AlertPanel } from './AlertPanel';
import { DeleteConfirm } from './DeleteConfirm';
import { RenameTitle } from './RenameTitle';
import { UsageMeters } from './UsageMeters';

export function DetailView({ serverKey, serverRef }: { serverKey: string; serverRef: ServerRef }) {
  const store = useStore();
  const { t, fleet, power, notices, navigation, clipboard } = store;
  const i18n = store.i18n.value;
  // What VPS.org did not say is shown as unknown.
  const none = t('detail.none');
  const known = (value: number | null) => (value === null ? none : i18n.number(value));
  const when = (value: string | null) => (value === null ? none : i18n.date(value));
  const live = fleet.find(serverKey);
  // Fetched again when the fleet reports a new status or update time, so the detail follows actions.
  const { load, reload, replace } = useServerDetail(serverRef, [live?.server.status, live?.server.updated_at]);
  const [copyNote, setCopyNote] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const [deleting, setDeleting] = useState(false);
  const sectionRef = useRef<HTMLElement>(null);

  useEffect(() => sectionRef.current?.querySelector<HTMLElement>('h2')?.focus(), []);

  const detail = load.state === 'ready' ? load.detail : null;
  const name = live?.server.name ?? detail?.name ?? '';
  const confirming = power.confirming.value;
  const confirmAction = confirming?.key === serverKey ? confirming.action : null;
  const notice = notices.byKey.value.get(serverKey);
  const fleetLoaded = fleet.status.value?.loaded ?? false;

  async function copy(text: string, what: string): Promise<void> {
    const result = await clipboard.copy(text);
    setCopyNote(
      result.ok
        ? { tone: 'info', text: t('detail.copied', { what }) }
        : { tone: 'error', text: t('detail.copyFailed', { message: errorText(store.i18n.value, result.error) }) },
    );
  }

  const back = <BackButton onClick={() => navigation.navigate({ name: 'list' })} />;

  if (!live && fleetLoaded) {
    return (
      <section class="detail-view" ref={sectionRef}>
        {back}
        <Placeholder text={t('detail.gone')} />
      </section>
    );
  }

  const ipv4 = detail?.ip_address ?? live?.server.ip_address ?? null;
  const ipv6 = detail?.ipv6_address ?? null;
  const sshHost = ipv4 ?? ipv6;
  const sshCommand = sshHost ? `ssh root@${sshHost}` : null;
  const notFound = load.state === 'failed' && load.error.kind === 'not-found';

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
        <RenameTitle name={name} serverRef={serverRef} onRenamed={replace} />
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
          <button type="button" onClick={() => navigation.navigate({ name: 'edit', key: serverKey, ref: serverRef })}>
            {t('detail.edit')}
          </button>
        </div>
      )}
      {notice && <NoticeLine notice={notice} onDismiss={() => notices.dismiss(serverKey)} />}
      {live && <AlertPanel serverKey={serverKey} serverRef={serverRef} />}

      {load.state === 'loading' && <Placeholder text={t('app.loading')} />}
      {load.state === 'failed' && (
        <div class="form-error" role="alert">
          <p>{notFound ? t('detail.gone') : t('detail.failed', { message: errorText(i18n, load.error) })}</p>
          {!notFound && (
            <button type="button" onClick={reload}>
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
            <dd class="wrap">{detail.hostname ?? none}</dd>
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
