import { A } from '@solidjs/router';
import { For, Match, Show, Switch } from 'solid-js';
import { type Measures, useMeasures } from '../../api/measures.js';
import { MeasureRagKey, notRatedLatest } from '../../components/measure-figures.js';
import { useLocationFlash } from '../../components/flash-banner.js';
import { Loaded } from '../../components/loaded.js';
import { Page } from '../../components/page.js';
import { RetiredTag } from '../../components/tag.js';
import { useApp } from '../../state.js';
import { MeasuresTable } from './measures-table.js';
import { ThresholdForm } from './threshold-form.js';
import './measures.css';

type Workstream = Measures['workstreams'][number];

/** One workstream: its heading (to its measures page) and its indicators, or that it has none yet. */
function WorkstreamMeasures(props: { w: Workstream; threshold: number; lead: boolean }) {
  const href = () => `/measures/${props.w.id}`;
  return (
    <section class="app-measures-workstream" aria-labelledby={`ws-${props.w.id}`} data-workstream={props.w.id}>
      <h2 class="govuk-heading-m" id={`ws-${props.w.id}`}>
        <A class="govuk-link" href={href()}>
          {props.w.name}
        </A>
        <RetiredTag when={props.w.retired} />
      </h2>
      <Show
        when={props.w.indicators.length > 0}
        fallback={
          <p class="govuk-body">
            No indicators yet.
            <Show when={props.lead && !props.w.retired}>
              {' '}
              <A class="govuk-link" href={`${href()}/new`}>
                Add an indicator<span class="govuk-visually-hidden"> to {props.w.name}</span>
              </A>
            </Show>
          </p>
        }
      >
        <MeasuresTable workstreamId={props.w.id} workstreamName={props.w.name} indicators={props.w.indicators} threshold={props.threshold} />
      </Show>
    </section>
  );
}

function Overview(props: { m: Measures }) {
  const app = useApp();
  const [flash, show] = useLocationFlash();
  const lead = () => app.me()?.role === 'lead';
  const threshold = () => props.m.settings.smallNumberThreshold;
  const any = () => props.m.workstreams.some((w) => w.indicators.length > 0);
  // A latest value "fewer than N" recorded before the lead changed the threshold keeps its N.
  const earlierThreshold = () => props.m.workstreams.some((w) => w.indicators.some((i) => i.latest?.belowThreshold && (i.latest.threshold ?? threshold()) !== threshold()));
  // Others see the workstreams that have indicators; the lead sees every one, to add them.
  const shown = () => props.m.workstreams.filter((w) => lead() || w.indicators.length > 0);
  return (
    <Page title="Outcome measures" caption={app.partnershipName()} flash={flash()}>
      <p class="govuk-body-l">
        How the reform is changing things for children and families: each workstream's indicators, their latest values and how they compare with their targets.
      </p>
      <p class="govuk-body">
        The agency that holds the figures reports each value in its quarterly return. A value is provisional while its return is submitted, and final once the programme lead
        accepts it. Choose an indicator to see its definition, its trend and every value.
      </p>
      <Switch>
        <Match when={!any() && lead()}>
          <div class="govuk-inset-text" data-testid="measures-empty">
            <p class="govuk-body">No outcome indicators have been set up yet. Add each workstream's indicators: what is measured, its target and which agency reports it.</p>
          </div>
        </Match>
        <Match when={!any()}>
          <div class="govuk-inset-text" data-testid="measures-empty">
            <p class="govuk-body">No outcome indicators have been set up yet. The programme lead adds them for each workstream; their values then appear here every quarter.</p>
          </div>
        </Match>
        <Match when={any()}>
          <MeasureRagKey threshold={threshold()} latest={notRatedLatest(props.m.workstreams.flatMap((w) => w.indicators))} />
          <p class="govuk-body">
            Counts of children below {threshold()} are shown as "Fewer than {threshold()}", so that no child in a small group can be identified.
            <Show when={earlierThreshold()}> A value recorded before the threshold changed still reads "Fewer than" the threshold it was recorded under.</Show>
          </p>
        </Match>
      </Switch>
      <For each={shown()}>{(w) => <WorkstreamMeasures w={w} threshold={threshold()} lead={lead()} />}</For>
      <Show when={lead()}>
        <ThresholdForm settings={props.m.settings} onSaved={show} />
      </Show>
    </Page>
  );
}

/** `/measures`: every workstream's outcome indicators, their latest values and ratings against target. */
export default function MeasuresPage() {
  const [data] = useMeasures(() => ({}));
  return (
    <Loaded data={data} loading="Loading outcome measures…" failed={{ ...measuresBack, fallback: 'The outcome measures could not be loaded.' }}>
      {(m) => <Overview m={m()} />}
    </Loaded>
  );
}

const measuresBack = { back: { href: '/', text: 'Go to the home page' } };
