import { h } from 'preact';
import { useStore } from '../hooks/use-store';

/** A header button that opens a view, marked as the current page while that view is shown. */
export function NavButton({ to, label, icon }: { to: 'create' | 'settings'; label: string; icon: string }) {
  const { navigation } = useStore();
  return (
    <button
      type="button"
      class="icon-button"
      aria-label={label}
      title={label}
      aria-current={navigation.view.value.name === to ? 'page' : undefined}
      onClick={() => navigation.navigate({ name: to })}
    >
      <span aria-hidden="true">{icon}</span>
    </button>
  );
}
