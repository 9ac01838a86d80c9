import { For, Show, type JSX } from 'solid-js';
import { describedBy, ErrorMessage, Hint } from './field-parts.js';

/*
 * The kit's GOV.UK radios and checkboxes: a fieldset with its legend, hint and error. The first
 * input carries the field id, so the error summary link lands on it, as GOV.UK does.
 * Options:
 * - `legendHeading`: the legend is the page's heading (an h1 inside it), for a one-question page;
 * - an option's `label` may hold markup (a tag, a visually hidden part), its `hint` a line under it;
 * - an option's `conditional`: GOV.UK conditional reveal, the fields shown under the option while
 *   it is chosen (kept in the page, `hidden`, while not chosen, so aria-controls points at them).
 */

/** A choice of a select: its value and words. */
export interface Option {
  value: string;
  label: string;
  hint?: string;
}

/** The options for a list of values, in its order, each with its words from `labels`. */
export const optionsOf = <V extends string>(values: readonly V[], labels: Record<V, string>): Option[] => values.map((value) => ({ value, label: labels[value] }));

/** The options for records with an id and a name (the partnership's agencies), in their order. */
export const namedOptions = (records: readonly { id: string; name: string }[]): Option[] => records.map((r) => ({ value: r.id, label: r.name }));

/** A choice of radios or checkboxes: a label with markup, and what to reveal when it is chosen. */
export interface ChoiceOption {
  value: string;
  label: JSX.Element;
  hint?: string;
  conditional?: JSX.Element;
}

/** A fieldset of checkboxes (many answers) or radios (one answer). */
export function Choices(props: {
  type: 'checkbox' | 'radio';
  id: string;
  legend: JSX.Element;
  hint?: JSX.Element;
  error?: string;
  options: ChoiceOption[];
  selected: string[];
  onChange: (selected: string[]) => void;
  small?: boolean;
  legendClass?: string;
  /** the legend is the page's h1 (then `legendClass` defaults to the large size) */
  legendHeading?: boolean;
}) {
  const toggle = (value: string, checked: boolean) => {
    if (props.type === 'radio') props.onChange([value]);
    else props.onChange(checked ? [...props.selected.filter((v) => v !== value), value] : props.selected.filter((v) => v !== value));
  };
  const base = () => (props.type === 'checkbox' ? 'govuk-checkboxes' : 'govuk-radios');
  const legendClass = () => props.legendClass ?? (props.legendHeading ? 'govuk-fieldset__legend--l' : 'govuk-fieldset__legend--s');
  return (
    <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!props.error }}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(props.id, props.hint, props.error)}>
        <legend class={`govuk-fieldset__legend ${legendClass()}`}>
          <Show when={props.legendHeading} fallback={props.legend}>
            <h1 class="govuk-fieldset__heading">{props.legend}</h1>
          </Show>
        </legend>
        <Hint id={props.id} hint={props.hint} />
        <ErrorMessage id={props.id} error={props.error} />
        <div class={base()} classList={{ [`${base()}--small`]: !!props.small }}>
          <For each={props.options}>
            {(o, i) => {
              const inputId = i() === 0 ? props.id : `${props.id}-${i() + 1}`;
              const checked = () => props.selected.includes(o.value);
              return (
                <>
                  <div class={`${base()}__item`}>
                    <input
                      class={`${base()}__input`}
                      id={inputId}
                      name={props.id}
                      type={props.type}
                      value={o.value}
                      checked={checked()}
                      aria-describedby={o.hint ? `${inputId}-item-hint` : undefined}
                      aria-controls={o.conditional ? `conditional-${inputId}` : undefined}
                      onChange={(e) => toggle(o.value, e.currentTarget.checked)}
                    />
                    <label class={`govuk-label ${base()}__label`} for={inputId}>
                      {o.label}
                    </label>
                    <Show when={o.hint}>
                      <div id={`${inputId}-item-hint`} class={`govuk-hint ${base()}__hint`}>
                        {o.hint}
                      </div>
                    </Show>
                  </div>
                  <Show when={o.conditional}>
                    <div class={`${base()}__conditional`} classList={{ [`${base()}__conditional--hidden`]: !checked() }} hidden={!checked()} id={`conditional-${inputId}`}>
                      {o.conditional}
                    </div>
                  </Show>
                </>
              );
            }}
          </For>
        </div>
      </fieldset>
    </div>
  );
}

type ChoicesProps = Parameters<typeof Choices>[0];

/** GOV.UK radios: one answer, `value` in and out ('' when none is chosen). */
export function Radios(props: Omit<ChoicesProps, 'type' | 'selected' | 'onChange'> & { value: string; onChange: (v: string) => void }) {
  return <Choices {...props} type="radio" selected={props.value ? [props.value] : []} onChange={(s) => props.onChange(s[0] ?? '')} />;
}

/** GOV.UK checkboxes: many answers. */
export function Checkboxes(props: Omit<ChoicesProps, 'type'>) {
  return <Choices {...props} type="checkbox" />;
}
