import { Index, Show } from 'solid-js';
import { formatDayLong } from '../../../../shared/periods/period.js';
import { MILESTONE_STATUS_LABELS, MILESTONE_STATUSES } from '../../../../shared/returns/schema.js';
import type { Milestone } from '../../../../shared/workstreams/milestone.js';
import { Select, TextArea, optionsOf } from '../../components/fields.js';
import type { FormFields } from '../../components/field-paths.js';
import { fieldId } from '../../../../shared/returns/paths.js';
import type { SectionFormValues } from '../../../../shared/returns/section-form.js';

/* The section form's milestone updates: a status and a note for each open milestone of the workstream. */

const STATUS_OPTIONS = optionsOf(MILESTONE_STATUSES, MILESTONE_STATUS_LABELS);

export function MilestoneFields(props: {
  f: FormFields;
  milestones: Milestone[];
  updates: SectionFormValues['milestones'];
  onChange(index: number, field: 'status' | 'note', value: string): void;
}) {
  return (
    <>
      <h2 class="govuk-heading-m" id="milestones" tabindex="-1">
        Milestones
      </h2>
      <Show when={props.milestones.length > 0} fallback={<p class="govuk-body">This workstream has no open milestones to update.</p>}>
        <p class="govuk-body">Give the status of each milestone and a short note on what has changed.</p>
        <Index each={props.updates}>
          {(m, j) => {
            const milestone = () => props.milestones[j];
            const base = `milestones-${j}`;
            return (
              <fieldset class="govuk-fieldset app-repeat" aria-describedby={`${base}-hint`}>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{milestone()?.title ?? m().milestoneId}</legend>
                <div class="govuk-hint" id={`${base}-hint`}>
                  {milestone() ? `Due ${formatDayLong(milestone()!.dueDate)}` : ''}
                </div>
                <Select
                  id={fieldId(`milestones[${j}].status`)}
                  label="Status"
                  labelClass=""
                  error={props.f.err(`milestones[${j}].status`)}
                  value={m().status}
                  options={STATUS_OPTIONS}
                  onChange={(v) => props.onChange(j, 'status', v)}
                />
                <TextArea {...props.f.text(`milestones[${j}].note`)} label="Note (optional)" rows={2} value={m().note} onInput={(v) => props.onChange(j, 'note', v)} />
              </fieldset>
            );
          }}
        </Index>
      </Show>
    </>
  );
}
