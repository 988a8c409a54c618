// Every field of the detail endpoint (what VPS.org did not say shown as unknown), the addresses and the
// ssh command with copy buttons, and usage against the plan.
import { Fragment, h } from 'preact';
import type { ServerDetail } from '../../../common/servers';
import { useStore } from '../../hooks/use-store';
import { AddressValue } from './AddressValue';
import { UsageMeters } from './UsageMeters';

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

export function DetailFields({
  detail,
  sshCommand,
  onCopy,
}: {
  detail: ServerDetail;
  /** null: no address to ssh to. */
  sshCommand: string | null;
  onCopy: Copy;
}) {
  const store = useStore();
  const { t } = store;
  const i18n = store.i18n.value;
  const none = t('detail.none');
  const known = (value: number | null) => (value === null ? none : i18n.number(value));
  const when = (value: string | null) => (value === null ? none : i18n.date(value));
  return (
    <Fragment>
      <dl class="fields">
        <dt>{t('detail.ipv4')}</dt>
        <dd>
          <AddressValue value={detail.ip_address} label={t('detail.ipv4')} onCopy={onCopy} />
        </dd>
        <dt>{t('detail.ipv6')}</dt>
        <dd>
          <AddressValue value={detail.ipv6_address} label={t('detail.ipv6')} onCopy={onCopy} />
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
      {sshCommand && <SshLine command={sshCommand} onCopy={onCopy} />}
      <UsageMeters detail={detail} />
    </Fragment>
  );
}
