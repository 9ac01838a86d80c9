import { useParams } from '@solidjs/router';
import { useReport } from '../../api/reports.js';
import { Loaded } from '../../components/loaded.js';
import { ProblemPage } from '../../components/problem-page.js';
import { LeadOnly } from '../../components/role-guard.js';
import { useApp } from '../../state.js';
import { BACK_TO_REPORTS, reportPath } from './paths.js';
import { SectionEditForm } from './section-edit-form.js';
import './reports.css';

/** `/reports/:reportId/sections/:sectionKey/edit`: the lead edits one section of the yearly report. */
export default function SectionEditPage() {
  const app = useApp();
  const params = useParams<{ reportId: string; sectionKey: string }>();
  // Only the lead's page loads anything.
  const [report] = useReport(() => app.me()?.role === 'lead' && params.reportId);
  const back = () => ({ href: reportPath(params.reportId), text: 'Back to the report' });
  return (
    <LeadOnly title="You cannot edit the yearly report" reason="Only the programme lead edits the yearly report. You can read it, print it and download it." back={back()}>
      <Loaded
        data={report}
        pick={(r) => {
          const section = r.sections.find((s) => s.key === params.sectionKey);
          return section ? { report: r, section } : null;
        }}
        loading="Loading the section…"
        failed={{ back: BACK_TO_REPORTS, title: 'The report could not be loaded', notFoundTitle: 'Report not found' }}
        notFound={
          <ProblemPage title="Section not found" back={back()}>
            <p class="govuk-body">The report has no section called {params.sectionKey}. Check the address is right.</p>
          </ProblemPage>
        }
      >
        {(ctx) => <SectionEditForm report={ctx().report} section={ctx().section} />}
      </Loaded>
    </LeadOnly>
  );
}
