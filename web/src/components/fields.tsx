import { For, type JSX, Show } from 'solid-js';
import type { Warning } from '../../../shared/pii/detect.js';
import type { Option } from './choices.js';
import type { SummaryError } from './error-summary.js';
import { describedBy, ErrorMessage, Hint } from './field-parts.js';
import { PiiWarning } from './warning-text.js';

export { describedBy, ErrorMessage, Hint } from './field-parts.js';
export { Checkboxes, Choices, namedOptions, optionsOf, Radios, type ChoiceOption, type Option } from './choices.js';

/*
 * The kit's GOV.UK form fields: text input, textarea, select, radios and checkboxes, each with its
 * label, hint, error message (announced with a hidden "Error:" prefix) and aria-describedby wiring
 * (radios and checkboxes are in ./choices.tsx, a checkbox on its own in ./single-checkbox.tsx, their
 * parts in ./field-parts.tsx). Text fields also take a `maxlength`, `warnings` (personal-data
 * warnings shown beside the field, described by it) and `describedBy` (more ids, e.g. a note above
 * the field); a label may hold markup (a visually hidden part). A text input may have a GOV.UK
 * `prefix` or `suffix` (£, %). Dates use ./date-input.tsx; display formats live in ./format.ts.
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

/** An in-page link that moves focus to its target (the router would treat a #hash as a navigation). */
export function JumpLink(props: { to: string; children: JSX.Element }) {
  return (
    <a
      class="govuk-link"
      href={`#${props.to}`}
      onClick={(e) => {
        e.preventDefault();
        focusField(props.to);
      }}
    >
      {props.children}
    </a>
  );
}

/** Server error paths (`arrangementTypes[0]`, `sections.0.x`) to the form field they belong to. */
export const fieldOfPath = (path: string) => path.split(/[.[]/)[0] ?? path;

/** What a text input and a textarea take besides their value. */
interface TextProps {
  id: string;
  label: JSX.Element;
  hint?: JSX.Element;
  error?: string;
  value: string;
  onInput: (v: string) => void;
  labelClass?: string;
  maxlength?: number;
  /** possible personal details in what was typed: shown as a warning under the control */
  warnings?: Warning[];
  /** more ids for aria-describedby, read before the hint */
  describedBy?: string | false;
}

/** aria-describedby of a text field: the ids it is told, its hint, error and warning. */
const textDescribedBy = (p: TextProps) => [p.describedBy, describedBy(p.id, p.hint, p.error, !!p.warnings?.length && `${p.id}-warning`)].filter(Boolean).join(' ') || undefined;

/** The form group round one labelled control: its label, hint and error, then the control (and a warning). */
function LabelledField(props: { id: string; label: JSX.Element; labelClass?: string; hint?: JSX.Element; error?: string; warnings?: Warning[]; children: JSX.Element }) {
  return (
    <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!props.error }}>
      <label class={`govuk-label ${props.labelClass ?? 'govuk-label--s'}`} for={props.id}>
        {props.label}
      </label>
      <Hint id={props.id} hint={props.hint} />
      <ErrorMessage id={props.id} error={props.error} />
      {props.children}
      <PiiWarning warnings={props.warnings ?? []} id={`${props.id}-warning`} />
    </div>
  );
}

export function TextField(
  props: TextProps & {
    type?: 'text' | 'email' | 'tel' | 'url' | 'number' | 'search';
    onBlur?: () => void;
    inputmode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'url';
    width?: 'short' | 'medium';
    /** more classes for the input, e.g. a width of the feature's */
    inputClass?: string;
    autocomplete?: string;
    spellcheck?: boolean;
    /** GOV.UK prefix and suffix round the box ("£", "%"), hidden from screen readers: the label or hint says them */
    prefix?: string | undefined;
    suffix?: string | undefined;
  },
) {
  const input = () => (
    <input
      class={props.inputClass ? `govuk-input ${props.inputClass}` : 'govuk-input'}
      classList={{ 'govuk-input--error': !!props.error, 'app-input--short': props.width === 'short', 'app-input--medium': props.width === 'medium' }}
      id={props.id}
      name={props.id}
      type={props.type ?? 'text'}
      inputmode={props.inputmode}
      autocomplete={props.autocomplete ?? 'off'}
      spellcheck={props.spellcheck}
      maxlength={props.maxlength}
      aria-describedby={textDescribedBy(props)}
      value={props.value}
      onInput={(e) => props.onInput(e.currentTarget.value)}
      onBlur={() => props.onBlur?.()}
    />
  );
  return (
    <LabelledField {...props}>
      <Show when={props.prefix || props.suffix} fallback={input()}>
        <div class="govuk-input__wrapper">
          <Show when={props.prefix}>
            <div class="govuk-input__prefix" aria-hidden="true">
              {props.prefix}
            </div>
          </Show>
          {input()}
          <Show when={props.suffix}>
            <div class="govuk-input__suffix" aria-hidden="true">
              {props.suffix}
            </div>
          </Show>
        </div>
      </Show>
    </LabelledField>
  );
}

export function TextArea(props: TextProps & { rows?: number; mono?: boolean }) {
  return (
    <LabelledField {...props}>
      <textarea
        class="govuk-textarea"
        classList={{ 'govuk-textarea--error': !!props.error, 'app-textarea--mono': !!props.mono }}
        id={props.id}
        name={props.id}
        rows={props.rows ?? 5}
        maxlength={props.maxlength}
        aria-describedby={textDescribedBy(props)}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </LabelledField>
  );
}

export function Select(props: {
  id: string;
  label: string;
  hint?: JSX.Element;
  error?: string;
  value: string;
  onChange: (v: string) => void;
  options: Option[];
  labelClass?: string;
}) {
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
