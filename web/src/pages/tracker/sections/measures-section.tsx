import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { periodLabel } from '../../../../../shared/periods/period.js';
import type { Tracker } from '../../../api/tracker.js';
import { MeasureTrend } from '../../../components/charts/measure-trend.js';
import { MeasureTrendLegend } from '../../../components/charts/measure-trend-legend.js';
import { AgainstTarget, ChangeSince, LatestValue, MeasureRagKey, notRatedLatest } from '../../../components/measure-figures.js';
import { type Column, DataTable } from '../../../components/data-table.js';
import { RetiredTag } from '../../../components/tag.js';
import { Section } from './section.js';

type Workstream = Tracker['measures'][number];
type Indicator = Workstream['indicators'][number];

/**
 * Outcome measures up to the tracker's period: each workstream's indicators with the latest value,
 * the change since the value before, the rating against target and a small trend line, linking to
 * the workstream's measures page. In the board report (`report`): change since the baseline and
 * who reports it instead of the trend line, so the printed table is all figures and words.
 */
export function MeasuresSection(props: { t: Tracker; report?: boolean; idPrefix?: string }) {
  const threshold = () => props.t.measuresThreshold;
  const points = () => props.t.measures.flatMap((w) => w.indicators.flatMap((i) => i.points));
  const columns = (w: Workstream): Column<Indicator>[] => [
    {
      key: 'name',
      header: 'Indicator',
      rowHeader: true,
      cell: (ind) => (
        <>
          {ind.name}
          <RetiredTag when={ind.retired} />
        </>
      ),
    },
    { key: 'latest', header: 'Latest value', cell: (ind) => <LatestValue ind={ind} threshold={threshold()} /> },
    { key: 'last', header: 'Change since last quarter', cell: (ind) => <ChangeSince ind={ind} since="last" /> },
    ...(props.report
      ? [
          { key: 'baseline', header: 'Change since baseline', cell: (ind: Indicator) => <ChangeSince ind={ind} since="baseline" /> },
          { key: 'target', header: 'Against target', cell: (ind: Indicator) => <AgainstTarget ind={ind} /> },
          { key: 'agency', header: 'Reported by', cell: (ind: Indicator) => ind.reportingAgencyName },
        ]
      : [
          { key: 'target', header: 'Against target', cell: (ind: Indicator) => <AgainstTarget ind={ind} /> },
          {
            key: 'trend',
            header: 'Trend',
            cell: (ind: Indicator) => (
              <Show when={ind.points.length > 0} fallback={<span class="app-tracker-muted">No values yet</span>}>
                <MeasureTrend
                  id={`${props.idPrefix ?? 'measures'}-${w.id}-${ind.id}`}
                  title={`${ind.name}: trend`}
                  unit={ind.unit}
                  threshold={threshold()}
                  points={ind.points}
                  direction={ind.direction}
                  target={ind.target}
                  targetMax={ind.targetMax}
                  compact
                />
              </Show>
            ),
          },
        ]),
  ];
  return (
    <Section id="measures" title="Outcome measures">
      <Show
        when={props.t.measures.length > 0}
        fallback={
          <p class="govuk-body">
            No outcome indicators have been set up yet.{' '}
            <A class="govuk-link app-no-print" href="/measures">
              Outcome measures
            </A>
          </p>
        }
      >
        <p class="govuk-body">
          Each workstream's outcome indicators, with values reported up to {periodLabel(props.t.period.id)}. The rating compares the latest value with its target. Counts of
          children below {threshold()} read "Fewer than {threshold()}", so that no child can be identified.
        </p>
        <MeasureRagKey id={`${props.idPrefix ?? 'measures'}-key`} threshold={threshold()} headingLevel={3} latest={notRatedLatest(props.t.measures.flatMap((w) => w.indicators))} />
        <Show when={!props.report}>
          <MeasureTrendLegend
            provisional={points().some((p) => p.state === 'provisional')}
            suppressed={points().some((p) => p.belowThreshold)}
            target={props.t.measures.some((w) => w.indicators.some((i) => i.target !== null))}
            threshold={threshold()}
            points={points()}
          />
        </Show>
        <For each={props.t.measures}>
          {(w) => (
            <div data-workstream={w.id}>
              <h3 class="govuk-heading-s">
                <A class="govuk-link" href={`/measures/${w.id}`}>
                  {w.name}
                  <span class="govuk-visually-hidden">: outcome measures</span>
                </A>
                <RetiredTag when={w.retired} />
              </h3>
              <DataTable
                class="app-measure-table"
                caption={`${w.name}: outcome indicators up to ${periodLabel(props.t.period.id)}`}
                label={`${w.name}: outcome indicators`}
                columns={columns(w)}
                rows={w.indicators}
              />
            </div>
          )}
        </For>
      </Show>
    </Section>
  );
}
