import { useParams } from '@solidjs/router';
import { Match, Switch, type JSX } from 'solid-js';
import { createKeyedResource, invalidate, QUERY } from '../../api/queries.js';
import { getReadiness, type MatrixAssessment, type MatrixCriterion, type ReadinessMatrix } from '../../api/readiness.js';
import { Loading } from '../../components/loading.js';
import { ErrorPage, ProblemPage } from '../../components/problem-page.js';

export type MatrixAgency = ReadinessMatrix['agencies'][number];

export interface AssessmentContext {
  matrix: ReadinessMatrix;
  criterion: MatrixCriterion;
  agency: MatrixAgency;
  assessment: MatrixAssessment;
}

/**
 * One workstream's matrix (criteria, agencies, assessments and scores), from the cache the matrix,
 * detail and form pages share. No workstream (false) fetches nothing. Only this workstream's
 * matrix is ever handed back: another one's never shows under its address.
 */
export const useMatrix = (workstreamId: () => string | false) => createKeyedResource(QUERY.readiness, workstreamId, getReadiness);

/**
 * After a criterion or an assessment is saved or validated: the matrix and its scores, the
 * tracker's readiness column and the record's history all change. Resolves once the pages on show
 * have the new data, so the page navigated to next shows it at once.
 */
export const readinessChanged = () => invalidate(QUERY.readiness, QUERY.tracker, QUERY.history);

/** The matrix could not be loaded: no such workstream, or the service failed. */
export function MatrixError(props: { error: unknown; what: string }) {
  return (
    <ErrorPage
      title="Sorry, there is a problem with the service"
      notFoundTitle="Workstream not found"
      error={props.error}
      fallback={`${props.what} could not be loaded.`}
      back={{ href: '/readiness', text: 'Choose a workstream' }}
    />
  );
}

/**
 * One cell of the matrix, for the detail and form pages. There is no single-assessment endpoint:
 * the matrix is one bounded read and carries each cell's version for If-Match.
 */
export function useAssessment() {
  const params = useParams<{ workstreamId: string; criterionId: string; agencyId: string }>();
  // Only this workstream's matrix: looking the cell up in another one's would say "not found".
  const [matrix] = useMatrix(() => params.workstreamId);
  const context = (): AssessmentContext | null | undefined => {
    const m = matrix();
    if (!m) return undefined;
    const criterion = m.criteria.find((c) => c.id === params.criterionId);
    const agency = m.agencies.find((a) => a.id === params.agencyId);
    const assessment = criterion?.assessments.find((a) => a.agencyId === params.agencyId);
    return criterion && agency && assessment ? { matrix: m, criterion, agency, assessment } : null;
  };
  return { params, matrix, context };
}

/** Loading, not-found and error states shared by the detail and form pages. */
export function AssessmentLoader(props: { data: ReturnType<typeof useAssessment>; children: (ctx: () => AssessmentContext) => JSX.Element }) {
  const back = () => `/readiness/${props.data.params.workstreamId}`;
  return (
    <Switch fallback={<Loading label="Loading the assessment…" />}>
      <Match when={props.data.matrix.error && !props.data.matrix()}>
        <MatrixError error={props.data.matrix.error} what="The assessment" />
      </Match>
      <Match when={props.data.context() === null}>
        <ProblemPage title="Assessment not found" back={{ href: back(), text: 'Back to the readiness matrix' }}>
          <p class="govuk-body">This criterion does not exist or does not apply to that agency.</p>
        </ProblemPage>
      </Match>
      <Match when={props.data.context()}>{(ctx) => props.children(ctx)}</Match>
    </Switch>
  );
}
