// The popup's few icons as inline SVG (16 px, drawn with currentColor): no emoji or symbol font decides
// how they look, and each power action has a shape of its own. Always aria-hidden: the button names them.
import { h, type ComponentChildren } from 'preact';

export type IconName = 'start' | 'stop' | 'reboot' | 'refresh' | 'filters';

const SHAPES: Record<IconName, ComponentChildren> = {
  // A filled triangle: play.
  start: <path d="M5 3.2v9.6a.6.6 0 0 0 .9.5l7.6-4.8a.6.6 0 0 0 0-1L5.9 2.7a.6.6 0 0 0-.9.5z" fill="currentColor" />,
  // The power symbol: a broken ring and a bar.
  stop: <path d="M8 1.8v6M4.6 4.2a5.2 5.2 0 1 0 6.8 0" />,
  // One arrow going round a server's power: restart.
  reboot: <path d="M13.2 8a5.2 5.2 0 1 1-1.6-3.8M12.2 1.6v3.2H9M8 6.7a1.3 1.3 0 1 0 0 2.6a1.3 1.3 0 1 0 0-2.6z" />,
  // Two arrows chasing each other: fetch again.
  refresh: <path d="M2.5 7A5.5 5.5 0 0 1 12.3 4.4M12.8 1.8v2.9H9.9M13.5 9A5.5 5.5 0 0 1 3.7 11.6M3.2 14.2v-2.9h2.9" />,
  // Three lines getting shorter: a funnel.
  filters: <path d="M2 4h12M4.5 8h7M7 12h2" />,
};

export function Icon({ name, class: className }: { name: IconName; class?: string }) {
  return (
    <svg
      class={`icon icon-${name}${className ? ` ${className}` : ''}`}
      width="16"
      height="16"
      viewBox="0 0 16 16"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="1.7"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {SHAPES[name]}
    </svg>
  );
}
