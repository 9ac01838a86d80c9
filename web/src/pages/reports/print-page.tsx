import { useParams } from '@solidjs/router';
import { For } from 'solid-js';
import { useReport, type YearlyReport } from '../../api/reports.js';
import { formatDateTime } from '../../components/format.js';
import { Loaded } from '../../components/loaded.js';
import { Page } from '../../components/page.js';
import { PrintActions, PrintDocument } from '../../components/print-document.js';
import { Section } from '../../components/section.js';
import { SourceList, SourcedText } from '../../components/sourced-text.js';
import { BACK_TO_REPORTS, reportPath } from './paths.js';
import { ReportFacts } from './report-facts.js';
import './reports.css';

/*
 * The yearly report laid out to print or save as PDF: the title and the 12 months it covers, then
 * each section with its text and its figures' sources as numbered notes, each note with the whole
 * address of its record written out (a link on paper cannot be followed).
 */

function Printout(props: { report: YearlyReport }) {
  const r = () => props.report;
  return (
    <PrintDocument>
      <Page title={r().title} caption="Yearly partnership report">
        <PrintActions back={{ href: reportPath(r().id), text: 'Back to the report' }} />
        <ReportFacts report={r()} />
        <p class="govuk-body-s">As shown in the Partnership Reform Portal on {formatDateTime(new Date().toISOString())}.</p>
        <For each={r().sections}>
          {(s) => (
            <Section headingId={`print-${s.key}`} title={s.heading} class="app-report-section app-report-section--print">
              <SourcedText text={s.text} sources={s.sources} prefix={s.key} testId={`text-${s.key}`} />
              <SourceList sources={s.sources} prefix={s.key} title={`Sources for "${s.heading}"`} print class="app-source-list--notes" />
            </Section>
          )}
        </For>
      </Page>
    </PrintDocument>
  );
}

/** `/reports/:reportId/print`: the report to print or save as PDF. */
export default function ReportPrintPage() {
  const params = useParams<{ reportId: string }>();
  const [report] = useReport(() => params.reportId);
  return (
    <Loaded data={report} loading="Loading the report…" failed={{ back: BACK_TO_REPORTS, title: 'The report could not be loaded', notFoundTitle: 'Report not found' }}>
      {(r) => <Printout report={r()} />}
    </Loaded>
  );
}
