import { Show } from 'solid-js';
import { formatDayLong, ukDate } from '../../../../shared/periods/period.js';
import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus, type Derivation, type Validation } from '../../../../shared/readiness/schema.js';
import type { AgencyReadiness, MatrixAssessment } from '../../api/readiness.js';
import { PercentBar } from '../../components/charts/percent-bar.js';

/** The MACPT readiness criteria live under this workstream (see the brief). */
export const MACPT_WORKSTREAM = 'safeguarding';

export const readinessTitle = (workstreamId: string, name: string) => (workstreamId === MACPT_WORKSTREAM ? 'MACPT readiness' : `${name} readiness`);

const STATUS_TAG: Record<AssessmentStatus, string> = {
  'not-started': 'govuk-tag--grey',
  'in-progress': 'govuk-tag--blue',
  ready: 'govuk-tag--green',
  'not-applicable': 'govuk-tag--grey',
};

/** Where a derived criterion's state comes from, and where to read that record. */
export const DERIVATION_SOURCES: Record<Derivation, { text: string; href: string }> = {
  'threshold-signed-off': { text: 'Follows the threshold document sign-off record', href: '/threshold' },
  'kinship-offer-complete': { text: 'Follows the Kinship Local Offer coverage', href: '/kinship' },
};

/** Status as a tag whose words carry the meaning; colour only repeats it. */
export function StatusTag(props: { status: AssessmentStatus }) {
  return <strong class={`govuk-tag ${STATUS_TAG[props.status]}`}>{ASSESSMENT_STATUS_LABELS[props.status]}</strong>;
}

/** The lead's view of a ready (or not applicable) assessment, in words. */
export function validationText(a: Pick<MatrixAssessment, 'status' | 'validation' | 'version'>): string | null {
  if (a.validation?.outcome === 'confirmed') return 'Confirmed by the lead';
  if (a.validation?.outcome === 'challenged') return 'Challenged by the lead';
  if (a.version > 0 && (a.status === 'ready' || a.status === 'not-applicable')) return 'Not yet confirmed';
  return null;
}

export function ValidationTag(props: { validation: Validation | null }) {
  return (
    <Show when={props.validation}>
      {(v) => <strong class={`govuk-tag ${v().outcome === 'confirmed' ? 'govuk-tag--green' : 'govuk-tag--red'}`}>{v().outcome === 'confirmed' ? 'Confirmed' : 'Challenged'}</strong>}
    </Show>
  );
}

export const day = (iso: string | null | undefined) => (iso ? formatDayLong(iso.slice(0, 10)) : 'Not set');
/** An instant for people: the UK calendar day and the time. */
export const when = (instant: string) => {
  const d = new Date(instant);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hour12: true }).format(d).replace(' ', '');
  return `${formatDayLong(ukDate(d))} at ${time}`;
};

/** "3 of 11 ready, 1 confirmed" under the agency's name (the text alternative behind the bars). */
export function scoreSentence(s: AgencyReadiness): string {
  if (s.applicable === 0) return 'No criteria apply';
  const overdue = s.overdue > 0 ? `; ${s.overdue} overdue` : '';
  return `${s.selfAssessedCount} of ${s.applicable} ready, ${s.confirmedCount} confirmed${overdue}`;
}

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
