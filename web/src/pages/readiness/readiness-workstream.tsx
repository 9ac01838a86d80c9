import { useParams, useSearchParams } from '@solidjs/router';
import { For, Match, Show, Switch } from 'solid-js';
import { type ReadinessMatrix, useMatrix } from '../../api/readiness.js';
import { Select, namedOptions } from '../../components/fields.js';
import { Loaded } from '../../components/loaded.js';
import { useLocationFlash } from '../../components/flash-banner.js';
import { ButtonLink, LinkLine } from '../../components/link-line.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import { matrixFailed } from './readiness-data.js';
import { MatrixTable } from './readiness-matrix.js';
import { readinessTitle } from '../../../../shared/readiness/words.js';
import { AgencyScore } from './readiness-ui.js';
import '../../components/select-fit.css';
import './readiness.css';
import { InsetText } from '../../components/inset-text.js';
import { LiveFilters, withAny } from '../../components/filter-form.js';

/** Across all agencies, in one sentence. */
function WorkstreamScore(props: { score: ReadinessMatrix['workstreamScore'] }) {
  const ws = () => props.score;
  return (
    <p class="govuk-body-l" data-testid="workstream-score">
      Across all agencies: {ws().confirmedPercent}% confirmed ready and {ws().selfAssessedPercent}% self-assessed ready ({ws().confirmed} and {ws().selfAssessed} of{' '}
      {ws().applicable} applicable criteria){ws().overdue > 0 ? `; ${ws().overdue} past their target date` : ''}.
    </p>
  );
}

/** What the person can do here: their own agency's column, or the lead's checks. */
function RoleGuidance(props: { data: ReadinessMatrix }) {
  const app = useApp();
  const mine = () => (app.me()?.role === 'partner' ? props.data.agencies.find((a) => a.id === app.me()?.agencyId) : undefined);
  return (
    <Switch>
      <Match when={mine()}>
        {(agency) => (
          <InsetText>
            You update {agency().name}'s assessments: choose a status in the {agency().name} column to see it and change it.
          </InsetText>
        )}
      </Match>
      <Match when={app.me()?.role === 'lead'}>
        <InsetText>Choose a status to read the agency's evidence, then confirm or challenge it.</InsetText>
      </Match>
    </Switch>
  );
}

function Matrix(props: { data: ReadinessMatrix }) {
  const app = useApp();
  const [flash] = useLocationFlash();
  const [search, setSearch] = useSearchParams<{ agency?: string }>();
  const title = () => readinessTitle({ name: props.data.workstreamName, macpt: props.data.macpt });
  const shown = () => props.data.agencies.filter((a) => !search.agency || a.id === search.agency);
  const scoreOf = (id: string) => props.data.scores.find((s) => s.agencyId === id);
  const isLead = () => app.me()?.role === 'lead';
  return (
    <Page title={title()} caption={props.data.macpt ? props.data.workstreamName : 'Readiness'} flash={flash()}>
      <WorkstreamScore score={props.data.workstreamScore} />
      <RoleGuidance data={props.data} />

      <LiveFilters class="app-readiness-filter app-select-fit" label="Filter the matrix">
        <Select
          id="agency-filter"
          label="Show agency"
          value={search.agency ?? ''}
          options={withAny('All agencies', namedOptions(props.data.agencies))}
          onChange={(v) => setSearch({ agency: v || undefined }, { replace: true })}
        />
      </LiveFilters>

      <h2 class="govuk-heading-m">Readiness by agency</h2>
      <p class="govuk-body">Confirmed means the programme lead has checked the evidence. Self-assessed means the agency says it is ready.</p>
      <ul class="app-two-up" data-testid="agency-scores">
        <For each={shown()}>{(a) => <Show when={scoreOf(a.id)}>{(s) => <AgencyScore name={a.name} score={s()} />}</Show>}</For>
      </ul>

      <h2 class="govuk-heading-m">Criteria by agency</h2>
      <p class="govuk-body">
        Each cell gives the agency's own assessment: not started, in progress, ready or not applicable. Under it you see whether the lead has confirmed or challenged it, and
        whether it is overdue. "Derived" criteria follow another record in the portal and apply to the whole partnership.
      </p>
      <Show when={isLead()}>
        <ButtonLink href={`/readiness/${props.data.workstreamId}/criteria/new`} secondary>
          Add a criterion
        </ButtonLink>
      </Show>
      <MatrixTable data={props.data} title={title()} agencies={shown()} filtered={Boolean(search.agency)} canEdit={isLead()} />
      <LinkLine href="/readiness">All workstreams' readiness</LinkLine>
    </Page>
  );
}

/** `/readiness/:workstreamId`: criteria x agencies matrix with scores. */
export function ReadinessWorkstreamPage() {
  const params = useParams<{ workstreamId: string }>();
  const [data] = useMatrix(() => params.workstreamId);
  return (
    <Loaded data={data} loading="Loading readiness…" failed={matrixFailed('The readiness matrix')}>
      {(m) => <Matrix data={m()} />}
    </Loaded>
  );
}
