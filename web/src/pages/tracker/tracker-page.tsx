import { createSignal, For, Show } from 'solid-js';
import { comparePeriodIds, formatDayLong, periodLabel, periodLongLabel } from '../../../../shared/periods/period.js';
import type { Tracker } from '../../api/tracker.js';
import { formatDateTime } from '../../components/format.js';
import { NotificationBanner } from '../../components/notification-banner.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import { Downloads } from './downloads.js';
import { OverallForm } from './overall-form.js';
import { TrackerSections } from './sections/index.js';
import { TrackerLoader, useTracker } from './tracker-data.js';
import './tracker.css';

const periodOption = (p: { id: string; status: string }) => `${periodLabel(p.id)}: ${periodLongLabel(p.id)}${p.status === 'open' ? ' (open)' : ''}`;

function PeriodPicker(props: { t: Tracker; onChoose: (id: string) => void }) {
  let select!: HTMLSelectElement;
  const periods = () => [...props.t.periods].sort((a, b) => comparePeriodIds(b.id, a.id));
  return (
    <form
      class="app-period-picker app-no-print"
      onSubmit={(e) => {
        e.preventDefault();
        props.onChoose(select.value);
      }}
    >
      <div class="govuk-form-group app-period-picker__group">
        <label class="govuk-label govuk-label--s" for="period">
          Reporting period
        </label>
        <select id="period" name="periodId" class="govuk-select" ref={select} value={props.t.period.id}>
          <For each={periods()}>{(p) => <option value={p.id}>{periodOption(p)}</option>}</For>
        </select>
      </div>
      <button type="submit" class="govuk-button govuk-button--secondary app-period-picker__button">
        Show period
      </button>
    </form>
  );
}

function TrackerView(props: { t: () => Tracker; onChoose: (id: string) => void }) {
  const app = useApp();
  const role = () => app.me()?.role;
  const t = () => props.t();
  const [flash, setFlash] = createSignal('');
  return (
    <Page title="Shared tracker" caption={app.partnershipName()}>
      <Show when={flash()}>
        <NotificationBanner type="success">
          <p class="govuk-notification-banner__heading">{flash()}</p>
        </NotificationBanner>
      </Show>
      <p class="govuk-body-l">Where the reform stands across every workstream and agency. Every figure links to the detail behind it.</p>
      <PeriodPicker t={t()} onChoose={props.onChoose} />
      <p class="govuk-body" data-testid="tracker-period">
        Showing {periodLabel(t().period.id)} ({periodLongLabel(t().period.id)}). Returns due {formatDayLong(t().period.dueDate)}. Figures as at {formatDateTime(t().generatedAt)}.
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href={`/board-report?periodId=${encodeURIComponent(t().period.id)}`}>
          Board report for {periodLabel(t().period.id)}
        </a>{' '}
        (a printable version to save as PDF for board papers)
      </p>
      <TrackerSections
        t={t()}
        afterConfidence={
          <Show when={role() === 'lead'}>
            <OverallForm
              t={t()}
              onSaved={(m) => {
                setFlash(m);
                window.scrollTo(0, 0);
              }}
            />
          </Show>
        }
      />
      <Show when={role() === 'lead' || role() === 'executive'}>
        <Downloads periodId={t().period.id} periodName={periodLabel(t().period.id)} />
      </Show>
    </Page>
  );
}

/** `/tracker`, and the executive's home page: the shared tracker for a chosen period. */
export function TrackerPage() {
  const data = useTracker();
  return (
    <TrackerLoader data={data} title="Shared tracker">
      {(t) => <TrackerView t={t} onChoose={(periodId) => data.setSearch({ periodId })} />}
    </TrackerLoader>
  );
}
