import { For, Show, type JSX } from 'solid-js';
import type { SummaryError } from './error-summary.js';

/*
 * The kit's GOV.UK form fields: text input, textarea, select, radios and checkboxes, each with its
 * label, hint, error message (announced with a hidden "Error:" prefix) and aria-describedby wiring.
 * The first input of a group carries the field id, so the error summary link lands on it, as GOV.UK
 * does. Dates use the date input in ./date-input.tsx; display formats live in ./format.ts.
 */

/** Error for a field, from the errors the page shows. */
export const errorFor = (errors: SummaryError[], field: string) => errors.find((e) => e.field === field)?.message;

/**
 * Moves focus to a field by id, as an error summary link or a Change link does: the element itself
 * if it takes input, otherwise its first input (a date input's id is on its group; focus goes to Day).
 */
export function focusField(id: string) {
  const el = document.getElementById(id);
  const target = el && !el.matches('input, select, textarea, button, a[href], [tabindex]') ? (el.querySelector<HTMLElement>('input, select, textarea') ?? el) : el;
  target?.scrollIntoView({ block: 'center' });
  target?.focus();
}

/** Server error paths (`arrangementTypes[0]`, `sections.0.x`) to the form field they belong to. */
export const fieldOfPath = (path: string) => path.split(/[.[]/)[0] ?? path;

/** The ids of a field's hint and error, for aria-describedby (undefined when it has neither). */
export function describedBy(id: string, hint?: unknown, error?: unknown) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function Hint(props: { id: string; hint?: JSX.Element }) {
  return (
    <Show when={props.hint}>
      <div id={`${props.id}-hint`} class="govuk-hint">
        {props.hint}
      </div>
    </Show>
  );
}

export function ErrorMessage(props: { id: string; error?: string }) {
  return (
    <Show when={props.error}>
      <p id={`${props.id}-error`} class="govuk-error-message">
        <span class="govuk-visually-hidden">Error:</span> {props.error}
      </p>
    </Show>
  );
}

/** The form group round one labelled control: its label, hint and error, then the control. */
function LabelledField(props: { id: string; label: string; labelClass?: string; hint?: JSX.Element; error?: string; children: JSX.Element }) {
  return (
    <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!props.error }}>
      <label class={`govuk-label ${props.labelClass ?? 'govuk-label--s'}`} for={props.id}>
        {props.label}
      </label>
      <Hint id={props.id} hint={props.hint} />
      <ErrorMessage id={props.id} error={props.error} />
      {props.children}
    </div>
  );
}

export function TextField(props: {
  id: string;
  label: string;
  hint?: JSX.Element;
  error?: string;
  value: string;
  onInput: (v: string) => void;
  type?: 'text' | 'email' | 'tel' | 'url' | 'number' | 'search';
  onBlur?: () => void;
  inputmode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'url';
  width?: 'short' | 'medium';
  labelClass?: string;
  autocomplete?: string;
  spellcheck?: boolean;
}) {
  return (
    <LabelledField {...props}>
      <input
        class="govuk-input"
        classList={{ 'govuk-input--error': !!props.error, 'app-input--short': props.width === 'short', 'app-input--medium': props.width === 'medium' }}
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        inputmode={props.inputmode}
        autocomplete={props.autocomplete ?? 'off'}
        spellcheck={props.spellcheck}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        onBlur={() => props.onBlur?.()}
      />
    </LabelledField>
  );
}

export function TextArea(props: { id: string; label: string; hint?: JSX.Element; error?: string; value: string; onInput: (v: string) => void; rows?: number; labelClass?: string; mono?: boolean }) {
  return (
    <LabelledField {...props}>
      <textarea
        class="govuk-textarea"
        classList={{ 'govuk-textarea--error': !!props.error, 'app-textarea--mono': !!props.mono }}
        id={props.id}
        name={props.id}
        rows={props.rows ?? 5}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </LabelledField>
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

export function Select(props: { id: string; label: string; hint?: JSX.Element; error?: string; value: string; onChange: (v: string) => void; options: Option[]; labelClass?: string }) {
  return (
    <LabelledField {...props}>
      <select
        class="govuk-select"
        classList={{ 'govuk-select--error': !!props.error }}
        id={props.id}
        name={props.id}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <For each={props.options}>
          {(o) => (
            <option value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          )}
        </For>
      </select>
    </LabelledField>
  );
}

/** A fieldset of checkboxes (many answers) or radios (one answer). */
export function Choices(props: {
  type: 'checkbox' | 'radio';
  id: string;
  legend: string;
  hint?: JSX.Element;
  error?: string;
  options: Option[];
  selected: string[];
  onChange: (selected: string[]) => void;
  small?: boolean;
  legendClass?: string;
}) {
  const toggle = (value: string, checked: boolean) => {
    if (props.type === 'radio') props.onChange([value]);
    else props.onChange(checked ? [...props.selected.filter((v) => v !== value), value] : props.selected.filter((v) => v !== value));
  };
  const base = () => (props.type === 'checkbox' ? 'govuk-checkboxes' : 'govuk-radios');
  return (
    <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!props.error }}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(props.id, props.hint, props.error)}>
        <legend class={`govuk-fieldset__legend ${props.legendClass ?? 'govuk-fieldset__legend--s'}`}>{props.legend}</legend>
        <Hint id={props.id} hint={props.hint} />
        <ErrorMessage id={props.id} error={props.error} />
        <div class={base()} classList={{ [`${base()}--small`]: !!props.small }}>
          <For each={props.options}>
            {(o, i) => {
              const inputId = i() === 0 ? props.id : `${props.id}-${i() + 1}`;
              return (
                <div class={`${base()}__item`}>
                  <input
                    class={`${base()}__input`}
                    id={inputId}
                    name={props.id}
                    type={props.type}
                    value={o.value}
                    checked={props.selected.includes(o.value)}
                    aria-describedby={o.hint ? `${inputId}-item-hint` : undefined}
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
