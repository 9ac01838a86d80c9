import { useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { periodLabel, periodLongLabel } from '../../../../shared/periods/period.js';
import { Loading } from '../../components/loading.js';
import { PageStates } from '../../components/loaded.js';
import { Page } from '../../components/page.js';
import { ConfidenceKey } from '../../components/tag.js';
import { useApp } from '../../state.js';
import { useReturn, useReturnHistory, useWorkstreamNames, type ReturnKey } from '../../api/returns.js';
import { ReturnHistory } from './history.js';
import { inReturnsScope } from './page-states.js';
import { returnsListPath } from './paths.js';
import { ReviewCommentQuote } from './review-comment.js';
import { CommentList } from '../../components/comment-list.js';
import { PrintReturnLink, returnPrintPath } from './print-link.js';
import { ConfidenceTable, ReviewFacts, ReviewSections } from './review-facts.js';
import { ReopenForm, ReviewDone, ReviewForm, useReview } from './review-form.js';
import { InsetText } from '../../components/inset-text.js';

/*
 * One agency's return, to read and, for the programme lead, to accept or send back with comments,
 * with its history. Executives read the same page without the review controls or the history
 * (the audit trail is the lead's).
 */

function ReturnReviewPageContent() {
  const params = useParams<{ periodId: string; agencyId: string }>();
  const app = useApp();
  const isLead = () => app.me()?.role === 'lead';
  const key = (): ReturnKey => [params.periodId, params.agencyId];
  // The title comes from the address: show a return only under its own agency and period.
  const [ret, { refetch, mutate }] = useReturn(key);
  const [history] = useReturnHistory(() => isLead() && key());
  const names = useWorkstreamNames();
  const agencyName = () => app.agencyName(params.agencyId) ?? params.agencyId;
  const review = useReview({ key, agencyName, current: ret, mutate, refetch });
  const back = () => (isLead() ? { href: returnsListPath(params.periodId), text: 'Back to all returns for this period' } : { href: '/', text: 'Back to your home page' });

  return (
    <PageStates title={`${agencyName()} return`} errorTitle="Return" loading="Loading the return…" error={ret.error} back={back()} value={ret()}>
      {(loaded) => {
        const view = () => loaded().data;
        const canReview = () => isLead() && view().status === 'submitted';
        return (
          <Page
            title={`${agencyName()}: return for ${periodLabel(params.periodId)}`}
            caption={periodLongLabel(params.periodId)}
            errors={review.errors()}
            backLink={isLead() ? { href: returnsListPath(params.periodId), text: `All returns for ${periodLabel(params.periodId)}` } : undefined}
          >
            <Show when={review.done()}>{(message) => <ReviewDone message={message()} />}</Show>
            <ReviewFacts view={view()} canReview={canReview()} />
            <PrintReturnLink href={returnPrintPath(params.periodId, params.agencyId)} />

            <Show when={view().status === 'not-started'}>
              <InsetText>
                {agencyName()} has not started this return yet.
                {view().sections.some((s) => s.carriedForward) ? ' The answers below are carried forward from their last accepted return and have not been checked.' : ''}
              </InsetText>
            </Show>

            <h2 class="govuk-heading-m">Delivery confidence by workstream</h2>
            <ConfidenceTable view={view()} names={names} />
            <ConfidenceKey provisional={false} notReported={false} />

            <CommentList title="Review comments" comments={view().review.comments}>
              {(c) => <ReviewCommentQuote comment={c} />}
            </CommentList>

            <Show when={names.workstreams()} fallback={<Loading label="Loading sections…" />}>
              <ReviewSections view={view()} names={names} />
            </Show>
            <Show when={canReview()}>
              <ReviewForm agencyName={agencyName()} review={review} />
            </Show>
            <Show when={isLead() && view().status === 'accepted'}>
              <ReopenForm agencyName={agencyName()} review={review} />
            </Show>
            <Show when={isLead()}>
              <ReturnHistory history={history} wsName={names.workstreamName} />
            </Show>
          </Page>
        );
      }}
    </PageStates>
  );
}

export const ReturnReviewPage = inReturnsScope(ReturnReviewPageContent);
