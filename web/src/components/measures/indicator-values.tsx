import { formatPoint } from '../../../../shared/measures/rules.js';
import { periodLabel, periodLongLabel } from '../../../../shared/periods/period.js';
import type { IndicatorSeries } from '../../api/measures.js';
import { pointStateWords } from '../measure-figures.js';
import { DataTable } from '../data-table.js';

type Point = IndicatorSeries['points'][number];

/** Every value of an indicator, oldest first as in its chart: the numbers behind the chart, in words. */
export function IndicatorValues(props: { ind: IndicatorSeries; threshold: number }) {
  return (
    <DataTable<Point>
      caption={`${props.ind.name}: every value reported (the numbers behind the chart)`}
      captionSize="s"
      label={`${props.ind.name}: values by quarter`}
      rows={props.ind.points}
      columns={[
        {
          key: 'period',
          header: 'Quarter',
          rowHeader: true,
          cell: (p) => (
            <>
              {periodLabel(p.periodId)}
              <span class="app-measure-note">{periodLongLabel(p.periodId)}</span>
            </>
          ),
        },
        { key: 'value', header: 'Value', cell: (p) => formatPoint(props.ind.unit, p, props.threshold) },
        {
          key: 'state',
          header: 'Final or provisional',
          cell: (p) => (
            <>
              {pointStateWords(p)}
              <span class="app-measure-note">{p.state === 'accepted' ? 'The return was accepted' : 'Submitted, not yet accepted'}</span>
            </>
          ),
        },
        { key: 'note', header: 'Note', class: 'app-multiline', cell: (p) => p.note || <span class="app-measure-muted">None</span> },
      ]}
    />
  );
}
