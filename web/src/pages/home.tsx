import { For, lazy, Match, Show, Switch } from 'solid-js';
import type { Me } from '../../../shared/auth/roles.js';
import { AGENCY_TYPE_LABELS, type Workstream } from '../../../shared/partnership/schema.js';
import { AreaCard } from '../components/empty-state.js';
import { Loading } from '../components/loading.js';
import { Page } from '../components/page.js';
import { useApp } from '../state.js';

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

function LeadHome() {
  const app = useApp();
  return (
    <Page title="Reform programme overview" caption={app.partnershipName()}>
      <p class="govuk-body-l">Open reporting periods, review agencies' returns, and follow the reform across every workstream.</p>
      <ul class="app-card-list">
        <AreaCard href="/returns" title="Quarterly returns" status="Not open yet">
          <p class="govuk-body">No reporting period is open yet. Open the first quarter so each agency can draft its return.</p>
        </AreaCard>
        <AreaCard href="/threshold" title="Threshold document" status="No version issued">
          <p class="govuk-body">Issue the refreshed threshold document here, then follow each statutory partner's sign-off.</p>
        </AreaCard>
        <AreaCard href="/kinship" title="Kinship Local Offer" status="Not published">
          <p class="govuk-body">Agencies add their kinship support items here; you review them and publish the offer for families.</p>
        </AreaCard>
        <AreaCard href="/readiness/safeguarding" title="MACPT readiness" status="Agencies self-assess">
          <p class="govuk-body">Agencies self-assess go-live criteria for multi-agency child protection teams; you confirm or challenge their evidence.</p>
        </AreaCard>
        <AreaCard href="/tracker" title="Tracker" status="No data yet">
          <p class="govuk-body">Delivery confidence, milestones and risks for each workstream appear once returns are accepted.</p>
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

function PartnerHome(props: { me: Me }) {
  const app = useApp();
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
          <p class="govuk-body">No reporting period is open yet. When the programme lead opens one, you will draft your agency's return here.</p>
          <p class="govuk-body">
            <a href="/our-return" class="govuk-link">
              Go to your return
            </a>
          </p>
        </div>

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
