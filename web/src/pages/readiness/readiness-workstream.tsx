import { useLocation, useParams, useSearchParams } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { ApiError } from '../../api/client.js';
import { getReadiness, type MatrixAssessment, type MatrixCriterion, type ReadinessMatrix } from '../../api/readiness.js';
import { Loading } from '../../components/loading.js';
import { NotificationBanner } from '../../components/notification-banner.js';
import { Page } from '../../components/page.js';
import { createKeyedResource } from '../../components/results.js';
import { useApp } from '../../state.js';
import { AgencyScore, day, DERIVATION_SOURCES, MACPT_WORKSTREAM, readinessTitle, StatusTag, validationText } from './readiness-ui.js';
import './readiness.css';

function Cell(props: { ws: string; criterion: MatrixCriterion; agency: { id: string; name: string }; assessment: MatrixAssessment | undefined }) {
  return (
    <Show when={props.assessment} fallback={<td class="govuk-table__cell app-readiness-matrix__na">Does not apply</td>}>
      {(a) => (
        <td class="govuk-table__cell app-readiness-matrix__cell" classList={{ 'app-readiness-matrix__cell--overdue': a().overdue }}>
          <a class="govuk-link app-readiness-cell__link" href={`/readiness/${props.ws}/${props.criterion.id}/${props.agency.id}`} data-testid={`cell-${props.criterion.id}-${props.agency.id}`}>
            <StatusTag status={a().status} />
            <span class="govuk-visually-hidden">
              {' '}
              for {props.agency.name}: {props.criterion.title}
            </span>
          </a>
          <Show when={validationText(a())}>{(t) => <span class="app-readiness-cell__note">{t()}</span>}</Show>
          <Show when={a().overdue}>
            <span class="app-readiness-cell__note">
              <strong class="govuk-tag govuk-tag--red">Overdue</strong> <span class="app-readiness-cell__date">target {day(a().targetDate)}</span>
            </span>
          </Show>
        </td>
      )}
    </Show>
  );
}

function CriterionRow(props: { ws: string; criterion: MatrixCriterion; agencies: { id: string; name: string }[]; canEdit: boolean }) {
  const c = () => props.criterion;
  return (
    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header app-readiness-matrix__criterion">
        <span class="app-readiness-matrix__title">{c().title}</span>
        <span class="app-readiness-matrix__meta">Target {day(c().targetDate)}</span>
        <Show when={c().derived}>
          <span class="app-readiness-matrix__meta">
            <strong class="govuk-tag govuk-tag--blue">Derived</strong>
          </span>
        </Show>
        <Show when={props.canEdit && !c().derived}>
          <span class="app-readiness-matrix__meta">
            <a class="govuk-link" href={`/readiness/${props.ws}/criteria/${c().id}/edit`} data-testid={`edit-${c().id}`}>
              Edit criterion<span class="govuk-visually-hidden">: {c().title}</span>
            </a>
          </span>
        </Show>
      </th>
      <Show
        when={c().derived}
        fallback={<For each={props.agencies}>{(agency) => <Cell ws={props.ws} criterion={c()} agency={agency} assessment={c().assessments.find((a) => a.agencyId === agency.id)} />}</For>}
      >
        <td class="govuk-table__cell app-readiness-matrix__derived" colSpan={Math.max(1, props.agencies.length)}>
          <strong class={`govuk-tag ${c().derivedState?.ready ? 'govuk-tag--green' : 'govuk-tag--yellow'}`}>{c().derivedState?.ready ? 'Ready' : 'Not ready'}</strong>{' '}
          <span>{c().derivedState?.evidence}</span>
          <Show when={c().derivedFrom}>
            {(d) => (
              <span class="app-readiness-cell__note">
                <a class="govuk-link" href={DERIVATION_SOURCES[d()].href}>
                  {DERIVATION_SOURCES[d()].text}
                </a>{' '}
                (all agencies)
              </span>
            )}
          </Show>
        </td>
      </Show>
    </tr>
  );
}

