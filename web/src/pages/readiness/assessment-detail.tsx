import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { AuditEvent } from '../../api/audit.js';
import { useLocationFlash } from '../../components/flash-banner.js';
import { LinkLine } from '../../components/link-line.js';
import { Page } from '../../components/page.js';
import { NotificationBanner } from '../../components/notification-banner.js';
import { useApp } from '../../state.js';
import { AssessmentSummary, CriterionSummary } from './assessment-summary.js';
import { useAssessmentHistory, type AssessmentContext } from '../../api/readiness.js';
import { AssessmentLoader, useAssessment } from './readiness-data.js';
import { readinessTitle } from '../../../../shared/readiness/words.js';
import { RecordHistory } from '../../components/record-history.js';
import { ValidateForm } from './validate-form.js';
import './readiness.css';

/** The lead's comment on a decision, under its line in the history. */
const commentOf = (e: AuditEvent) => (typeof e.meta?.comment === 'string' && e.meta.comment ? [`Comment: “${e.meta.comment}”`] : []);

/** Every change to the assessment (the lead's audit trail), fetched again after each save or decision. */
function AssessmentHistory(props: { criterionId: string; agencyId: string }) {
  const [history] = useAssessmentHistory(
    () => props.criterionId,
    () => props.agencyId,
  );
  return <RecordHistory history={history} record="this assessment" empty="No changes have been recorded yet." details={commentOf} />;
}

/** The lead's part: the decision (once the agency has assessed) and the history. */
function LeadReview(props: { ctx: AssessmentContext; onDone: (message: string) => void }) {
  return (
    <>
      <Show
        when={props.ctx.assessment.version > 0}
        fallback={<p class="govuk-body">{props.ctx.agency.name} has not assessed this criterion yet, so there is nothing to confirm.</p>}
      >
        <ValidateForm ctx={props.ctx} onDone={props.onDone} />
      </Show>
      <AssessmentHistory criterionId={props.ctx.criterion.id} agencyId={props.ctx.agency.id} />
    </>
  );
}

function Detail(props: { ctx: () => AssessmentContext }) {
  const app = useApp();
  const [flash, setFlash] = useLocationFlash();
  const ctx = () => props.ctx();
  const a = () => ctx().assessment;
  const c = () => ctx().criterion;
  const me = () => app.me();
  const isOwnAgency = () => me()?.role === 'partner' && me()?.agencyId === ctx().agency.id;
  const base = () => `/readiness/${ctx().matrix.workstreamId}/${c().id}/${ctx().agency.id}`;
  const title = () => readinessTitle({ name: ctx().matrix.workstreamName, macpt: ctx().matrix.macpt });
  return (
    <Page title={`${c().title}: ${ctx().agency.name}`} heading={c().title} caption={`${title()} · ${ctx().agency.name}`} flash={flash()}>
      <Show when={isOwnAgency() && a().validation?.outcome === 'challenged'}>
        <NotificationBanner title="The programme lead challenged this assessment">
          <p class="govuk-body">“{a().validation?.comment}”</p>
          <p class="govuk-body">Update your assessment to answer the challenge.</p>
        </NotificationBanner>
      </Show>

      <h2 class="govuk-heading-m">About this criterion</h2>
      <CriterionSummary criterion={c()} />

      <h2 class="govuk-heading-m">{ctx().agency.name}'s assessment</h2>
      <AssessmentSummary assessment={a()} />

      <Show when={isOwnAgency() && !c().derived}>
        <p class="govuk-body">
          <A href={`${base()}/edit`} class="govuk-button" draggable="false">
            {a().version > 0 ? 'Update your assessment' : 'Assess this criterion'}
          </A>
        </p>
      </Show>

      <Show when={me()?.role === 'lead'}>
        <LeadReview ctx={ctx()} onDone={setFlash} />
      </Show>

      <LinkLine href={`/readiness/${ctx().matrix.workstreamId}`}>Back to {title()}</LinkLine>
    </Page>
  );
}

/** `/readiness/:workstreamId/:criterionId/:agencyId`: one agency's assessment of one criterion. */
export function AssessmentDetailPage() {
  const data = useAssessment();
  return <AssessmentLoader data={data}>{(ctx) => <Detail ctx={ctx} />}</AssessmentLoader>;
}
