import { A } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { formatDayLong, nextPeriodId, periodBounds, periodLabel, periodLongLabel } from '../../../../shared/periods/period.js';
import { openPeriod, periodOpened } from '../../api/programme.js';
import type { Period } from '../../api/returns.js';
import { DataTable } from '../../components/data-table.js';
import { dateError, DateInput } from '../../components/date-input.js';
import { createFormState } from '../../components/form-state.js';
import { Tag } from '../../components/tag.js';
import { Form } from '../../components/form.js';

/** The lead opens the next reporting period. */
function OpenPeriodForm(props: { periods: Period[]; onOpened: (p: Period) => void }) {
  const latest = () => props.periods[0]?.id;
  const suggested = () => (latest() ? nextPeriodId(latest()!) : '2026-27-Q1');
  const form = createFormState();
  const [due, setDue] = createSignal('');
  const submit = async () => {
    const dueError = dateError(due(), 'Due date');
    if (dueError) return form.setErrors([{ field: 'period-dueDate', message: dueError }]);
    await form.save(
      async () => {
        const p = await openPeriod({ id: suggested(), dueDate: due() });
        void periodOpened();
        props.onOpened(p);
      },
      { field: (path) => `period-${path}`, fallback: 'Something went wrong. Try again.' },
    );
  };
  return (
    <Form class="app-programme-form" onSubmit={submit} form={form} submit="Open the period">
      <h3 class="govuk-heading-s">
        Open {periodLabel(suggested())} ({periodLongLabel(suggested())})
      </h3>
      <DateInput
        id="period-dueDate"
        legend="Returns due by"
        legendClass=""
        hint={`The quarter ends on ${formatDayLong(periodBounds(suggested()).end)}. Agencies usually have a month after that.`}
        error={form.err('period-dueDate')}
        value={due()}
        onChange={setDue}
      />
    </Form>
  );
}

/** The reporting periods opened so far, and the form to open the next one. */
export function PeriodsSection(props: { periods: Period[]; onOpened: (p: Period) => void }) {
  return (
    <>
      <DataTable<Period>
        caption="Reporting periods"
        rows={props.periods}
        empty={<p class="govuk-body">No reporting period has been opened yet. Open the first one below so agencies can start their returns.</p>}
        columns={[
          {
            key: 'period',
            header: 'Period',
            cell: (p) => (
              <A class="govuk-link" href={`/returns?periodId=${p.id}`}>
                {periodLabel(p.id)}
              </A>
            ),
          },
          { key: 'dates', header: 'Dates', cell: (p) => periodLongLabel(p.id) },
          { key: 'due', header: 'Returns due', cell: (p) => formatDayLong(p.dueDate) },
          { key: 'status', header: 'Status', cell: (p) => <Tag colour={p.status === 'open' ? 'green' : 'grey'}>{p.status === 'open' ? 'Open' : 'Closed'}</Tag> },
        ]}
      />
      <OpenPeriodForm periods={props.periods} onOpened={props.onOpened} />
    </>
  );
}
