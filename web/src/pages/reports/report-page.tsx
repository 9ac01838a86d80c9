import { useParams } from '@solidjs/router';
import { For } from 'solid-js';
import { useReport, type YearlyReport } from '../../api/reports.js';
import { ContentsList } from '../../components/contents-list.js';
import { useLocationFlash } from '../../components/flash-banner.js';
import { useJumpToHash } from '../../components/jump-to.js';
import { Loaded } from '../../components/loaded.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import { BACK_TO_REPORTS, REPORTS_PATH } from './paths.js';
import { ReportActions } from './report-actions.js';
import { ReportFacts } from './report-facts.js';
import { ReportSection, sectionHeadingId } from './report-section.js';
import './reports.css';

function ReportView(props: { report: YearlyReport }) {
  const app = useApp();
  const lead = () => app.me()?.role === 'lead';
  const [flash, setFlash] = useLocationFlash();
  const r = () => props.report;
  // Back from a section's editor, the page opens at that section (`#section-impact`).
  useJumpToHash((id) => r().sections.some((s) => sectionHeadingId(s.key) === id));
  return (
    <Page title={r().title} caption="Yearly partnership report" flash={flash()} backLink={{ href: REPORTS_PATH, text: 'All yearly reports' }}>
      <ReportFacts report={r()} />
      <ReportActions report={r()} canEdit={lead()} onDone={setFlash} />
      <ContentsList class="app-report-contents" sections={r().sections.map((s) => ({ id: sectionHeadingId(s.key), label: s.heading }))} />
      <For each={r().sections}>{(s) => <ReportSection reportId={r().id} section={s} canEdit={lead()} />}</For>
    </Page>
  );
}

/** `/reports/:reportId`: the yearly report, section by section, each figure beside the record it comes from. */
export default function ReportPage() {
  const params = useParams<{ reportId: string }>();
  const [report] = useReport(() => params.reportId);
  return (
    <Loaded data={report} loading="Loading the report…" failed={{ back: BACK_TO_REPORTS, title: 'The report could not be loaded', notFoundTitle: 'Report not found' }}>
      {(r) => <ReportView report={r()} />}
    </Loaded>
  );
}
