import { A } from '@solidjs/router';
import type { YearlyReportSummary } from '../../api/reports.js';
import { DataTable } from '../../components/data-table.js';
import { formatDoneBy } from '../../components/format.js';
import { reportPath, windowWords } from './paths.js';

/** The reports drafted so far, newest window first: each one's title, the 12 months it covers and who changed it last. */
export function ReportList(props: { reports: readonly YearlyReportSummary[] }) {
  return (
    <DataTable
      caption="Yearly reports"
      captionSize="m"
      id="reports"
      rows={props.reports}
      rowAttrs={(r) => ({ 'data-report': r.id })}
      columns={[
        {
          key: 'title',
          header: 'Report',
          rowHeader: true,
          cell: (r) => (
            <A class="govuk-link" href={reportPath(r.id)}>
              {r.title}
            </A>
          ),
        },
        { key: 'window', header: 'Covers', cell: (r) => windowWords(r) },
        { key: 'changed', header: 'Last changed', cell: (r) => formatDoneBy(r.updatedAt, r.updatedByName) },
      ]}
    />
  );
}
