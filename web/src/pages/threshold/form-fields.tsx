import { For, Show, type JSX } from 'solid-js';
import type { SummaryError } from '../../components/error-summary.js';

/*
 * GOV.UK form fields for the threshold and kinship pages: label, hint, error message (announced
 * with a hidden "Error:" prefix) and aria-describedby wiring. The first input of a group carries
 * the field id, so the error summary link lands on it, as GOV.UK does.
 */

/** Error for a field, from the errors the page shows. */
export const errorFor = (errors: SummaryError[], field: string) => errors.find((e) => e.field === field)?.message;

/** Server error paths (`arrangementTypes[0]`, `sections.0.x`) to the form field they belong to. */
export const fieldOfPath = (path: string) => path.split(/[.[]/)[0] ?? path;

function describedBy(id: string, hint?: unknown, error?: unknown) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Hint(props: { id: string; hint?: JSX.Element }) {
  return (
    <Show when={props.hint}>
      <div id={`${props.id}-hint`} class="govuk-hint">
        {props.hint}
      </div>
    </Show>
  );
}

function ErrorMessage(props: { id: string; error?: string }) {
  return (
    <Show when={props.error}>
      <p id={`${props.id}-error`} class="govuk-error-message">
        <span class="govuk-visually-hidden">Error:</span> {props.error}
      </p>
    </Show>
  );
}

export function TextField(props: {
  id: string;
  label: string;
  hint?: JSX.Element;
  error?: string;
  value: string;
  onInput: (v: string) => void;
  type?: 'text' | 'date' | 'email';
  width?: 'short' | 'medium';
  autocomplete?: string;
  spellcheck?: boolean;
}) {
  return (
    <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!props.error }}>
      <label class="govuk-label govuk-label--s" for={props.id}>
        {props.label}
      </label>
      <Hint id={props.id} hint={props.hint} />
      <ErrorMessage id={props.id} error={props.error} />
      <input
        class="govuk-input"
        classList={{ 'govuk-input--error': !!props.error, 'app-input--short': props.width === 'short', 'app-input--medium': props.width === 'medium' }}
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        autocomplete={props.autocomplete ?? 'off'}
        spellcheck={props.spellcheck}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}

export function TextArea(props: { id: string; label: string; hint?: JSX.Element; error?: string; value: string; onInput: (v: string) => void; rows?: number; labelClass?: string; mono?: boolean }) {
  return (
    <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!props.error }}>
      <label class={`govuk-label ${props.labelClass ?? 'govuk-label--s'}`} for={props.id}>
        {props.label}
      </label>
      <Hint id={props.id} hint={props.hint} />
      <ErrorMessage id={props.id} error={props.error} />
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
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

export function Select(props: { id: string; label: string; hint?: JSX.Element; error?: string; value: string; onChange: (v: string) => void; options: Option[]; labelClass?: string }) {
  return (
    <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!props.error }}>
      <label class={`govuk-label ${props.labelClass ?? 'govuk-label--s'}`} for={props.id}>
        {props.label}
      </label>
      <Hint id={props.id} hint={props.hint} />
      <ErrorMessage id={props.id} error={props.error} />
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
    </div>
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

/** "1 April 2026" from an ISO date or instant (UTC, so a date never shifts by a day). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "1 April 2026 at 3:45pm" (UK time) for the moment something happened. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const date = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
  const time = d.toLocaleTimeString('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London' }).replace(' ', '').toLowerCase();
  return `${date} at ${time}`;
}
