import './programme.css';
import { A, useLocation } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { formatDayLong, periodLabel } from '../../../../shared/periods/period.js';
import { usePeriods, useWorkstreams } from '../../api/returns.js';
import type { SummaryError } from '../../components/error-summary.js';
import { Loading } from '../../components/loading.js';
import { Page } from '../../components/page.js';
import { WorkstreamMilestones } from './milestones.js';
import { PeriodsSection } from './periods.js';
import { SetUpLists } from './set-up-lists.js';

/**
 * The programme's structure, run by the lead: workstreams and agencies, reporting periods and each
 * workstream's milestones. The lists come from the cache; each change invalidates what it changed,
 * so they reload here. A change made on another page comes back here with its message.
 */
export function ProgrammePage() {
  const [periods] = usePeriods();
  const [workstreams] = useWorkstreams();
  // What a change made on another page (adding a workstream...) came back here to say, then what is done here.
  const [message, setMessage] = createSignal(useLocation<{ flash?: string }>().state?.flash ?? '');
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const events = {
    onChanged: (m: string) => {
      setErrors([]);
      setMessage(m);
    },
    onError: setErrors,
  };
  return (
    <Page title="Programme set-up" flash={message()} errors={errors()}>
      <p class="govuk-body-l">
        Set up the workstreams and agencies, open reporting periods and keep each workstream's milestones up to date. Agencies report against these in their returns.
      </p>
      <p class="govuk-body">
        <A class="govuk-link" href="/programme/erase">
          Erase personal data saved by mistake
        </A>
      </p>
      <SetUpLists events={events} />
      <h2 class="govuk-heading-m">Reporting periods</h2>
      <Show when={periods()} fallback={<Loading label="Loading reporting periods" />}>
        {(ps) => (
          <PeriodsSection periods={ps()} onOpened={(p) => setMessage(`${periodLabel(p.id)} is open. Agencies can now start their returns, due ${formatDayLong(p.dueDate)}.`)} />
        )}
      </Show>
      <h2 class="govuk-heading-m">Milestones by workstream</h2>
      <Show when={workstreams()} fallback={<Loading label="Loading milestones" />}>
        {(list) => <For each={list().filter((w) => !w.retiredAt)}>{(w) => <WorkstreamMilestones workstream={w} events={events} />}</For>}
      </Show>
    </Page>
  );
}
