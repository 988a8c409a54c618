// One section of Settings: a heading the table of contents leads to (focused there, so the keyboard
// follows), and its content.
import { h, type ComponentChildren } from 'preact';

/** The section ids, in the page's order; the table of contents lists them. */
export const SECTION_IDS = ['general', 'accounts', 'alerts', 'history', 'updates', 'support'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

const sectionTitleId = (id: SectionId) => `settings-${id}-title`;

/** The section Settings opens at next (a link from another view, e.g. the detail's "Settings → History"). */
let openAt: SectionId | null = null;

/** Settings, once opened next, start at section `id`: its heading focused and scrolled into view. */
export function openSettingsSection(id: SectionId): void {
  openAt = id;
}

/** Puts the keyboard on section `id`: its heading focused and scrolled into view. */
export function focusSection(id: SectionId): void {
  const heading = document.getElementById(sectionTitleId(id));
  heading?.focus();
  heading?.scrollIntoView({ block: 'start' });
}

/** Focuses the section asked for by `openSettingsSection`, once (Settings calls it when shown). */
export function focusRequestedSection(): void {
  const id = openAt;
  openAt = null;
  if (id !== null) focusSection(id);
}

export function SettingsSection({
  id,
  title,
  children,
}: {
  id: SectionId;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <section class="settings-section" id={`settings-${id}`} aria-labelledby={sectionTitleId(id)}>
      <h3 id={sectionTitleId(id)} tabIndex={-1}>
        {title}
      </h3>
      {children}
    </section>
  );
}
