import { Show } from 'solid-js';
import { CONFIDENCE_LABELS, CONFIDENCE_LEVELS, CONFIDENCE_MEANINGS, NARRATIVE_MAX } from '../../../../shared/returns/schema.js';
import { CharacterCount } from '../../components/character-count.js';
import { Radios } from '../../components/fields.js';
import type { FormFields } from '../../components/field-paths.js';

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

/** The narrative, with the GOV.UK character count; `carried` marks text carried forward from last quarter, unchanged. */
export function NarrativeField(props: { f: FormFields; value: string; onInput(v: string): void; carried: boolean }) {
  return (
    <CharacterCount
      {...props.f.text('narrative')}
      label="Progress this quarter"
      labelClass="govuk-label--m"
      heading
      hint="What has happened since the last return, what is next, and anything the partnership should know. Programme information only: never a child's or family member's name, date of birth, NHS number or address."
      value={props.value}
      onInput={(v) => props.onInput(v)}
      max={NARRATIVE_MAX}
      rows={10}
      describedBy={props.carried && 'narrative-carried'}
    >
      <Show when={props.carried}>
        <p class="app-carried" id="narrative-carried">
          <strong class="govuk-tag govuk-tag--yellow">Carried forward from last quarter: check and update</strong>
        </p>
      </Show>
    </CharacterCount>
  );
}
