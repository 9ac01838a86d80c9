import { Show } from 'solid-js';
import { ITEM_STATUS_LABELS } from '../../../shared/kinship/labels.js';
import type { ItemStatus } from '../../../shared/kinship/schema.js';
import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus, type Validation } from '../../../shared/readiness/schema.js';
import { MILESTONE_STATUS_LABELS, type MilestoneStatus, SECTION_PROGRESS_LABELS, type SectionProgress } from '../../../shared/returns/schema.js';
import type { Decision, VersionStatus } from '../../../shared/threshold/schema.js';
import { VERSION_STATUS_LABELS } from '../../../shared/threshold/schema.js';
import { DECISION_LABEL } from '../../../shared/threshold/sign-rule.js';
import { PERSON_STATUS_LABELS, type PersonStatus } from '../../../shared/users/schema.js';
import { StatusTag, Tag, type TagColour } from './tag.js';

/*
 * Every record's status as a tag, in the same words and colours on every page that shows it (the
 * record's own pages, the tracker, the home pages): the kit's StatusTag with each status table.
 * A quarterly return's is ReturnStatusTag, in ./tag.tsx.
 */

const PERSON_COLOURS: Partial<Record<PersonStatus, TagColour>> = { invited: 'blue', active: 'green', deactivated: 'grey' };

/** A person's account: invited, active or deactivated. */
export function PersonStatusTag(props: { status: PersonStatus }) {
  return <StatusTag status={props.status} labels={PERSON_STATUS_LABELS} colours={PERSON_COLOURS} />;
}

const ITEM_COLOURS: Record<ItemStatus, TagColour> = { draft: 'grey', 'in-review': 'blue', returned: 'orange', published: 'green', retired: 'red' };

/** A Kinship Local Offer item, from draft to published or retired. */
export function ItemStatusTag(props: { status: ItemStatus }) {
  return <StatusTag status={props.status} labels={ITEM_STATUS_LABELS} colours={ITEM_COLOURS} />;
}

const VERSION_COLOURS: Record<VersionStatus, TagColour> = { 'awaiting-sign-off': 'blue', 'changes-requested': 'yellow', 'signed-off': 'green', superseded: 'grey' };

/** A version of the threshold document: awaiting sign-off, changes requested, signed off or superseded. */
export function VersionStatusTag(props: { status: VersionStatus }) {
  return <StatusTag status={props.status} labels={VERSION_STATUS_LABELS} colours={VERSION_COLOURS} />;
}

/** An agency's decision on a version of the threshold document, or that it has not decided yet. */
export function DecisionTag(props: { decision: Decision | undefined }) {
  return (
    <Show when={props.decision} fallback={<Tag colour="grey">Not yet decided</Tag>}>
      {(d) => <Tag colour={d() === 'approve' ? 'green' : 'yellow'}>{DECISION_LABEL[d()]}</Tag>}
    </Show>
  );
}

const ASSESSMENT_COLOURS: Record<AssessmentStatus, TagColour> = { 'not-started': 'grey', 'in-progress': 'blue', ready: 'green', 'not-applicable': 'grey' };

/** An agency's readiness against a criterion, as it assesses it. */
export function AssessmentStatusTag(props: { status: AssessmentStatus }) {
  return <StatusTag status={props.status} labels={ASSESSMENT_STATUS_LABELS} colours={ASSESSMENT_COLOURS} />;
}

/** The programme lead's check of an assessment: confirmed or challenged; nothing before it is checked. */
export function ValidationTag(props: { validation: Validation | null }) {
  return <Show when={props.validation}>{(v) => (v().outcome === 'confirmed' ? <Tag colour="green">Confirmed</Tag> : <Tag colour="red">Challenged</Tag>)}</Show>;
}

const MILESTONE_COLOURS: Partial<Record<MilestoneStatus, TagColour>> = { 'off-track': 'red', 'at-risk': 'yellow', 'on-track': 'green', 'not-started': 'grey', complete: 'grey' };

/** Where a milestone stands: not started, on track, at risk, off track or complete. */
export function MilestoneStatusTag(props: { status: MilestoneStatus }) {
  return <StatusTag status={props.status} labels={MILESTONE_STATUS_LABELS} colours={MILESTONE_COLOURS} />;
}

const PROGRESS_COLOURS: Partial<Record<SectionProgress, TagColour>> = { 'not-started': 'grey', 'in-progress': 'blue' };

/** A section's progress in a task list ("Completed" as plain text, as GOV.UK does); `id` lets the task's link be described by it. */
export function ProgressTag(props: { progress: SectionProgress; id?: string }) {
  return <StatusTag status={props.progress} labels={SECTION_PROGRESS_LABELS} colours={PROGRESS_COLOURS} plain={['completed']} id={props.id} />;
}
