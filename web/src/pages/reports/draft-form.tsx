import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { type Period, periodBounds, previousPeriodId } from '../../../../shared/periods/period.js';
import { createReport, reportSaved, type YearlyReportSummary } from '../../api/reports.js';
import { usePeriods } from '../../api/returns.js';
import { EmptyStateLink } from '../../components/empty-state.js';
import { Form } from '../../components/form.js';
import { createFormState } from '../../components/form-state.js';
import { Loaded } from '../../components/loaded.js';
import { latestClosedPeriod, PeriodRadios } from '../../components/period-radios.js';
import { problemMessage } from '../../components/problem-page.js';
import { Section } from '../../components/section.js';
import { reportPath, windowWords } from './paths.js';

const FIELD = 'last-period';

/** The 12 months that end with a quarter: from the start of the quarter three before it. */
const windowOf = (lastPeriodId: string) => ({ start: periodBounds(previousPeriodId(previousPeriodId(previousPeriodId(lastPeriodId)))).start, end: periodBounds(lastPeriodId).end });

function ChooseQuarter(props: { periods: readonly Period[]; reports: readonly YearlyReportSummary[] }) {
  const navigate = useNavigate();
  // The latest closed quarter first: its returns are in.
  const [chosen, setChosen] = createSignal(latestClosedPeriod(props.periods));
  const form = createFormState();
  const drafted = (id: string) => props.reports.some((r) => r.id === id);

  const submit = () => {
    const lastPeriodId = chosen();
    if (!lastPeriodId) {
      form.setErrors([{ field: FIELD, message: 'Choose the last quarter of the 12 months the report covers' }]);
      return;
    }
    void form.save(
      async () => {
        const report = await createReport(lastPeriodId);
        await reportSaved(report);
        navigate(reportPath(report.id), {
          state: { flash: `The report for ${windowWords(report)} has been drafted from the records. Check each section and edit it where you need to.` },
        });
      },
      {
        field: (path) => (path === 'lastPeriodId' ? FIELD : undefined),
        conflict: { href: reportPath(lastPeriodId), message: `There is already a report for ${windowWords(windowOf(lastPeriodId))}: open it to edit it or draft it again` },
        fallback: 'The report could not be drafted. Try again.',
      },
    );
  };

  return (
    <Form form={form} onSubmit={submit} submit={form.busy() ? 'Drafting the report…' : 'Draft the report'} labelledBy="draft-heading">
      <PeriodRadios
        id={FIELD}
        legend="Last quarter of the 12 months"
        hint="The report covers this quarter and the 3 before it. It uses the returns you accepted for those quarters, and the outcome measures, milestones, readiness, threshold document and Kinship Local Offer as they are now."
        error={form.err(FIELD)}
        periods={props.periods}
        value={chosen()}
        onChange={setChosen}
        optionHint={(id) => `Covers ${windowWords(windowOf(id))}${drafted(id) ? ' (already drafted)' : ''}`}
      />
    </Form>
  );
}

/** The lead's form to draft a report: which 12 months, by the last quarter of them. */
export function DraftForm(props: { reports: readonly YearlyReportSummary[] }) {
  const [periods] = usePeriods();
  return (
    <Section headingId="draft-heading" title="Draft a report" class="app-report-draft">
      <Loaded data={periods} loading="Loading the reporting periods…" error={<p class="govuk-body">{problemMessage(periods.error)} Reload the page to try again.</p>}>
        {(list) => (
          <Show
            when={list().length > 0}
            fallback={
              <EmptyStateLink
                text="No reporting period has been opened yet, so there are no records to draft a report from."
                href="/programme"
                link="Open a reporting period in programme set-up"
              />
            }
          >
            <ChooseQuarter periods={list()} reports={props.reports} />
          </Show>
        )}
      </Loaded>
    </Section>
  );
}
