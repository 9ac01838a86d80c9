import { Show } from 'solid-js';
import { periodLabel } from '../../../../shared/periods/period.js';
import type { YearlyReport } from '../../api/reports.js';
import { formatDateTime } from '../../components/format.js';
import { windowWords } from './paths.js';

const inWords = (ids: readonly string[]) => {
  const labels = ids.map(periodLabel);
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}` : (labels[0] ?? '');
};

/** What a report covers, which of its quarters the portal holds, and who drafted and changed it when. */
export function ReportFacts(props: { report: YearlyReport }) {
  const r = () => props.report;
  return (
    <div class="app-report-facts" data-testid="report-facts">
      <p class="govuk-body">
        <strong>Covers {windowWords(r())}.</strong>{' '}
        <Show when={r().periodIds.length < 4} fallback="The portal holds the returns of all 4 quarters.">
          {r().periodIds.length === 0
            ? 'The portal holds no returns for these quarters.'
            : `The portal holds returns for ${inWords(r().periodIds)} only: the other quarters were not opened in the portal.`}
        </Show>
      </p>
      <p class="govuk-body-s app-report-facts__changed">
        Drafted by {r().generatedByName} on {formatDateTime(r().generatedAt)}, last changed by {r().updatedByName} on {formatDateTime(r().updatedAt)}.
      </p>
    </div>
  );
}
