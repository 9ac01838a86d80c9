import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { formatDayLong, periodLabel, periodLongLabel } from '../../../../shared/periods/period.js';
import type { Tracker } from '../../api/tracker.js';
import { formatDateTime } from '../../components/format.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import { HeadlineStrip } from './headline-strip.js';
import { TrackerSections } from './sections/index.js';
import { TrackerLoader, useTracker } from './tracker-data.js';
import '../../components/print-document.css';
import './tracker.css';

function Report(props: { t: () => Tracker }) {
  const app = useApp();
  const t = () => props.t();
  const title = () => `Reform progress report: ${periodLabel(t().period.id)}`;
  return (
    <article class="app-board-report app-print-document">
      <Page title={title()} caption={app.partnershipName()}>
        <div class="app-board-report__meta">
          <p class="govuk-body">
            Reporting period: {periodLabel(t().period.id)} ({periodLongLabel(t().period.id)}). Returns were due {formatDayLong(t().period.dueDate)}.
          </p>
          <p class="govuk-body">Figures as at {formatDateTime(t().generatedAt)}, from the Partnership Reform Portal shared tracker.</p>
        </div>
        <div class="app-board-report__actions app-no-print">
          <button type="button" class="govuk-button" onClick={() => window.print()}>
            Print or save as PDF
          </button>
          <p class="govuk-body">
            <A class="govuk-link" href={`/tracker?periodId=${encodeURIComponent(t().period.id)}`}>
              Back to the tracker
            </A>
          </p>
        </div>
        <HeadlineStrip t={t()} showHeading />
        <Show when={t().escalations.length > 0}>
          <div class="app-board-report__summary">
            <h2 class="govuk-heading-m">For the executive's attention</h2>
            <p class="govuk-body">
              {t().escalations.length} {t().escalations.length === 1 ? 'escalation' : 'escalations'} and {t().riskCount} open {t().riskCount === 1 ? 'risk' : 'risks'}; see "Risks
              and escalations".
            </p>
          </div>
        </Show>
        <TrackerSections t={t()} trendId="board-trend" report />
      </Page>
    </article>
  );
}

/** `/board-report?periodId=`: the tracker as a clean document to print or save as PDF for a board paper. */
export function BoardReportPage() {
  const data = useTracker();
  return (
    <TrackerLoader data={data} title="Board report">
      {(t) => <Report t={t} />}
    </TrackerLoader>
  );
}
