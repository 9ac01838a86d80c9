import { useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { type IndicatorSeries, type Measures, measuresChanged, restoreIndicator, retireIndicator, useMeasures } from '../../api/measures.js';
import { MeasureRagKey, notRatedLatest } from '../../components/measure-figures.js';
import { ContentsList } from '../../components/contents-list.js';
import { useLocationFlash } from '../../components/flash-banner.js';
import { createFormState } from '../../components/form-state.js';
import { useJumpToHash } from '../../components/jump-to.js';
import { Loaded } from '../../components/loaded.js';
import { ButtonLink, LinkLine } from '../../components/link-line.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import { IndicatorActions } from './indicator-actions.js';
import { cardId, IndicatorCard } from '../../components/measures/indicator-card.js';
import { measuresFailed } from './measures-data.js';
import './measures.css';

const STALE = 'Someone else changed this indicator after you opened the page. It has been reloaded: check it and try again.';

function WorkstreamMeasures(props: { m: Measures; workstreamId: string }) {
  const app = useApp();
  const [flash, show] = useLocationFlash();
  const form = createFormState();
  const [confirming, setConfirming] = createSignal<string | null>(null);
  const lead = () => app.me()?.role === 'lead';
  const threshold = () => props.m.settings.smallNumberThreshold;
  const w = () => props.m.workstreams.find((x) => x.id === props.workstreamId);
  // A retired workstream without indicators is left out of the view: its name is in the partnership's data.
  const known = () => app.partnership()?.workstreams.find((x) => x.id === props.workstreamId);
  const name = () => w()?.name ?? known()?.name ?? props.workstreamId;
  const retiredWorkstream = () => w()?.retired ?? Boolean(known()?.retiredAt);
  const all = () => w()?.indicators ?? [];
  const inUse = () => all().filter((i) => !i.retired);
  const retired = () => all().filter((i) => i.retired);

  // Opened from an indicator in a measures table (/measures/kinship#indicator-children-in-care): go to its card.
  useJumpToHash((id) => all().some((i) => cardId(i) === id));

  /** Retires or restores an indicator, based on the version on show; the page reloads and says what happened. */
  const change = (ind: IndicatorSeries, retire: boolean) => {
    show(null);
    void form.save(
      async () => {
        await (retire ? retireIndicator : restoreIndicator)(props.workstreamId, ind.id, ind.version);
        await measuresChanged();
        setConfirming(null);
        show(
          retire
            ? `"${ind.name}" has been retired. It is no longer asked for in returns; its values stay.`
            : `"${ind.name}" has been restored. ${ind.reportingAgencyName} reports it again from its next return.`,
        );
      },
      {
        onStale: () => {
          setConfirming(null);
          form.setErrors([{ message: STALE }]);
          void measuresChanged();
        },
        fallback: 'That did not work. Try again.',
      },
    );
  };

  const card = (ind: IndicatorSeries) => (
    <IndicatorCard
      ind={ind}
      threshold={threshold()}
      actions={
        <Show when={lead()}>
          <IndicatorActions
            ind={ind}
            workstreamId={props.workstreamId}
            busy={form.busy()}
            confirming={confirming() === ind.id}
            onConfirm={(open) => setConfirming(open ? ind.id : null)}
            onRetire={() => change(ind, true)}
            onRestore={() => change(ind, false)}
          />
        </Show>
      }
    />
  );

  return (
    <Page title={`${name()}: outcome measures`} heading={name()} caption="Outcome measures" flash={flash()} errors={form.errors()}>
      <p class="govuk-body-l">The indicators this workstream is judged by: what each measures, its target, and every value reported.</p>
      <Show when={lead() && !retiredWorkstream()}>
        <ButtonLink href={`/measures/${props.workstreamId}/new`} secondary>
          Add an indicator
        </ButtonLink>
      </Show>
      <Show
        when={all().length > 0}
        fallback={
          <div class="govuk-inset-text" data-testid="measures-empty">
            <p class="govuk-body">
              {lead()
                ? 'This workstream has no outcome indicators yet. Add the indicators it will be judged by: what is measured, its target and which agency reports it.'
                : 'No outcome indicators have been set up for this workstream yet.'}
            </p>
          </div>
        }
      >
        <Show when={all().length > 1}>
          <ContentsList class="app-measures-contents" sections={all().map((i) => ({ id: cardId(i), label: i.retired ? `${i.name} (retired)` : i.name }))} />
        </Show>
        <MeasureRagKey threshold={threshold()} latest={notRatedLatest(all())} />
        <For each={inUse()}>{card}</For>
        <Show when={retired().length > 0}>
          <h2 class="govuk-heading-m">Retired indicators</h2>
          <p class="govuk-body">They are no longer asked for in returns; their values stay.</p>
          <For each={retired()}>{card}</For>
        </Show>
      </Show>
      <LinkLine href="/measures">All outcome measures</LinkLine>
    </Page>
  );
}

/** `/measures/:workstreamId`: one workstream's indicators, each with its figures, trend, values and definition. */
export default function MeasuresWorkstreamPage() {
  const params = useParams<{ workstreamId: string }>();
  const [data] = useMeasures(() => ({ workstreamId: params.workstreamId }));
  return (
    <Loaded data={data} loading="Loading outcome measures…" failed={measuresFailed}>
      {(m) => <WorkstreamMeasures m={m()} workstreamId={params.workstreamId} />}
    </Loaded>
  );
}
