import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { MatrixAssessment, MatrixCriterion } from '../../api/readiness.js';
import { formatDateTime, formatDoneBy } from '../../components/format.js';
import { SummaryList, SummaryRow } from '../../components/summary-list.js';
import { OverdueTag } from '../../components/tag.js';
import { useApp } from '../../state.js';
import { awaitsCheck, DERIVATION_SOURCES } from '../../../../shared/readiness/words.js';
import { day } from './readiness-ui.js';
import { AssessmentStatusTag, ValidationTag } from '../../components/status-tags.js';

/** What the criterion asks for and by when. */
export function CriterionSummary(props: { criterion: MatrixCriterion }) {
  const c = () => props.criterion;
  return (
    <SummaryList>
      <SummaryRow key="Description">{c().description || 'No description.'}</SummaryRow>
      <SummaryRow key="Evidence expected">{c().evidenceExpected || 'Not specified.'}</SummaryRow>
      <SummaryRow key="Target date">{day(c().targetDate)}</SummaryRow>
      <Show when={c().derivedFrom}>
        {(d) => (
          <SummaryRow key="Derived">
            <A class="govuk-link" href={DERIVATION_SOURCES[d()].href}>
              {DERIVATION_SOURCES[d()].text}
            </A>
          </SummaryRow>
        )}
      </Show>
    </SummaryList>
  );
}

function Links(props: { links: string[] }) {
  return (
    <Show when={props.links.length > 0} fallback="None given.">
      <ul class="govuk-list">
        <For each={props.links}>
          {(l) => (
            <li>
              <a class="govuk-link app-code" href={l} rel="noopener noreferrer" target="_blank">
                {l} (opens in new tab)
              </a>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** The agency's assessment: status, evidence, dates, and whether the lead has checked it. */
export function AssessmentSummary(props: { assessment: MatrixAssessment }) {
  const app = useApp();
  const a = () => props.assessment;
  return (
    <SummaryList testId="assessment">
      <SummaryRow key="Status">
        <AssessmentStatusTag status={a().status} />
      </SummaryRow>
      <SummaryRow key="Evidence">
        <Show when={a().evidence} fallback="None given.">
          <span class="app-preserve-lines">{a().evidence}</span>
        </Show>
      </SummaryRow>
      <SummaryRow key="Links">
        <Links links={a().links} />
      </SummaryRow>
      <SummaryRow key="Target date">
        {day(a().targetDate)}
        <OverdueTag when={a().overdue} />
      </SummaryRow>
      <SummaryRow key="Why it does not apply" when={a().status === 'not-applicable'}>
        {a().reason ?? 'No reason given.'}
      </SummaryRow>
      <SummaryRow key="Last updated">{a().updatedAt ? formatDoneBy(a().updatedAt, a().updatedByName ?? app.agencyName(a().agencyId)) : 'Not assessed yet'}</SummaryRow>
      <SummaryRow key="Validation">
        <Show when={a().validation} fallback={awaitsCheck(a()) ? 'Waiting for the programme lead to check it' : 'Not checked yet'}>
          {(v) => (
            <>
              <ValidationTag validation={v()} /> by {v().byName}, {formatDateTime(v().at)}
              <Show when={v().comment}>
                <span class="app-readiness-cell__note">“{v().comment}”</span>
              </Show>
            </>
          )}
        </Show>
      </SummaryRow>
    </SummaryList>
  );
}
