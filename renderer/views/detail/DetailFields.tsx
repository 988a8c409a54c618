// A server's fields in two parts: first what a glance needs (addresses, hostname, plan, location and the
// ssh command), then the rest (system, backups, dates). Both show what the list already knows while the
// detail loads; only what the detail alone tells (IPv6, backups) waits for it. What VPS.org did not say
// is shown as unknown.
import { Fragment, h } from 'preact';
import type { Server, ServerDetail } from '../../../common/servers';
import { useStore } from '../../hooks/use-store';
import { AddressValue } from './AddressValue';

type Copy = (text: string, what: string) => Promise<void>;

function SshLine({ command, onCopy }: { command: string; onCopy: Copy }) {
  const { t } = useStore();
  return (
    <div class="ssh">
      <code>{command}</code>
      <button type="button" onClick={() => void onCopy(command, t('detail.sshCommand'))}>
        {t('detail.copy', { what: t('detail.sshCommand') })}
      </button>
    </div>
  );
}

/** A field only the detail endpoint tells: said to be on its way until the detail is here. */
function Pending() {
  const { t } = useStore();
  return <span class="pending-value">{t('app.loading')}</span>;
}

export function GlanceFields({
  server,
  detail,
  sshCommand,
  onCopy,
}: {
  /** The detail once loaded, else the list's entry. */
  server: Server;
  detail: ServerDetail | null;
  /** null: no address to ssh to. */
  sshCommand: string | null;
  onCopy: Copy;
}) {
  const store = useStore();
  const { t } = store;
  const i18n = store.i18n.value;
  const none = t('detail.none');
  const known = (value: number | null) => (value === null ? none : i18n.number(value));
  return (
    <Fragment>
      <dl class="fields" data-testid="glance-fields">
        <dt>{t('detail.ipv4')}</dt>
        <dd>
          <AddressValue value={server.ip_address} label={t('detail.ipv4')} onCopy={onCopy} />
        </dd>
        <dt>{t('detail.ipv6')}</dt>
        <dd>
          {detail ? <AddressValue value={detail.ipv6_address} label={t('detail.ipv6')} onCopy={onCopy} /> : <Pending />}
        </dd>
        <dt>{t('field.hostname')}</dt>
        <dd class="wrap">{server.hostname ?? none}</dd>
        <dt>{t('field.plan')}</dt>
        <dd>
          {server.plan?.name ?? none}
          {server.plan && (
            <span class="sub">
              {t('detail.planSpec', {
                vcpus: known(server.plan.vcpus),
                memory: known(server.plan.memory),
                storage: known(server.plan.storage),
                bandwidth: known(server.plan.bandwidth),
              })}
            </span>
          )}
        </dd>
        <dt>{t('field.location')}</dt>
        <dd>{server.location ?? none}</dd>
      </dl>
      {sshCommand && <SshLine command={sshCommand} onCopy={onCopy} />}
    </Fragment>
  );
}

export function MoreFields({ server, detail }: { server: Server; detail: ServerDetail | null }) {
  const store = useStore();
  const { t } = store;
  const i18n = store.i18n.value;
  const none = t('detail.none');
  const when = (value: string | null) => (value === null ? none : i18n.date(value));
  return (
    <dl class="fields more-fields">
      <dt>{t('field.os')}</dt>
      <dd>{server.os?.name ?? none}</dd>
      <dt>{t('detail.backups')}</dt>
      <dd>
        {!detail ? (
          <Pending />
        ) : detail.backups_enabled === null ? (
          none
        ) : (
          t(detail.backups_enabled ? 'detail.backupsOn' : 'detail.backupsOff')
        )}
      </dd>
      <dt>{t('detail.created')}</dt>
      <dd>{when(server.created_at)}</dd>
      <dt>{t('detail.updated')}</dt>
      <dd>{when(server.updated_at)}</dd>
    </dl>
  );
}
