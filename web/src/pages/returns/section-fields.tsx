import { createSignal, onCleanup, Show } from 'solid-js';
import { CONFIDENCE_LABELS, CONFIDENCE_LEVELS, CONFIDENCE_MEANINGS, NARRATIVE_MAX } from '../../../../shared/returns/schema.js';
import { ErrorMessage, Radios } from '../../components/fields.js';
import type { FormFields } from './field.js';
import { PiiWarning } from './tags.js';

/* The section form's first two questions: delivery confidence and the progress narrative. */

export function ConfidenceField(props: { f: FormFields; value: string; onChange(v: string): void }) {
  return (
    <Radios
      id="confidence"
      legend="Delivery confidence"
      legendClass="govuk-fieldset__legend--m"
      hint="How confident are you that this workstream will deliver what it should, on time? Each rating's meaning is shown below it. If you choose Amber/Red or Red, add at least one risk or escalation saying what is being done."
      error={props.f.err('confidence')}
      options={CONFIDENCE_LEVELS.map((level) => ({ value: level, label: CONFIDENCE_LABELS[level], hint: CONFIDENCE_MEANINGS[level] }))}
      value={props.value}
      onChange={(v) => props.onChange(v)}
    />
  );
}

const characters = (n: number) => `${n.toLocaleString('en-GB')} character${n === 1 ? '' : 's'}`;

/**
 * The narrative, with the GOV.UK character count: the visible count updates as you type; screen
 * readers hear it after a pause. `carried` marks text carried forward from last quarter, unchanged.
 */
export function NarrativeField(props: { f: FormFields; value: string; onInput(v: string): void; carried: boolean }) {
  const remaining = () => NARRATIVE_MAX - props.value.length;
  const countText = () => (remaining() >= 0 ? `You have ${characters(remaining())} remaining` : `You have ${characters(-remaining())} too many`);
  const [spoken, setSpoken] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onInput = (v: string) => {
    props.onInput(v);
    clearTimeout(timer);
    timer = setTimeout(() => setSpoken(countText()), 1000);
  };
  onCleanup(() => clearTimeout(timer));
  const bad = () => !!props.f.err('narrative') || remaining() < 0;

  return (
    <div class="govuk-form-group govuk-character-count" classList={{ 'govuk-form-group--error': bad() }}>
      <h2 class="govuk-label-wrapper">
        <label class="govuk-label govuk-label--m" for="narrative">
          Progress this quarter
        </label>
      </h2>
      <div class="govuk-hint" id="narrative-hint">
        What has happened since the last return, what is next, and anything the partnership should know. Programme information only: never a child's or family member's name, date
        of birth, NHS number or address.
      </div>
      <Show when={props.carried}>
        <p class="app-carried" id="narrative-carried">
          <strong class="govuk-tag govuk-tag--yellow">Carried forward from last quarter: check and update</strong>
        </p>
      </Show>
      <ErrorMessage id="narrative" error={props.f.err('narrative')} />
      <textarea
        class="govuk-textarea"
        classList={{ 'govuk-textarea--error': bad() }}
        id="narrative"
        name="narrative"
        rows="10"
        value={props.value}
        onInput={(e) => onInput(e.currentTarget.value)}
        aria-describedby={props.f.describedBy('narrative', 'narrative-hint', props.carried && 'narrative-carried', 'narrative-info')}
      />
      <div class="govuk-visually-hidden" id="narrative-info">
        You can enter up to {NARRATIVE_MAX.toLocaleString('en-GB')} characters
      </div>
      <div class="govuk-hint govuk-character-count__message" classList={{ 'govuk-error-message': remaining() < 0 }} aria-hidden="true">
        {countText()}
      </div>
      <div class="govuk-visually-hidden" aria-live="polite">
        {spoken()}
      </div>
      <PiiWarning warnings={props.f.warn('narrative')} id="narrative-warning" />
    </div>
  );
}
