import { createResource, For, Show } from 'solid-js';
import { getReadiness, type ReadinessMatrix } from '../../api/readiness.js';
import { Loading } from '../../components/loading.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import { MACPT_WORKSTREAM } from './readiness-ui.js';
import './readiness.css';

/** `/readiness`: choose a workstream; MACPT first because the Act makes it the partnership's priority. */
export function ReadinessIndexPage() {
  const app = useApp();
  const workstreams = () => {
    const data = app.partnership.state === 'ready' ? app.partnership() : undefined;
    return [...(data?.workstreams ?? [])].sort((a, b) => Number(b.id === MACPT_WORKSTREAM) - Number(a.id === MACPT_WORKSTREAM) || a.order - b.order);
  };
  // One small request per workstream for its headline score; a failure only hides that score.
  const [scores] = createResource(
    () => (workstreams().length ? workstreams().map((w) => w.id) : false),
    async (ids) => Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await getReadiness(id).catch(() => null)] as const))) as Record<string, ReadinessMatrix | null>,
  );
  return (
    <Page title="Readiness">
      <p class="govuk-body-l">Go-live criteria for multi-agency child protection teams (MACPT) and the other reformed services, and how ready each agency is.</p>
      <p class="govuk-body">Agencies assess themselves against each criterion with evidence; the programme lead confirms or challenges it. Choose a workstream.</p>
      <Show when={workstreams().length > 0} fallback={<Loading label="Loading workstreams…" />}>
        <ul class="app-readiness-list">
          <For each={workstreams()}>
            {(w) => {
              const m = () => (scores.state === 'ready' ? scores()?.[w.id] : undefined);
              return (
                <li class="app-readiness-list__item" classList={{ 'app-readiness-list__item--macpt': w.id === MACPT_WORKSTREAM }}>
                  <h2 class="govuk-heading-m app-readiness-list__title">
                    <a href={`/readiness/${w.id}`} class="govuk-link">
                      {w.id === MACPT_WORKSTREAM ? `MACPT readiness: ${w.name}` : w.name}
                    </a>
                  </h2>
                  <Show when={m()} fallback={<p class="govuk-body-s app-readiness-list__meta">{scores.loading ? 'Loading scores…' : w.description}</p>}>
                    {(matrix) => (
                      <p class="govuk-body-s app-readiness-list__meta">
                        {matrix().criteria.length} criteria. {matrix().workstreamScore.confirmedPercent}% confirmed ready, {matrix().workstreamScore.selfAssessedPercent}% self-assessed ready
                        {matrix().workstreamScore.overdue > 0 ? `, ${matrix().workstreamScore.overdue} overdue` : ''}.
                      </p>
                    )}
                  </Show>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
    </Page>
  );
}
