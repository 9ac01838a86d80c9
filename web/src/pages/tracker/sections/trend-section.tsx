import { createMemo, For } from 'solid-js';
import { periodLabel } from '../../../../../shared/periods/period.js';
import { CONFIDENCE_LABELS } from '../../../../../shared/returns/schema.js';
import { CONFIDENCE_SCALE } from '../../../../../shared/tracker/compute.js';
import type { Tracker } from '../../../api/tracker.js';
import { TrendChart } from '../../../components/charts/trend-chart.js';
import { DataTable, type Column } from '../../../components/data-table.js';
import { ConfidenceTag, confidenceLabel, ProvisionalMark, RetiredTag } from '../../../components/tag.js';
import { Section } from './section.js';

type Row = Tracker['trend'][number];

const LEVEL_NAMES = CONFIDENCE_SCALE.map((c) => CONFIDENCE_LABELS[c]);
const LEVEL_CLASSES = CONFIDENCE_SCALE.map((c) => `app-trend-chart__point--${c}`);

/** Each workstream's overall confidence by quarter: a chart each, and a table of the same numbers. */
export function TrendSection(props: { t: Tracker; idPrefix?: string }) {
  const columns = createMemo((): Column<Row>[] => [
    {
      key: 'workstream',
      header: 'Workstream',
      rowHeader: true,
      cell: (w) => (
        <>
          {w.name}
          <RetiredTag when={w.retired} />
        </>
      ),
    },
    ...(props.t.trend[0]?.points ?? []).map(
      ({ periodId }): Column<Row> => ({
        key: periodId,
        header: periodLabel(periodId),
        cell: (w) => {
          const pt = w.points.find((x) => x.periodId === periodId);
          return (
            <>
              <ConfidenceTag confidence={pt?.confidence ?? null} provisional={pt?.provisional} />
              <ProvisionalMark when={pt?.provisional && pt.confidence !== null} />
            </>
          );
        },
      }),
    ),
  ]);
  return (
    <Section id="trend" title="Trend">
      <p class="govuk-body">
        Each workstream's overall delivery confidence in every quarter up to {periodLabel(props.t.period.id)}. Higher is better; a gap means nothing was reported. A hollow point in
        a dashed ring is provisional: not yet resting on every contributing agency's accepted return.
      </p>
      <ul class="app-two-up app-trend-list">
        <For each={props.t.trend}>
          {(w) => (
            <li class="app-trend-list__item">
              <h3 class="govuk-heading-s app-trend-list__title">
                {w.name}
                <RetiredTag when={w.retired} />
              </h3>
              <TrendChart
                id={`${props.idPrefix ?? 'trend'}-${w.workstreamId}`}
                title={`${w.name}: overall delivery confidence by quarter`}
                description={`${w.points.map((p) => `${periodLabel(p.periodId)}: ${confidenceLabel(p.confidence)}${p.provisional && p.confidence ? ' (provisional)' : ''}`).join('; ')}.`}
                levels={LEVEL_NAMES}
                levelClasses={LEVEL_CLASSES}
                points={w.points.map((p) => ({
                  label: periodLabel(p.periodId).replace(/^\d{4}-\d{2} /, ''),
                  level: p.confidence ? CONFIDENCE_SCALE.indexOf(p.confidence) : null,
                  provisional: p.provisional,
                }))}
              />
            </li>
          )}
        </For>
      </ul>
      <DataTable caption="Overall delivery confidence by quarter (the numbers behind the charts)" captionSize="m" label="Trend table" columns={columns()} rows={props.t.trend} />
    </Section>
  );
}
