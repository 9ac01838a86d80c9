import { Show } from 'solid-js';
import { useReports } from '../../api/reports.js';
import { EmptyStateLink } from '../../components/empty-state.js';
import { useLocationFlash } from '../../components/flash-banner.js';
import { InsetText } from '../../components/inset-text.js';
import { Loaded } from '../../components/loaded.js';
import { Page } from '../../components/page.js';
import { problemMessage } from '../../components/problem-page.js';
import { useApp } from '../../state.js';
import { DraftForm } from './draft-form.js';
import { ReportList } from './report-list.js';
import './reports.css';

/** When there is no report yet: what to do next, as the lead or the executive. */
function NoReports(props: { lead: boolean }) {
  return (
    <Show
      when={props.lead}
      fallback={
        <EmptyStateLink
          text="The programme lead has not drafted a yearly report yet. When they have, you can read it here, print it and download it as a Word document."
          href="/tracker"
          link="Go to the shared tracker"
        />
      }
    >
      <InsetText testId="no-reports">No yearly report has been drafted yet. Choose the last quarter of the 12 months it covers below, then draft it.</InsetText>
    </Show>
  );
}

/** `/reports`: the yearly partnership reports, and for the lead the form that drafts one. */
export default function ReportsPage() {
  const app = useApp();
  const role = () => app.me()?.role;
  const lead = () => role() === 'lead';
  const [reports] = useReports(() => role() === 'lead' || role() === 'executive');
  const [flash] = useLocationFlash();
  return (
    <Page title="Yearly partnership reports" caption={app.partnershipName()} flash={flash()}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <p class="govuk-body">
            Working Together to Safeguard Children 2023 asks the safeguarding partners to publish a report every year: what they did, how effective the arrangements were, and their
            plans for the next year.
          </p>
          <p class="govuk-body">
            The portal drafts the report from its records for any 12 months. Every figure it writes links to the record it comes from. The programme lead then edits the draft
            before it is published.
          </p>
        </div>
      </div>
      <Loaded data={reports} loading="Loading the yearly reports…" error={<p class="govuk-body">{problemMessage(reports.error)} Reload the page to try again.</p>}>
        {(list) => (
          <Show when={list().length > 0} fallback={<NoReports lead={lead()} />}>
            <ReportList reports={list()} />
          </Show>
        )}
      </Loaded>
      <Show when={lead()}>
        <DraftForm reports={reports() ?? []} />
      </Show>
    </Page>
  );
}
