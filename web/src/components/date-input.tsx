import { createEffect, createSignal, For, on, onCleanup, onMount, Show } from 'solid-js';
import { partsOf, dateValueOf, type DateParts } from './dates.js';
import { describedBy, ErrorMessage } from './fields.js';

export { dateError, EMPTY_DATE, partsOf, readDate, dateValueOf, type DateParts } from './dates.js';

/*
 * The GOV.UK date input (day, month and year boxes in a fieldset with its legend, hint and error),
 * used for every date the portal asks for. Its value in and out is a string: `YYYY-MM-DD` for a
 * real date, '' when all three boxes are empty, and otherwise what was typed as `year-month-day`
 * (e.g. "2026-2-31"), which `dateError` turns into GOV.UK's message before anything is sent.
 * With `name`, a hidden input carries the value, for forms read with FormData; resetting the form
 * puts back the value the field started with.
 * The error summary links to `${id}-day`, the first box, as GOV.UK does.
 */

const BOXES = [
  { key: 'day', label: 'Day', width: 2 },
  { key: 'month', label: 'Month', width: 2 },
  { key: 'year', label: 'Year', width: 4 },
] as const;

export function DateInput(props: {
  id: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onChange?: (value: string) => void;
  /** name of a hidden input holding the value, for forms read with FormData */
  name?: string;
  legendClass?: string;
}) {
  const [parts, setParts] = createSignal(partsOf(props.value));
  let last = props.value;
  // A new value from outside (a reset, a reload): the boxes show it. Our own value is left as typed.
  createEffect(
    on(
      () => props.value,
      (v) => {
        if (v !== last) {
          last = v;
          setParts(partsOf(v));
        }
      },
      { defer: true },
    ),
  );
  const show = (next: DateParts) => {
    setParts(next);
    last = dateValueOf(next);
    props.onChange?.(last);
  };
  const type = (key: keyof DateParts, text: string) => show({ ...parts(), [key]: text });
  let group!: HTMLDivElement;
  const initial = props.value;
  onMount(() => {
    const form = group.closest('form');
    const reset = () => show(partsOf(initial));
    form?.addEventListener('reset', reset);
    onCleanup(() => form?.removeEventListener('reset', reset));
  });
  return (
    <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!props.error }} ref={group}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(props.id, props.hint, props.error)}>
        <legend class={`govuk-fieldset__legend ${props.legendClass ?? 'govuk-fieldset__legend--s'}`}>{props.legend}</legend>
        <Show when={props.hint}>
          <div class="govuk-hint" id={`${props.id}-hint`}>
            {props.hint}
          </div>
        </Show>
        <ErrorMessage id={props.id} error={props.error} />
        <div class="govuk-date-input" id={props.id}>
          <For each={BOXES}>
            {(box) => (
              <div class="govuk-date-input__item">
                <div class="govuk-form-group">
                  <label class="govuk-label govuk-date-input__label" for={`${props.id}-${box.key}`}>
                    {box.label}
                  </label>
                  <input
                    class={`govuk-input govuk-date-input__input govuk-input--width-${box.width}`}
                    classList={{ 'govuk-input--error': !!props.error }}
                    id={`${props.id}-${box.key}`}
                    name={`${props.id}-${box.key}`}
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    value={parts()[box.key]}
                    onInput={(e) => type(box.key, e.currentTarget.value)}
                  />
                </div>
              </div>
            )}
          </For>
        </div>
        <Show when={props.name}>
          <input type="hidden" name={props.name} value={dateValueOf(parts())} />
        </Show>
      </fieldset>
    </div>
  );
}
