import { downloadExport, EXPORTS } from '../../api/tracker.js';
import { DownloadList } from '../../components/download-list.js';
import { Section } from '../../components/section.js';

/** Export buttons (lead and executive): the period's figures as CSV files and an Excel workbook. */
export function Downloads(props: { periodId: string; periodName: string }) {
  return (
    <Section headingId="downloads-heading" title="Download the data" class="app-tracker-section app-tracker-downloads app-no-print">
      <p class="govuk-body">The figures on this page for {props.periodName}, to use in your own reports. CSV files open in any spreadsheet.</p>
      <DownloadList files={EXPORTS} download={(file) => downloadExport(file, props.periodId)} of={props.periodName} />
    </Section>
  );
}
