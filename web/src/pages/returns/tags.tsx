import { For, Show } from 'solid-js';
import type { Warning } from '../../../../shared/pii/detect.js';
import { RETURN_STATUS_LABELS, SECTION_PROGRESS_LABELS, type ReturnStatus, type SectionProgress } from '../../../../shared/returns/schema.js';
import { StatusTag, Tag, type TagColour } from '../../components/tag.js';

/*
 * The returns pages' tags and warnings, on the kit's tags: a return's status, a section's progress
 * in the task list (GOV.UK shows "Completed" as plain text), "Overdue", and the warning beside an
 * answer that may hold personal details.
 */

const STATUS_COLOURS: Record<ReturnStatus, TagColour> = {
  'not-started': 'grey',
  draft: 'yellow',
  submitted: 'blue',
  returned: 'red',
  accepted: 'green',
};

export function ReturnStatusTag(props: { status: ReturnStatus }) {
  return <StatusTag status={props.status} labels={RETURN_STATUS_LABELS} colours={STATUS_COLOURS} />;
}

const PROGRESS_COLOURS: Partial<Record<SectionProgress, TagColour>> = { 'not-started': 'grey', 'in-progress': 'blue' };

/** A section's progress in the task list; `id` lets the task's link be described by it. */
export function ProgressTag(props: { progress: SectionProgress; id?: string }) {
  return (
    <Show
      when={props.progress !== 'completed'}
      fallback={
        <span class="app-task-list__done" id={props.id}>
          {SECTION_PROGRESS_LABELS.completed}
        </span>
      }
    >
      <strong class={`govuk-tag govuk-tag--${PROGRESS_COLOURS[props.progress]}`} id={props.id}>
        {SECTION_PROGRESS_LABELS[props.progress]}
      </strong>
    </Show>
  );
}

/** " Overdue" after a status or a due date. */
export function OverdueTag(props: { when: boolean | undefined }) {
  return (
    <Show when={props.when}>
      {' '}
      <Tag colour="red">Overdue</Tag>
    </Show>
  );
}

/** GOV.UK warning text: one line, or one paragraph per line. */
export function WarningText(props: { lines: string[]; id?: string }) {
  return (
    <div class="govuk-warning-text" id={props.id}>
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">Warning: </span>
        <For each={props.lines}>{(line) => <p class="app-warning-line">{line}</p>}</For>
      </div>
    </div>
  );
}

/** The warning beside a field or an answer whose text may be personal data. */
export function PiiWarning(props: { warnings: Warning[]; id?: string }) {
  return (
    <Show when={props.warnings.length > 0}>
      <WarningText lines={props.warnings.map((w) => w.message)} id={props.id} />
    </Show>
  );
}
