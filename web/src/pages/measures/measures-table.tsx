import { A } from '@solidjs/router';
import type { IndicatorSeries } from '../../api/measures.js';
import { AgainstTarget, ChangeSince, LatestValue } from '../../components/measure-figures.js';
import { DataTable } from '../../components/data-table.js';
import { RetiredTag } from '../../components/tag.js';
import { cardId } from '../../components/measures/indicator-card.js';

/**
 * One workstream's indicators: name, latest value with its quarter, the changes, the rating
 * against target and who reports it. Each name links to its card on the workstream's measures page.
 */
export function MeasuresTable(props: { workstreamId: string; workstreamName: string; indicators: readonly IndicatorSeries[]; threshold: number }) {
  return (
    <DataTable<IndicatorSeries>
      class="app-measure-table"
      caption={`${props.workstreamName}: outcome indicators`}
      rows={props.indicators}
      rowAttrs={(ind) => ({ 'data-indicator': ind.id })}
      columns={[
        {
          key: 'name',
          header: 'Indicator',
          rowHeader: true,
          class: 'app-measures-table__name',
          cell: (ind) => (
            <>
              <A class="govuk-link" href={`/measures/${props.workstreamId}#${cardId(ind)}`}>
                {ind.name}
              </A>
              <RetiredTag when={ind.retired} />
            </>
          ),
        },
        { key: 'latest', header: 'Latest value', cell: (ind) => <LatestValue ind={ind} threshold={props.threshold} /> },
        { key: 'last', header: 'Change since last quarter', cell: (ind) => <ChangeSince ind={ind} since="last" /> },
        { key: 'baseline', header: 'Change since baseline', cell: (ind) => <ChangeSince ind={ind} since="baseline" /> },
        { key: 'rag', header: 'Against target', cell: (ind) => <AgainstTarget ind={ind} /> },
        { key: 'agency', header: 'Reported by', cell: (ind) => ind.reportingAgencyName },
      ]}
    />
  );
}
