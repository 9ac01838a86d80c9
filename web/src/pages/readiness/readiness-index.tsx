import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { PartnershipData } from '../../api/endpoints.js';
import { Loading } from '../../components/loading.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import { useMatrix } from '../../api/readiness.js';
import { macptFirst } from '../../../../shared/readiness/words.js';
import './readiness.css';

type Workstream = PartnershipData['workstreams'][number];

/** One workstream and its headline score, from its matrix (cached for the matrix page); a failure only hides the score. */
function WorkstreamItem(props: { workstream: Workstream }) {
  const w = () => props.workstream;
  const [matrix] = useMatrix(() => w().id);
  return (
    <li class="app-readiness-list__item" classList={{ 'app-readiness-list__item--macpt': w().macpt === true }}>
      <h2 class="govuk-heading-m app-readiness-list__title">
        <A href={`/readiness/${w().id}`} class="govuk-link">
          {w().macpt ? `MACPT readiness: ${w().name}` : w().name}
        </A>
      </h2>
      <Show when={matrix()} fallback={<p class="govuk-body-s app-readiness-list__meta">{matrix.pending ? 'Loading scores…' : w().description}</p>}>
        {(m) => (
          <p class="govuk-body-s app-readiness-list__meta">
            {m().criteria.length} criteria. {m().workstreamScore.confirmedPercent}% confirmed ready, {m().workstreamScore.selfAssessedPercent}% self-assessed ready
            {m().workstreamScore.overdue > 0 ? `, ${m().workstreamScore.overdue} overdue` : ''}.
          </p>
        )}
      </Show>
    </li>
  );
}

/** `/readiness`: choose a workstream; MACPT first because the Act makes it the partnership's priority. */
export function ReadinessIndexPage() {
  const app = useApp();
  const workstreams = () => {
    const data = app.partnership.state === 'ready' ? app.partnership() : undefined;
    // Readiness looks ahead: retired workstreams are left out.
    return macptFirst((data?.workstreams ?? []).filter((w) => !w.retiredAt));
  };
  return (
    <Page title="Readiness">
      <p class="govuk-body-l">Go-live criteria for multi-agency child protection teams (MACPT) and the other reformed services, and how ready each agency is.</p>
      <p class="govuk-body">Agencies assess themselves against each criterion with evidence; the programme lead confirms or challenges it. Choose a workstream.</p>
      <Show when={workstreams().length > 0} fallback={<Loading label="Loading workstreams…" />}>
        <ul class="app-readiness-list">
          <For each={workstreams()}>{(w) => <WorkstreamItem workstream={w} />}</For>
        </ul>
      </Show>
    </Page>
  );
}
