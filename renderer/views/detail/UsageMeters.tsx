// The server's resource usage against its plan: one meter per resource. The heading stands from the
// start; until the detail is here, `children` say why there are no meters yet (loading, or a failure).
import { h, type ComponentChildren } from 'preact';
import type { ServerDetail } from '../../../common/servers';
import { useStore } from '../../hooks/use-store';

export function UsageMeters({ detail, children }: { detail: ServerDetail | null; children?: ComponentChildren }) {
  const store = useStore();
  const t = store.t;
  const i18n = store.i18n.value;
  const usage = detail?.resource_usage ?? null;
  const plan = detail?.plan ?? null;
  return (
    <section class="usage" aria-labelledby="usage-title">
      <h3 id="usage-title">{t('detail.usage')}</h3>
      {!detail ? (
        children
      ) : usage === null ? (
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
              ['detail.memory', 'detail.memoryValue', usage.memory_used, plan?.memory ?? null],
              ['detail.disk', 'detail.gbValue', usage.disk_used, plan?.storage ?? null],
              ['detail.bandwidth', 'detail.gbValue', usage.bandwidth_used, plan?.bandwidth ?? null],
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
