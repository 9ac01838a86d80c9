import { Show } from 'solid-js';
import { formatDayLong, periodLabel } from '../../../../shared/periods/period.js';
import { VERSION_STATUS_LABELS } from '../../../../shared/threshold/schema.js';
import { count as countOf } from '../../../../shared/text/plural.js';
import { createKeyedResource, QUERY } from '../../api/queries.js';
import { getTracker, type Tracker } from '../../api/tracker.js';
import { AreaCard } from '../../components/empty-state.js';
import { Loading } from '../../components/loading.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import { sorted, WorkstreamList } from './workstream-list.js';

const LOADING = 'Loading…';

/** The returns card: how many are in for the current period, or how to open the first one. */
function ReturnsCard(props: { t: Tracker | undefined; loading: boolean }) {
  const count = (statuses: string[]) => props.t?.returns.filter((r) => statuses.includes(r.status)).length ?? 0;
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
        {(tr) => (
          <AreaCard
            href={`/returns?periodId=${tr().period.id}`}
            title="Quarterly returns"
            status={`${periodLabel(tr().period.id)}: ${count(['submitted', 'accepted'])} of ${tr().returns.length} in`}
          >
            <p class="govuk-body">
              {count(['submitted'])} waiting for your review, {count(['accepted'])} accepted, {count(['draft', 'returned', 'not-started'])} still with agencies. Due{' '}
              {formatDayLong(tr().period.dueDate)}.{tr().returns.some((r) => r.overdue) ? ` ${tr().returns.filter((r) => r.overdue).length} overdue.` : ''}
            </p>
          </AreaCard>
        )}
      </Show>
    </Show>
  );
}

/** Live status of each area for the lead, from the tracker for the current period (one request, shared with the tracker page). */
export function LeadHome() {
  const app = useApp();
  // No period open yet answers 404: the cards then say how to start.
  const [tracker] = createKeyedResource(
    QUERY.tracker,
    () => ({ periodId: undefined as string | undefined }),
    ({ periodId }) => getTracker(periodId),
  );
  const t = () => tracker();
  const loading = () => tracker.pending;
  const threshold = () => t()?.threshold;
  const waitingFor = () =>
    threshold()
      ?.required.filter((r) => !r.decision)
      .map((r) => r.agencyName) ?? [];
  const macpt = () => t()?.readiness.find((r) => r.highlighted);
  const concern = () => t()?.matrix.filter((m) => m.overall.confidence === 'red' || m.overall.confidence === 'amber-red').length ?? 0;
  const status = (ready: () => string) => (loading() ? LOADING : ready());
  return (
    <Page title="Reform programme overview" caption={app.partnershipName()}>
      <p class="govuk-body-l">Open reporting periods, review agencies' returns, and follow the reform across every workstream.</p>
      {/* The cards are drawn at once and filled in when the status arrives, so nothing below them moves. */}
      <Show when={loading()}>
        <p class="govuk-visually-hidden" role="status">
          Loading the programme's status
        </p>
      </Show>
      <ul class="app-card-list" aria-busy={loading()}>
        <ReturnsCard t={t()} loading={loading()} />
        <AreaCard
          href="/threshold"
          title="Threshold document"
          status={status(() =>
            threshold()
              ? `${threshold()!.versionLabel}: ${VERSION_STATUS_LABELS[threshold()!.status as keyof typeof VERSION_STATUS_LABELS] ?? threshold()!.status}`
              : 'No version issued',
          )}
        >
          <p class="govuk-body">
            {threshold()
              ? waitingFor().length
                ? `Waiting for: ${waitingFor().join(', ')}.`
                : 'Every statutory partner has recorded a decision.'
              : "Issue the refreshed threshold document here, then follow each statutory partner's sign-off."}
          </p>
        </AreaCard>
        <AreaCard
          href="/kinship"
          title="Kinship Local Offer"
          status={status(() =>
            t()?.kinship.complete ? 'All statutory categories covered' : `${countOf(t()?.kinship.gaps.length ?? 0, 'statutory category', 'statutory categories')} not covered`,
          )}
        >
          <p class="govuk-body">
            {(t()?.kinship.overdueReviews.length ?? 0) > 0 ? `${countOf(t()!.kinship.overdueReviews.length, 'published item')} overdue for review. ` : 'No reviews overdue. '}
            Review agencies' items and publish the offer for families.
          </p>
        </AreaCard>
        <AreaCard
          href="/readiness/safeguarding"
          title="MACPT readiness"
          status={status(() => (macpt() ? `${macpt()!.overall.confirmedPercent}% confirmed ready` : 'No criteria yet'))}
        >
          <p class="govuk-body">
            {macpt() ? `${macpt()!.overall.selfAssessedPercent}% self-assessed ready across agencies; ${countOf(macpt()!.overall.overdue, 'target date')} overdue.` : ''} Confirm or
            challenge agencies' evidence.
          </p>
        </AreaCard>
        <AreaCard href="/tracker" title="Tracker" status={status(() => (concern() ? `${countOf(concern(), 'workstream')} amber/red or red` : 'No workstream at amber/red or red'))}>
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
