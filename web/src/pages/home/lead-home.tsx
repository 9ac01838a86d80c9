import { Show } from 'solid-js';
import { formatDayLong, periodLabel } from '../../../../shared/periods/period.js';
import { returnCounts } from '../../../../shared/returns/words.js';
import { macptReadinessHref } from '../../../../shared/readiness/words.js';
import { concernSummary, kinshipSummary, macptSummary, thresholdSummary } from '../../../../shared/tracker/overview.js';
import { type Tracker, useTracker } from '../../api/tracker.js';
import { NeedsAttention } from '../../components/attention-list.js';
import { AreaCard } from '../../components/empty-state.js';
import { Loading } from '../../components/loading.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import { sorted, WorkstreamList } from './workstream-list.js';

const LOADING = 'Loading…';

/** The returns card: how many are in for the current period, or how to open the first one. */
function ReturnsCard(props: { t: Tracker | undefined; loading: boolean }) {
  return (
    <Show
      when={props.t || props.loading}
      fallback={
        <AreaCard href="/programme" title="Quarterly returns" status="Not open yet">
          <p class="govuk-body">No reporting period is open yet. Open the first quarter in programme set-up so each agency can draft its return.</p>
        </AreaCard>
      }
    >
      <Show
        when={props.t}
        fallback={
          <AreaCard href="/returns" title="Quarterly returns" status={LOADING}>
            <p class="govuk-body">Returns waiting for your review, accepted, and still with agencies.</p>
          </AreaCard>
        }
      >
        {(tr) => {
          const c = () => returnCounts(tr().returns);
          return (
            <AreaCard href={`/returns?periodId=${tr().period.id}`} title="Quarterly returns" status={`${periodLabel(tr().period.id)}: ${c().received} of ${c().total} in`}>
              <p class="govuk-body">
                {c().waiting} waiting for your review, {c().accepted} accepted, {c().withAgencies} still with agencies. Due {formatDayLong(tr().period.dueDate)}.
                {c().overdue ? ` ${c().overdue} overdue.` : ''}
              </p>
            </AreaCard>
          );
        }}
      </Show>
    </Show>
  );
}

/** Live status of each area for the lead, from the tracker for the current period (one request, shared with the tracker page). */
export function LeadHome() {
  const app = useApp();
  // No period open yet answers 404: the cards then say how to start.
  const [tracker] = useTracker(() => undefined);
  const t = () => tracker();
  const loading = () => tracker.pending;
  const status = (ready: () => string) => (loading() ? LOADING : ready());
  const workstreams = () => (app.partnership.state === 'ready' ? (app.partnership()?.workstreams ?? []) : []);
  return (
    <Page title="Reform programme overview" caption={app.partnershipName()}>
      <p class="govuk-body-l">Open reporting periods, review agencies' returns, and follow the reform across every workstream.</p>
      <NeedsAttention />
      {/* The cards are drawn at once and filled in when the status arrives, so nothing below them moves. */}
      <Show when={loading()}>
        <p class="govuk-visually-hidden" role="status">
          Loading the programme's status
        </p>
      </Show>
      <ul class="app-card-list" aria-busy={loading()}>
        <ReturnsCard t={t()} loading={loading()} />
        <AreaCard href="/threshold" title="Threshold document" status={status(() => thresholdSummary(t()).status)}>
          <p class="govuk-body">{thresholdSummary(t()).note}</p>
        </AreaCard>
        <AreaCard href="/kinship" title="Kinship Local Offer" status={status(() => kinshipSummary(t()).status)}>
          <p class="govuk-body">{kinshipSummary(t()).note} Review agencies' items and publish the offer for families.</p>
        </AreaCard>
        <AreaCard href={macptReadinessHref(workstreams())} title="MACPT readiness" status={status(() => macptSummary(t()).status)}>
          <p class="govuk-body">{macptSummary(t()).note} Confirm or challenge agencies' evidence.</p>
        </AreaCard>
        <AreaCard href="/tracker" title="Tracker" status={status(() => concernSummary(t()))}>
          <p class="govuk-body">Delivery confidence, trends, risks and milestones for the partnership executive, with board-ready exports.</p>
        </AreaCard>
      </ul>
      <h2 class="govuk-heading-m">Workstreams</h2>
      <Show when={app.partnership.state === 'ready' && app.partnership()} fallback={<Loading label="Loading workstreams…" />}>
        {(data) => (
          <Show when={data().workstreams.length > 0} fallback={<p class="govuk-body">No workstreams have been set up yet.</p>}>
            <WorkstreamList workstreams={sorted(data().workstreams)} />
          </Show>
        )}
      </Show>
    </Page>
  );
}
