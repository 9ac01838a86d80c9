import { A, useParams } from '@solidjs/router';
import { Match, Show, Switch } from 'solid-js';
import { periodLabel } from '../../../../shared/periods/period.js';
import { ApiError } from '../../api/client.js';
import { LoadingPage } from '../../components/loading.js';
import { Page } from '../../components/page.js';
import { usePartnerReturn, useWorkstreamNames } from '../../api/returns.js';
import { editableIn } from '../../../../shared/returns/rules.js';
import { ErrorPage } from '../../components/problem-page.js';
import { noSuchPeriod, inReturnsScope } from './page-states.js';
import { ourReturnPath } from './paths.js';
import { SectionForm } from './section-form.js';
import { SectionSummary } from './section-summary.js';

/* A section of the partner's return: the form while the return can change, its answers once it cannot. */

function ReturnSectionPageContent() {
  const params = useParams<{ periodId: string; workstreamId: string }>();
  const { period, periods, ret, mutate, agencyId } = usePartnerReturn(() => params.periodId);
  const names = useWorkstreamNames();
  const title = () => names.workstreamName(params.workstreamId);
  const back = () => ({ href: ourReturnPath(params.periodId), text: 'Go to your return' });

  return (
    <Switch fallback={<LoadingPage title={title()} label="Loading this section…" />}>
      <Match when={periods.error || ret.error || names.workstreams.error || period() === null}>
        <ErrorPage
          title="Section of your return"
          error={periods.error ?? ret.error ?? names.workstreams.error ?? noSuchPeriod(params.periodId)}
          back={{ href: '/our-return', text: 'Go to your current return' }}
        />
      </Match>
      <Match when={period() && ret() && names.workstreams()}>
        {(_) => {
          const view = () => ret()!.data;
          const section = () => view().sections.find((s) => s.workstreamId === params.workstreamId);
          const workstream = () => names.workstreams()!.find((w) => w.id === params.workstreamId);
          return (
            <Show
              when={section() && workstream()}
              fallback={<ErrorPage title="Section of your return" error={new ApiError(404, { detail: `Your agency does not report on ${title()}.` })} back={back()} />}
            >
              <Show
                when={editableIn(view(), period())}
                fallback={
                  <>
                    <A class="govuk-back-link" href={ourReturnPath(params.periodId)}>
                      Back to your return
                    </A>
                    <Page title={title()} caption={`Your return for ${periodLabel(params.periodId)}`}>
                      <p class="govuk-body">This return cannot be changed now (it is {view().status === 'not-started' ? 'not started' : view().status}). These are its answers.</p>
                      <SectionSummary section={section()!} names={names} />
                    </Page>
                  </>
                }
              >
                <SectionForm periodId={params.periodId} agencyId={agencyId()} workstream={workstream()!} loaded={ret()!} mutate={mutate} />
              </Show>
            </Show>
          );
        }}
      </Match>
    </Switch>
  );
}

export const ReturnSectionPage = inReturnsScope(ReturnSectionPageContent);
