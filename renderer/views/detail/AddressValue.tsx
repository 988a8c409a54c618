import { h } from 'preact';
import { useStore } from '../../hooks/use-store';

/** An IP address with its copy button, or "none". */
export function AddressValue({
  value,
  label,
  onCopy,
}: {
  value: string | null;
  label: string;
  onCopy: (text: string, what: string) => Promise<void>;
}) {
  const { t } = useStore();
  if (!value) return <span>{t('detail.none')}</span>;
  return (
    <span class="address">
      <code class="wrap">{value}</code>
      <button
        type="button"
        class="icon-button small"
        aria-label={t('detail.copy', { what: label })}
        title={t('detail.copy', { what: label })}
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
