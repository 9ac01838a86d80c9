import { useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { periodLabel } from '../../../../shared/periods/period.js';
import { ApiError } from '../../api/client.js';
import { Page } from '../../components/page.js';
import { usePartnerReturn, useWorkstreamNames } from '../../api/returns.js';
import { editableIn } from '../../../../shared/returns/rules.js';
import { ErrorPage } from '../../components/problem-page.js';
import { inReturnsScope } from './page-states.js';
import { ourReturnPath } from './paths.js';
import { SectionForm } from './section-form.js';
import { SectionSummary } from './section-summary.js';
import { PageStates } from '../../components/loaded.js';
import { useMeasures } from '../../api/measures.js';
import { dueIndicators } from '../../../../shared/measures/rules.js';

/* A section of the partner's return: the form while the return can change, its answers once it cannot. */

function ReturnSectionPageContent() {
  const params = useParams<{ periodId: string; workstreamId: string }>();
  const { period, ret, failure, mutate, agencyId } = usePartnerReturn(() => params.periodId);
  const names = useWorkstreamNames();
  // The workstream's outcome indicators: which are due from the agency, their targets and last values.
  const [measures] = useMeasures(() => ({ workstreamId: params.workstreamId }));
  const title = () => names.workstreamName(params.workstreamId);
  const back = () => ({ href: ourReturnPath(params.periodId), text: 'Go to your return' });

  return (
    <PageStates
      title={title()}
      errorTitle="Section of your return"
      loading="Loading this section…"
      error={failure() ?? names.workstreams.error ?? (measures() ? undefined : measures.error)}
      back={{ href: '/our-return', text: 'Go to your current return' }}
      value={period() && ret() && measures() && names.workstreams()}
    >
      {(workstreams) => {
        const m = () => measures()!;
        const due = () => dueIndicators(m().workstreams.find((w) => w.id === params.workstreamId)?.indicators ?? [], params.workstreamId, agencyId(), params.periodId);
        const view = () => ret()!.data;
        const section = () => view().sections.find((s) => s.workstreamId === params.workstreamId);
        const workstream = () => workstreams().find((w) => w.id === params.workstreamId);
        return (
          <Show
            when={section() && workstream()}
            fallback={<ErrorPage title="Section of your return" error={new ApiError(404, { detail: `Your agency does not report on ${title()}.` })} back={back()} />}
          >
            <Show
              when={editableIn(view(), period())}
              fallback={
                <Page title={title()} caption={`Your return for ${periodLabel(params.periodId)}`} backLink={{ href: ourReturnPath(params.periodId), text: 'Back to your return' }}>
                  <p class="govuk-body">This return cannot be changed now (it is {view().status === 'not-started' ? 'not started' : view().status}). These are its answers.</p>
                  <SectionSummary section={section()!} names={names} of={view()} />
                </Page>
              }
            >
              <SectionForm
                periodId={params.periodId}
                agencyId={agencyId()}
                workstream={workstream()!}
                loaded={ret()!}
                mutate={mutate}
                indicators={due()}
                threshold={m().settings.smallNumberThreshold}
              />
            </Show>
          </Show>
        );
      }}
    </PageStates>
  );
}

export const ReturnSectionPage = inReturnsScope(ReturnSectionPageContent);
