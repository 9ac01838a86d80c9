import { SECTION_PROGRESS_LABELS, type SectionProgress } from '../../../../shared/returns/schema.js';
import { StatusTag, type TagColour } from '../../components/tag.js';

/* A section's progress in the task list, on the kit's StatusTag (GOV.UK shows "Completed" as plain text). */

const PROGRESS_COLOURS: Partial<Record<SectionProgress, TagColour>> = { 'not-started': 'grey', 'in-progress': 'blue' };

/** A section's progress in the task list ("Completed" as plain text, as GOV.UK does); `id` lets the task's link be described by it. */
export function ProgressTag(props: { progress: SectionProgress; id?: string }) {
  return <StatusTag status={props.progress} labels={SECTION_PROGRESS_LABELS} colours={PROGRESS_COLOURS} plain={['completed']} id={props.id} />;
}
