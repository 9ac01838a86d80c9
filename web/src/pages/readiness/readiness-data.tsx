import { useParams } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { assessmentIn, useMatrix, type AssessmentContext } from '../../api/readiness.js';
import { Loaded, type PageFailure } from '../../components/loaded.js';
import { ProblemPage } from '../../components/problem-page.js';

/** What a readiness page says when its matrix could not be loaded (`what`): no such workstream, or the service failed. */
export const matrixFailed = (what: string): PageFailure => ({
  notFoundTitle: 'Workstream not found',
  fallback: `${what} could not be loaded.`,
  back: { href: '/readiness', text: 'Choose a workstream' },
});

/** The matrix holding the assessment the address names (`/readiness/:workstreamId/:criterionId/:agencyId`), for the detail and form pages. */
export function useAssessment() {
  const params = useParams<{ workstreamId: string; criterionId: string; agencyId: string }>();
  // Only this workstream's matrix: looking the cell up in another one's would say "not found".
  const [matrix] = useMatrix(() => params.workstreamId);
  return { params, matrix };
}

/** Loading, not-found and error states shared by the detail and form pages. */
export function AssessmentLoader(props: { data: ReturnType<typeof useAssessment>; children: (ctx: () => AssessmentContext) => JSX.Element }) {
  const back = () => `/readiness/${props.data.params.workstreamId}`;
  return (
    <Loaded
      data={props.data.matrix}
      pick={(m) => assessmentIn(m, props.data.params)}
      loading="Loading the assessment…"
      failed={matrixFailed('The assessment')}
      notFound={
        <ProblemPage title="Assessment not found" back={{ href: back(), text: 'Back to the readiness matrix' }}>
          <p class="govuk-body">This criterion does not exist or does not apply to that agency.</p>
        </ProblemPage>
      }
    >
      {(ctx) => props.children(ctx)}
    </Loaded>
  );
}
