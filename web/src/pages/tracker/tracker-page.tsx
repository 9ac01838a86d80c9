import { A } from '@solidjs/router';
import { NeedsAttention } from '../../components/attention-list.js';
import { Show } from 'solid-js';
import { comparePeriodIds, formatDayLong, periodLabel, periodLongLabel } from '../../../../shared/periods/period.js';
import type { Tracker } from '../../api/tracker.js';
import { formatDateTime } from '../../components/format.js';
import { createFlashMessage } from '../../components/flash-banner.js';
import { Page } from '../../components/page.js';
import { FigureLink } from '../../components/headline-figure.js';
import { PeriodPicker } from '../../components/period-picker.js';
import { useApp } from '../../state.js';
import { Downloads } from './downloads.js';
import { HeadlineStrip } from './headline-strip.js';
import { OverallForm } from './overall-form.js';
import { TrackerSections } from './sections/index.js';
import { TrackerLoader, useTracker } from './tracker-data.js';
import './tracker.css';

const periodOption = (p: { id: string; status: string }) => `${periodLabel(p.id)}: ${periodLongLabel(p.id)}${p.status === 'open' ? ' (open)' : ''}`;

function TrackerView(props: { t: () => Tracker; onChoose: (id: string) => void; home?: boolean }) {
  const app = useApp();
  const role = () => app.me()?.role;
  const t = () => props.t();
  const [flash, setFlash] = createFlashMessage();
  return (
    // No caption: the header names the partnership, and the headline figures need the first screen.
    <Page title="Shared tracker" flash={flash()}>
      <p class="govuk-body-s app-tracker-period" data-testid="tracker-period">
        <strong>
          Showing {periodLabel(t().period.id)} ({periodLongLabel(t().period.id)}).
        </strong>{' '}
        Returns due {formatDayLong(t().period.dueDate)}. Figures as at {formatDateTime(t().generatedAt)}.{' '}
        <FigureLink href="#period" class="govuk-link app-no-print">
          Choose another period
        </FigureLink>
      </p>
      <HeadlineStrip t={t()} />
      <Show when={props.home}>
        <NeedsAttention />
      </Show>
      <PeriodPicker
        class="app-no-print"
        labelClass="govuk-label--s"
        periods={[...t().periods].sort((a, b) => comparePeriodIds(b.id, a.id))}
        current={t().period.id}
        option={periodOption}
        button="Show period"
        onChoose={props.onChoose}
      />
      <p class="govuk-body">
        <A class="govuk-link" href={`/board-report?periodId=${encodeURIComponent(t().period.id)}`}>
          Board report for {periodLabel(t().period.id)}
        </A>{' '}
        (a printable version to save as PDF for board papers)
      </p>
      <Show when={role() === 'lead' || role() === 'executive'}>
        <p class="govuk-body app-no-print">
          <A class="govuk-link" href="/reports">
            Yearly partnership reports
          </A>{' '}
          (the report Working Together 2023 asks for each year, drafted from these records)
        </p>
      </Show>
      <TrackerSections
        t={t()}
        afterConfidence={
          <Show when={role() === 'lead'}>
            <OverallForm t={t()} onSaved={setFlash} />
          </Show>
        }
      />
      <Show when={role() === 'lead' || role() === 'executive'}>
        <Downloads periodId={t().period.id} periodName={periodLabel(t().period.id)} />
      </Show>
    </Page>
  );
}

/** `/tracker`: the shared tracker for a chosen period. */
export const TrackerPage = () => <TrackerScreen />;

/** The executive's home page: the tracker, with what needs their attention first. */
export const TrackerHomePage = () => <TrackerScreen home />;

function TrackerScreen(props: { home?: boolean }) {
  const data = useTracker();
  return (
    <TrackerLoader data={data} title="Shared tracker">
      {(t) => <TrackerView t={t} home={props.home} onChoose={(periodId) => data.setSearch({ periodId })} />}
    </TrackerLoader>
  );
}