function Matrix(props: { data: ReadinessMatrix }) {
  const app = useApp();
  const loc = useLocation<{ flash?: string }>();
  const [flash] = createSignal(loc.state?.flash);
  const [search, setSearch] = useSearchParams<{ agency?: string }>();
  const title = () => readinessTitle(props.data.workstreamId, props.data.workstreamName);
  const shown = () => props.data.agencies.filter((a) => !search.agency || a.id === search.agency);
  const scoreOf = (id: string) => props.data.scores.find((s) => s.agencyId === id);
  const me = () => app.me();
  const mine = () => (me()?.role === 'partner' ? props.data.agencies.find((a) => a.id === me()?.agencyId) : undefined);
  const ws = () => props.data.workstreamScore;
  return (
    <Page title={title()} caption={props.data.workstreamId === MACPT_WORKSTREAM ? props.data.workstreamName : 'Readiness'}>
      <Show when={flash()}>
        {(m) => (
          <NotificationBanner type="success">
            <p class="govuk-notification-banner__heading">{m()}</p>
          </NotificationBanner>
        )}
      </Show>
      <p class="govuk-body-l" data-testid="workstream-score">
        Across all agencies: {ws().confirmedPercent}% confirmed ready and {ws().selfAssessedPercent}% self-assessed ready ({ws().confirmed} and {ws().selfAssessed} of{' '}
        {ws().applicable} applicable criteria){ws().overdue > 0 ? `; ${ws().overdue} past their target date` : ''}.
      </p>
      <Show when={mine()}>
        {(agency) => (
          <div class="govuk-inset-text">
            <p class="govuk-body">You update {agency().name}'s assessments: choose a status in the {agency().name} column to see it and change it.</p>
          </div>
        )}
      </Show>
      <Show when={me()?.role === 'lead'}>
        <div class="govuk-inset-text">
          <p class="govuk-body">Choose a status to read the agency's evidence, then confirm or challenge it.</p>
        </div>
      </Show>

      <form
        class="app-readiness-filter"
        role="search"
        aria-label="Filter the matrix"
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <div class="govuk-form-group app-readiness-filter__group">
          <label class="govuk-label govuk-label--s" for="agency-filter">
            Show agency
          </label>
          <select
            id="agency-filter"
            class="govuk-select"
            value={search.agency ?? ''}
            onChange={(e) => setSearch({ agency: e.currentTarget.value || undefined }, { replace: true })}
          >
            <option value="">All agencies</option>
            <For each={props.data.agencies}>{(a) => <option value={a.id}>{a.name}</option>}</For>
          </select>
        </div>
      </form>

      <h2 class="govuk-heading-m">Readiness by agency</h2>
      <p class="govuk-body">Confirmed means the programme lead has checked the evidence. Self-assessed means the agency says it is ready.</p>
      <ul class="app-readiness-scores" data-testid="agency-scores">
        <For each={shown()}>{(a) => <Show when={scoreOf(a.id)}>{(s) => <AgencyScore name={a.name} score={s()} />}</Show>}</For>
      </ul>

      <h2 class="govuk-heading-m">Criteria by agency</h2>
      <p class="govuk-body">
        Each cell gives the agency's own assessment: not started, in progress, ready or not applicable. Under it you see whether the lead has confirmed or challenged it, and
        whether it is overdue. "Derived" criteria follow another record in the portal and apply to the whole partnership.
      </p>
      <Show when={me()?.role === 'lead'}>
        <a href={`/readiness/${props.data.workstreamId}/criteria/new`} class="govuk-button govuk-button--secondary" role="button" draggable="false">
          Add a criterion
        </a>
      </Show>
      <div class="app-table-scroll" role="region" aria-label={`${title()} matrix`} tabindex="0">
        <table class="govuk-table app-readiness-matrix">
          <caption class="govuk-table__caption govuk-table__caption--m">
            {title()}: {props.data.criteria.length} criteria (rows) by agency (columns)
            {search.agency ? `, showing ${shown()[0]?.name ?? 'one agency'}` : ''}
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Criterion
              </th>
              <For each={shown()}>
                {(a) => (
                  <th scope="col" class="govuk-table__header">
                    {a.name}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            <For each={props.data.criteria}>{(c) => <CriterionRow ws={props.data.workstreamId} criterion={c} agencies={shown()} canEdit={me()?.role === 'lead'} />}</For>
          </tbody>
        </table>
      </div>
      <p class="govuk-body">
        <a href="/readiness" class="govuk-link">
          All workstreams' readiness
        </a>
      </p>
    </Page>
  );
}

/** `/readiness/:workstreamId`: criteria x agencies matrix with scores. */
export function ReadinessWorkstreamPage() {
  const params = useParams<{ workstreamId: string }>();
  // Another workstream's matrix loads in place of this one's, never under its address.
  const [data] = createKeyedResource(() => params.workstreamId, getReadiness);
  return (
    <Switch fallback={<Loading label="Loading readiness…" />}>
      <Match when={data.error}>
        <Page title={data.error instanceof ApiError && data.error.status === 404 ? 'Workstream not found' : 'Sorry, there is a problem with the service'}>
          <p class="govuk-body">{data.error instanceof ApiError ? data.error.detail : 'The readiness matrix could not be loaded. Try again later.'}</p>
          <p class="govuk-body">
            <a href="/readiness" class="govuk-link">
              Choose a workstream
            </a>
          </p>
        </Page>
      </Match>
      <Match when={data()}>{(m) => <Matrix data={m()} />}</Match>
    </Switch>
  );
}
