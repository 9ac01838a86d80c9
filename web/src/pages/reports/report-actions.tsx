import { Show } from 'solid-js';
import { downloadReportDocx, getReport, regenerateReport, reportSaved, type YearlyReport } from '../../api/reports.js';
import { DownloadButton } from '../../components/download-button.js';
import { ButtonForm } from '../../components/button-form.js';
import { createFormState } from '../../components/form-state.js';
import { LinkLine } from '../../components/link-line.js';
import { reportPrintPath } from './paths.js';

/** The lead drafts the sections not edited again from the records as they are now. */
function DraftAgain(props: { report: YearlyReport; onDone: (message: string) => void }) {
  const form = createFormState();
  const submit = () => {
    const { id, version } = props.report;
    void form.save(
      async () => {
        const saved = await regenerateReport(id, version);
        await reportSaved(saved);
        props.onDone(
          saved.version === version
            ? 'Nothing in the records has changed since the last draft, so the report is as it was.'
            : 'The sections you have not edited have been drafted again from the records. Sections you edited are as you left them.',
        );
      },
      {
        onStale: () => {
          form.setErrors([{ message: 'Someone changed the report after you opened this page. It has been reloaded: check it, then draft it again if you still need to.' }]);
          void getReport(id).then(reportSaved);
        },
        fallback: 'The report could not be drafted again. Try again.',
      },
    );
  };
  return (
    <ButtonForm
      form={form}
      onSubmit={submit}
      class="app-report-again"
      headingId="draft-again-heading"
      title="Draft the report again"
      label="Draft again from the records"
      busyLabel="Drafting again…"
    >
      <p class="govuk-body">
        If returns have been accepted or records changed since the draft, the portal can write the sections again. Sections you have edited keep your text and their sources.
      </p>
    </ButtonForm>
  );
}

/** Download, print, and for the lead drafting again: above the report, left out on paper. */
export function ReportActions(props: { report: YearlyReport; canEdit: boolean; onDone: (message: string) => void }) {
  return (
    <div class="app-report-actions app-no-print">
      <DownloadButton label="Download as Word (.docx)" what="the Word document of the report" download={() => downloadReportDocx(props.report.id)} />
      <LinkLine href={reportPrintPath(props.report.id)}>Print or save as PDF</LinkLine>
      <Show when={props.canEdit}>
        <DraftAgain report={props.report} onDone={props.onDone} />
      </Show>
    </div>
  );
}
