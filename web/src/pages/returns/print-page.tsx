import { useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { periodLabel, periodLongLabel } from '../../../../shared/periods/period.js';
import { type ReturnKey, useReturn, useReturnHistory, useWorkstreamNames } from '../../api/returns.js';
import { formatDateTime, formatDoneBy } from '../../components/format.js';
import { InsetText } from '../../components/inset-text.js';
import { PageStates } from '../../components/loaded.js';
import { Loading } from '../../components/loading.js';
import { CommentList } from '../../components/comment-list.js';
import { Page } from '../../components/page.js';
import { PrintActions, PrintDocument } from '../../components/print-document.js';
import { Section } from '../../components/section.js';
import { FactRow, SummaryList } from '../../components/summary-list.js';
import { ConfidenceKey } from '../../components/tag.js';
import { useApp } from '../../state.js';
import { ReturnHistory } from './history.js';
import { inReturnsScope } from './page-states.js';
import { ourReturnPath, returnPath } from './paths.js';
import { ReviewCommentQuote } from './review-comment.js';
import { ConfidenceTable, ReviewFacts, ReviewSections } from './review-facts.js';

/*
 * One agency's return laid out to print or save as PDF: who, which period and where it stands,
 * then every section in programme order, the comments on it and its history. The lead and
 * executives print any agency's return (/returns/:periodId/:agencyId/print), partners their own
 * (/our-return/:periodId/print). The history is the lead's audit trail: anyone else's printout
 * says it is left out rather than leaving it out silently.
 */

function ReturnPrintPageContent() {
  const params = useParams<{ periodId: string; agencyId?: string }>();
  const app = useApp();
  const agencyId = () => params.agencyId ?? app.me()?.agencyId ?? '';
  const key = (): ReturnKey | undefined => (agencyId() ? [params.periodId, agencyId()] : undefined);
  const readsHistory = () => app.me()?.role === 'lead';
  const [ret] = useReturn(key);
  const [history] = useReturnHistory(() => readsHistory() && key());
  const names = useWorkstreamNames();
  const agencyName = () => app.agencyName(agencyId()) ?? agencyId();
  const back = () =>
    params.agencyId ? { href: returnPath(params.periodId, agencyId()), text: 'Back to the return' } : { href: ourReturnPath(params.periodId), text: 'Back to your return' };
  const title = () => `${agencyName()}: return for ${periodLabel(params.periodId)}`;

  return (
    <PageStates title={title()} errorTitle="Return" loading="Loading the return…" error={ret.error} back={back()} value={ret()}>
      {(loaded) => {
        const view = () => loaded().data;
        return (
          <PrintDocument>
            <Page title={title()} caption={app.partnershipName()}>
              <PrintActions back={back()} />
              <SummaryList class="app-summary-list app-print-facts">
                <FactRow key="Partnership" when={app.partnershipName()}>
                  {app.partnershipName()}
                </FactRow>
                <FactRow key="Agency" when>
                  {agencyName()}
                </FactRow>
                <FactRow key="Reporting period" when>
                  {periodLabel(params.periodId)} ({periodLongLabel(params.periodId)})
                </FactRow>
                <FactRow key="Last changed" when={view().updatedAt}>
                  {formatDoneBy(view().updatedAt, view().updatedByName ?? 'someone at the agency')}
                </FactRow>
              </SummaryList>
              <ReviewFacts view={view()} canReview={false} />
              <Show when={view().reopened}>
                {(r) => (
                  <InsetText>
                    Reopened for a correction on {formatDoneBy(r().at, r().byName)}: {r().reason}
                  </InsetText>
                )}
              </Show>
              <p class="govuk-body app-secondary-text">As shown in the Partnership Reform Portal on {formatDateTime(new Date().toISOString())}.</p>

              <h2 class="govuk-heading-m">Delivery confidence by workstream</h2>
              <ConfidenceTable view={view()} names={names} />
              <ConfidenceKey provisional={false} notReported={false} />

              <Show when={names.workstreams()} fallback={<Loading label="Loading sections…" />}>
                <ReviewSections view={view()} names={names} />
              </Show>
              <CommentList title="Review comments" comments={view().review.comments}>
                {(c) => <ReviewCommentQuote comment={c} />}
              </CommentList>
              <CommentList title="Comments from the agency's certifiers" comments={view().certification?.comments ?? []}>
                {(c) => <ReviewCommentQuote comment={c} fallback={c.by} />}
              </CommentList>

              <Show
                when={readsHistory()}
                fallback={
                  <Section headingId="history-heading" title="History">
                    <p class="govuk-body">
                      The history of this return (who changed what, and when) is in the programme lead's audit trail, which your account cannot read, so it is not in this printout.
                      Ask the programme lead if you need it.
                    </p>
                  </Section>
                }
              >
                <ReturnHistory history={history} wsName={names.workstreamName} />
              </Show>
            </Page>
          </PrintDocument>
        );
      }}
    </PageStates>
  );
}

export const ReturnPrintPage = inReturnsScope(ReturnPrintPageContent);
