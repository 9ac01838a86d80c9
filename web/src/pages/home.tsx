import { createResource, For, lazy, Match, Show, Switch } from 'solid-js';
import { formatDayLong, periodLabel, periodLongLabel, ukDate } from '../../../shared/periods/period.js';
import { RETURN_STATUS_LABELS } from '../../../shared/returns/schema.js';
import { VERSION_STATUS_LABELS } from '../../../shared/threshold/schema.js';
import { listPeriods, listReturns } from '../api/returns.js';
import { listVersions } from '../api/threshold.js';
import { getTracker } from '../api/tracker.js';
import type { Me } from '../../../shared/auth/roles.js';
import { AGENCY_TYPE_LABELS, type Workstream } from '../../../shared/partnership/schema.js';
import { AreaCard } from '../components/empty-state.js';
import { Loading } from '../components/loading.js';
import { Page } from '../components/page.js';
import { useApp } from '../state.js';
import { count as countOf } from '../../../shared/text/plural.js';

// The executive's home is the shared tracker: loaded on demand so other roles never download it.
const TrackerHome = lazy(() => import('./tracker/tracker-page.js').then((m) => ({ default: m.TrackerPage })));

function WorkstreamList(props: { workstreams: Workstream[]; highlightLeadFor?: string | null }) {
  const app = useApp();
  return (
    <ul class="app-workstream-list">
      <For each={props.workstreams}>
        {(w) => (
          <li class="app-workstream">
            <h3 class="govuk-heading-s app-workstream__name">
              {w.name}
              <Show when={props.highlightLeadFor && w.leadAgencyId === props.highlightLeadFor}>
                {' '}
                <strong class="govuk-tag govuk-tag--blue">Your agency leads</strong>
              </Show>
            </h3>
            <p class="govuk-body-s app-workstream__description">{w.description}</p>
            <p class="govuk-body-s app-workstream__meta">
              Lead agency: {app.agencyName(w.leadAgencyId)}. Contributing: {w.contributingAgencyIds.map((id) => app.agencyName(id)).join(', ')}.
            </p>
          </li>
        )}
      </For>
    </ul>
  );
}

function sorted(workstreams: Workstream[]): Workstream[] {
  return [...workstreams].sort((a, b) => a.order - b.order);
}

