// A choice among known values with "Other…" for typing one's own: a select, and under it a text input
// while "Other…" is chosen. A kept choice that is no longer offered moves to "Other…" with its value.
import { Fragment, h } from 'preact';
import { useStore } from '../hooks/use-store';
import { Field, fieldA11y } from './fields';

/** The select's value for "Other…". */
export const OTHER = 'other';

export interface Choice {
  value: string;
  label: string;
}

/** A kept choice that is no longer offered (its server is gone) moves to "Other…" with its value. */
export function fitChoice(selected: string, other: string, choices: Choice[]): [string, string] {
  return selected === OTHER || choices.some((item) => item.value === selected) ? [selected, other] : [OTHER, selected];
}

export function ChoiceField({
  id,
  label,
  otherLabel,
  choices,
  selected,
  other,
  error,
  onSelect,
  onOther,
  onTouch,
  numeric,
}: {
  id: string;
  label: string;
  otherLabel: string;
  choices: Choice[];
  selected: string;
  other: string;
  error: string | undefined;
  onSelect: (value: string) => void;
  onOther: (value: string) => void;
  /** The field was left: its still-empty required value may now say so. */
  onTouch: () => void;
  /** Ids: each choice shows its id, and the typed one is numeric. */
  numeric: boolean;
}) {
  const { t } = useStore();
  return (
    <Field id={id} label={label} error={error}>
      <select
        {...fieldA11y(id, selected === OTHER ? undefined : error)}
        value={selected}
        onChange={(event) => onSelect(event.currentTarget.value)}
        onBlur={() => selected !== OTHER && onTouch()}
      >
        {choices.map((item) => (
          <option key={item.value} value={item.value}>
            {numeric ? `${item.label} (#${item.value})` : item.label}
          </option>
        ))}
        <option value={OTHER}>{t('form.other')}</option>
      </select>
      {selected === OTHER && (
        <Fragment>
          <label for={`${id}-other`} class="sub-label">
            {otherLabel}
          </label>
          <input
            {...fieldA11y(`${id}-other`, error)}
            aria-describedby={error ? `${id}-error` : undefined}
            inputMode={numeric ? 'numeric' : 'text'}
            autocomplete="off"
            value={other}
            onInput={(event) => onOther(event.currentTarget.value)}
            onBlur={() => onTouch()}
          />
        </Fragment>
      )}
    </Field>
  );
}
