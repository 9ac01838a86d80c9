import { Show } from 'solid-js';
import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus, type Validation } from '../../../../shared/readiness/schema.js';
import { scoreSentence } from '../../../../shared/readiness/words.js';
import type { AgencyReadiness } from '../../api/readiness.js';
import { PercentBar } from '../../components/charts/percent-bar.js';
import { formatDay } from '../../components/format.js';
import { StatusTag, Tag, type TagColour } from '../../components/tag.js';

const STATUS_COLOURS: Record<AssessmentStatus, TagColour> = {
  'not-started': 'grey',
  'in-progress': 'blue',
  ready: 'green',
  'not-applicable': 'grey',
};

/** Status as a tag whose words carry the meaning; colour only repeats it. */
export function AssessmentStatusTag(props: { status: AssessmentStatus }) {
  return <StatusTag status={props.status} labels={ASSESSMENT_STATUS_LABELS} colours={STATUS_COLOURS} />;
}

export function ValidationTag(props: { validation: Validation | null }) {
  return <Show when={props.validation}>{(v) => (v().outcome === 'confirmed' ? <Tag colour="green">Confirmed</Tag> : <Tag colour="red">Challenged</Tag>)}</Show>;
}

/** A target date for people ("31 March 2027"), or that there is none. */
export const day = (iso: string | null | undefined) => formatDay(iso?.slice(0, 10), 'Not set');

/** One agency's readiness as words and two bars (confirmed by the lead, and as the agency says). */
export function AgencyScore(props: { name: string; score: AgencyReadiness }) {
  return (
    <li class="app-readiness-score">
      <h3 class="govuk-heading-s app-readiness-score__name">{props.name}</h3>
      <p class="govuk-body-s app-readiness-score__summary">{scoreSentence(props.score)}</p>
      <div class="app-readiness-score__row">
        <span class="app-readiness-score__label">Confirmed ready: {props.score.confirmedPercent}%</span>
        <PercentBar percent={props.score.confirmedPercent} variant="confirmed" />
      </div>
      <div class="app-readiness-score__row">
        <span class="app-readiness-score__label">Self-assessed ready: {props.score.selfAssessedPercent}%</span>
        <PercentBar percent={props.score.selfAssessedPercent} variant="self-assessed" />
      </div>
    </li>
  );
}