/** Live status of each area for the lead, from the tracker (one request). */
function LeadHome() {
  const app = useApp();
  const [tracker] = createResource(() => getTracker().catch(() => undefined));
  const t = () => tracker();
  const count = (statuses: string[]) => t()?.returns.filter((r) => statuses.includes(r.status)).length ?? 0;
  const threshold = () => t()?.threshold;
  const waitingFor = () => threshold()?.required.filter((r) => !r.decision).map((r) => r.agencyName) ?? [];
  const macpt = () => t()?.readiness.find((r) => r.highlighted);
  const concern = () => t()?.matrix.filter((m) => m.overall.confidence === 'red' || m.overall.confidence === 'amber-red').length ?? 0;
  return (
    <Page title="Reform programme overview" caption={app.partnershipName()}>
      <p class="govuk-body-l">Open reporting periods, review agencies' returns, and follow the reform across every workstream.</p>
      {/* The cards are drawn at once and filled in when the status arrives, so nothing below them moves. */}
      <Show when={tracker.loading}>
        <p class="govuk-visually-hidden" role="status">
          Loading the programme's status
        </p>
      </Show>
      <ul class="app-card-list" aria-busy={tracker.loading}>
          <Show
            when={t() || tracker.loading}
            fallback={
              <AreaCard href="/programme" title="Quarterly returns" status="Not open yet">
                <p class="govuk-body">No reporting period is open yet. Open the first quarter in programme set-up so each agency can draft its return.</p>
              </AreaCard>
            }
          >
            <Show when={t()} fallback={<AreaCard href="/returns" title="Quarterly returns" status="Loading…"><p class="govuk-body">Returns waiting for your review, accepted, and still with agencies.</p></AreaCard>}>
              {(tr) => (
                <AreaCard href={`/returns?periodId=${tr().period.id}`} title="Quarterly returns" status={`${periodLabel(tr().period.id)}: ${count(['submitted', 'accepted'])} of ${tr().returns.length} in`}>
                  <p class="govuk-body">
                    {count(['submitted'])} waiting for your review, {count(['accepted'])} accepted, {count(['draft', 'returned', 'not-started'])} still with agencies. Due {formatDayLong(tr().period.dueDate)}.
                    {tr().returns.some((r) => r.overdue) ? ` ${tr().returns.filter((r) => r.overdue).length} overdue.` : ''}
                  </p>
                </AreaCard>
              )}
            </Show>
          </Show>
          <AreaCard href="/threshold" title="Threshold document" status={tracker.loading ? 'Loading…' : threshold() ? `${threshold()!.versionLabel}: ${VERSION_STATUS_LABELS[threshold()!.status as keyof typeof VERSION_STATUS_LABELS] ?? threshold()!.status}` : 'No version issued'}>
            <p class="govuk-body">
              {threshold()
                ? waitingFor().length
                  ? `Waiting for: ${waitingFor().join(', ')}.`
                  : 'Every statutory partner has recorded a decision.'
                : 'Issue the refreshed threshold document here, then follow each statutory partner\'s sign-off.'}
            </p>
          </AreaCard>
          <AreaCard href="/kinship" title="Kinship Local Offer" status={tracker.loading ? 'Loading…' : t()?.kinship.complete ? 'All statutory categories covered' : `${countOf(t()?.kinship.gaps.length ?? 0, 'statutory category', 'statutory categories')} not covered`}>
            <p class="govuk-body">
              {(t()?.kinship.overdueReviews.length ?? 0) > 0 ? `${countOf(t()!.kinship.overdueReviews.length, 'published item')} overdue for review. ` : 'No reviews overdue. '}
              Review agencies' items and publish the offer for families.
            </p>
          </AreaCard>
          <AreaCard href="/readiness/safeguarding" title="MACPT readiness" status={tracker.loading ? 'Loading…' : macpt() ? `${macpt()!.overall.confirmedPercent}% confirmed ready` : 'No criteria yet'}>
            <p class="govuk-body">
              {macpt() ? `${macpt()!.overall.selfAssessedPercent}% self-assessed ready across agencies; ${countOf(macpt()!.overall.overdue, 'target date')} overdue.` : ''} Confirm or challenge agencies' evidence.
            </p>
          </AreaCard>
          <AreaCard href="/tracker" title="Tracker" status={tracker.loading ? 'Loading…' : concern() ? `${countOf(concern(), 'workstream')} amber/red or red` : 'No workstream at amber/red or red'}>
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

/** What the partner's agency has to do now: its return for the open period and threshold decisions. */
function usePartnerStatus(me: Me) {
  const [status] = createResource(async () => {
    const periods = await listPeriods();
    const today = ukDate(new Date());
    const period = periods.find((p) => p.status === 'open' && p.start <= today) ?? periods.find((p) => p.status === 'open');
    const [rows, versions] = await Promise.all([period ? listReturns(period.id) : Promise.resolve([]), listVersions()]);
    const current = versions.find((v) => v.status !== 'superseded');
    return {
      period,
      row: rows.find((r) => r.agencyId === me.agencyId),
      threshold: current,
      decided: current?.decisions.some((d) => d.agencyId === me.agencyId) ?? false,
      mustSign: Boolean(current && me.agencyId && current.requiredAgencyIds.includes(me.agencyId)),
    };
  });
  return status;
}

function PartnerHome(props: { me: Me }) {
  const app = useApp();
  const status = usePartnerStatus(props.me);
  const data = () => (app.partnership.state === 'ready' ? app.partnership() : undefined);
  const agency = () => data()?.agencies.find((a) => a.id === props.me.agencyId);
  const mine = () => sorted((data()?.workstreams ?? []).filter((w) => w.leadAgencyId === props.me.agencyId || w.contributingAgencyIds.includes(props.me.agencyId ?? '')));
  return (
    <Page title="Your agency's work" caption={agency()?.name ?? app.partnershipName()}>
      <Show when={data()} fallback={<Loading />}>
        <dl class="govuk-summary-list">
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Agency</dt>
            <dd class="govuk-summary-list__value">{agency()?.name ?? 'Not linked to an agency'}</dd>
          </div>
          <Show when={agency()}>
            {(a) => (
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">Type</dt>
                <dd class="govuk-summary-list__value">
                  {AGENCY_TYPE_LABELS[a().type]}
                  {a().statutory ? ' (statutory safeguarding partner)' : ' (relevant agency)'}
                </dd>
              </div>
            )}
          </Show>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Threshold sign-off</dt>
            <dd class="govuk-summary-list__value">
              {props.me.signatory ? 'You sign off threshold documents for your agency' : 'Your agency signatory signs off threshold documents'}
            </dd>
          </div>
        </dl>

        <h2 class="govuk-heading-m">Your quarterly return</h2>
        <div class="govuk-inset-text">
          <Show when={!status.loading} fallback={<Loading label="Loading your return's status" />}>
            <Show
              when={status()?.period}
              fallback={<p class="govuk-body">No reporting period is open yet. When the programme lead opens one, you will draft your agency's return here.</p>}
            >
              {(period) => (
                <p class="govuk-body">
                  {periodLabel(period().id)} ({periodLongLabel(period().id)}): <strong class="govuk-tag govuk-tag--blue">{RETURN_STATUS_LABELS[(status()?.row?.status ?? 'not-started') as keyof typeof RETURN_STATUS_LABELS]}</strong>
                  {status()?.row?.overdue ? ' Overdue: ' : ' '}
                  due {formatDayLong(period().dueDate)}.
                </p>
              )}
            </Show>
          </Show>
          <p class="govuk-body">
            <a href="/our-return" class="govuk-link">
              Go to your return
            </a>
          </p>
        </div>

        <Show when={status()?.threshold && status()?.mustSign}>
          <h2 class="govuk-heading-m">Threshold document</h2>
          <div class="govuk-inset-text">
            <p class="govuk-body">
              {status()!.threshold!.versionLabel} is {(VERSION_STATUS_LABELS[status()!.threshold!.status as keyof typeof VERSION_STATUS_LABELS] ?? '').toLowerCase()}.{' '}
              {status()!.decided ? 'Your agency has recorded its decision.' : props.me.signatory ? 'Your agency has not decided yet: you can approve it or request changes.' : "Your agency's signatory has not decided yet."}
            </p>
            <p class="govuk-body">
              <a href="/threshold" class="govuk-link">
                Read the threshold document
              </a>
            </p>
          </div>
        </Show>

        <h2 class="govuk-heading-m">MACPT readiness</h2>
        <div class="govuk-inset-text">
          <p class="govuk-body">Say how ready your agency is for multi-agency child protection teams, with evidence for the programme lead to check.</p>
          <p class="govuk-body">
            <a href="/readiness/safeguarding" class="govuk-link">
              MACPT readiness
            </a>
          </p>
        </div>

        <h2 class="govuk-heading-m">Workstreams your agency contributes to</h2>
        <Show
          when={mine().length > 0}
          fallback={<p class="govuk-body">Your agency is not part of any workstream yet. The programme lead assigns agencies to workstreams.</p>}
        >
          <p class="govuk-body">Your return will have a section for each of these {mine().length} workstreams.</p>
          <WorkstreamList workstreams={mine()} highlightLeadFor={props.me.agencyId} />
        </Show>
      </Show>
    </Page>
  );
}

/** The executive's home page is the shared tracker. */
export function ExecutiveHome() {
  return <TrackerHome />;
}

/** `/`: each role lands on what it works with. */
export function HomePage() {
  const app = useApp();
  // Guarded rather than asserted: on sign-out the user goes away a moment before the route does.
  return (
    <Show when={app.me.state === 'ready' && app.me()}>
      {(me) => (
        <Switch>
          <Match when={me().role === 'lead'}>
            <LeadHome />
          </Match>
          <Match when={me().role === 'executive'}>
            <ExecutiveHome />
          </Match>
          <Match when={me().role === 'partner'}>
            <PartnerHome me={me()} />
          </Match>
        </Switch>
      )}
    </Show>
  );
}
