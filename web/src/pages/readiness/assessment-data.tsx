import { useParams } from '@solidjs/router';
import { Match, Switch, type JSX } from 'solid-js';
import { ApiError } from '../../api/client.js';
import { getReadiness, type MatrixAssessment, type MatrixCriterion, type ReadinessMatrix } from '../../api/readiness.js';
import { Loading } from '../../components/loading.js';
import { Page } from '../../components/page.js';
import { createKeyedResource } from '../../components/results.js';

export interface AssessmentContext {
  matrix: ReadinessMatrix;
  criterion: MatrixCriterion;
  agency: { id: string; name: string };
  assessment: MatrixAssessment;
}

/**
 * One cell of the matrix, for the detail and form pages. There is no single-assessment endpoint:
 * the matrix is one bounded read and carries each cell's version for If-Match.
 */
export function useAssessment() {
  const params = useParams<{ workstreamId: string; criterionId: string; agencyId: string }>();
  // Only this workstream's matrix: looking the cell up in another one's would say "not found".
  const [matrix, { refetch }] = createKeyedResource(() => params.workstreamId, getReadiness);
  const context = (): AssessmentContext | null | undefined => {
    const m = matrix();
    if (!m) return undefined;
    const criterion = m.criteria.find((c) => c.id === params.criterionId);
    const agency = m.agencies.find((a) => a.id === params.agencyId);
    const assessment = criterion?.assessments.find((a) => a.agencyId === params.agencyId);
    return criterion && agency && assessment ? { matrix: m, criterion, agency, assessment } : null;
  };
  return { params, matrix, refetch, context };
}

/** Loading, not-found and error states shared by the detail and form pages. */
export function AssessmentLoader(props: { data: ReturnType<typeof useAssessment>; children: (ctx: () => AssessmentContext) => JSX.Element }) {
  const back = () => `/readiness/${props.data.params.workstreamId}`;
  return (
    <Switch fallback={<Loading label="Loading the assessment…" />}>
      <Match when={props.data.matrix.error && !props.data.matrix()}>
        <Page title="Sorry, there is a problem with the service">
          <p class="govuk-body">{props.data.matrix.error instanceof ApiError ? props.data.matrix.error.detail : 'The assessment could not be loaded. Try again later.'}</p>
        </Page>
      </Match>
      <Match when={props.data.context() === null}>
        <Page title="Assessment not found">
          <p class="govuk-body">This criterion does not exist or does not apply to that agency.</p>
          <p class="govuk-body">
            <a class="govuk-link" href={back()}>
              Back to the readiness matrix
            </a>
          </p>
        </Page>
      </Match>
      <Match when={props.data.context()}>{(ctx) => props.children(ctx)}</Match>
    </Switch>
  );
}
