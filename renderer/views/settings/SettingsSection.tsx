// One section of Settings: a heading the table of contents leads to (focused there, so the keyboard
// follows), and its content.
import { h, type ComponentChildren } from 'preact';

/** The section ids, in the page's order; the table of contents lists them. */
export const SECTION_IDS = ['general', 'accounts', 'alerts', 'updates', 'support'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const sectionTitleId = (id: SectionId) => `settings-${id}-title`;

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
