import { createSignal, onCleanup, type JSX } from 'solid-js';
import type { Warning } from '../../../shared/pii/detect.js';
import { ErrorMessage } from './field-parts.js';
import { PiiWarning } from './warning-text.js';

/*
 * The kit's GOV.UK character count: a textarea for a long answer with a limit (`max`). The visible
 * count ("You have 120 characters remaining", "… too many") updates as you type; screen readers
 * hear it after a pause, and the limit is said once with the field. Going over is allowed, shown as
 * an error, so nothing typed is lost. `heading` makes the label the section's h2; `children` go
 * between the hint and the box (a note such as "Carried forward"), with their ids in `describedBy`.
 */

const characters = (n: number) => `${n.toLocaleString('en-GB')} character${n === 1 ? '' : 's'}`;

export function CharacterCount(props: {
  id: string;
  label: string;
  labelClass?: string;
  /** the label inside an h2 (a question that heads its part of the page) */
  heading?: boolean;
  hint?: JSX.Element;
  error?: string;
  value: string;
  onInput: (v: string) => void;
  max: number;
  rows?: number;
  warnings?: Warning[];
  /** ids of what `children` show, for aria-describedby */
  describedBy?: string | false;
  children?: JSX.Element;
}) {
  const remaining = () => props.max - props.value.length;
  const countText = () => (remaining() >= 0 ? `You have ${characters(remaining())} remaining` : `You have ${characters(-remaining())} too many`);
  const [spoken, setSpoken] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onInput = (v: string) => {
    props.onInput(v);
    clearTimeout(timer);
    timer = setTimeout(() => setSpoken(countText()), 1000);
  };
  onCleanup(() => clearTimeout(timer));
  const bad = () => !!props.error || remaining() < 0;
  const describedBy = () =>
    [props.hint && `${props.id}-hint`, props.describedBy, `${props.id}-info`, props.error && `${props.id}-error`, props.warnings?.length && `${props.id}-warning`]
      .filter(Boolean)
      .join(' ');
  const label = () => (
    <label class={`govuk-label ${props.labelClass ?? 'govuk-label--s'}`} for={props.id}>
      {props.label}
    </label>
  );
  return (
    <div class="govuk-form-group govuk-character-count" classList={{ 'govuk-form-group--error': bad() }}>
      {props.heading ? <h2 class="govuk-label-wrapper">{label()}</h2> : label()}
      {props.hint ? (
        <div class="govuk-hint" id={`${props.id}-hint`}>
          {props.hint}
        </div>
      ) : null}
      {props.children}
      <ErrorMessage id={props.id} error={props.error} />
      <textarea
        class="govuk-textarea"
        classList={{ 'govuk-textarea--error': bad() }}
        id={props.id}
        name={props.id}
        rows={props.rows ?? 5}
        value={props.value}
        onInput={(e) => onInput(e.currentTarget.value)}
        aria-describedby={describedBy()}
      />
      <div class="govuk-visually-hidden" id={`${props.id}-info`}>
        You can enter up to {props.max.toLocaleString('en-GB')} characters
      </div>
      <div class="govuk-hint govuk-character-count__message" classList={{ 'govuk-error-message': remaining() < 0 }} aria-hidden="true">
        {countText()}
      </div>
      <div class="govuk-visually-hidden" aria-live="polite">
        {spoken()}
      </div>
      <PiiWarning warnings={props.warnings ?? []} id={`${props.id}-warning`} />
    </div>
  );
}
