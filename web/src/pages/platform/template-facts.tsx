import { For } from 'solid-js';
import type { TemplateDetail } from '../../api/platform.js';
import { Section } from '../../components/section.js';
import { SummaryList, SummaryRow } from '../../components/summary-list.js';
import { count } from '../../../../shared/text/plural.js';
import { typesInWords } from './workstream-fields.js';

type Draft = TemplateDetail['draft']['template'];

const QUARTERS: Record<number, string> = { 1: 'April to June', 2: 'July to September', 3: 'October to December', 4: 'January to March' };

const dueWords = (due: Draft['reportingCalendar']['dueDate']) =>
  due.rule === 'end-of-next-month' ? 'On the last day of the month after the quarter ends' : `${due.days} days after the quarter ends`;

/**
 * What else the template brings, shown rather than edited here: its go-live readiness criteria by
 * workstream (the programme lead edits them once the partnership exists), its reporting calendar
 * and who approves the threshold document.
 */
export function TemplateFacts(props: { template: Draft; workstreamName: (index: number) => string }) {
  const groups = () =>
    props.template.workstreams
      .map((w, i) => ({ name: props.workstreamName(i), criteria: props.template.readinessCriteria.filter((c) => c.workstreamId === w.id) }))
      .filter((g) => g.criteria.length > 0);
  return (
    <>
      <Section headingId="readiness-heading" title="Go-live readiness criteria">
        <p class="govuk-body" data-testid="criteria-count">
          {props.template.readinessCriteria.length} go-live readiness criteria come from the template. Each is assessed by the partnership’s agencies of the types it names. Any
          that no agency of the partnership can assess is left out.
        </p>
        <p class="govuk-body">You cannot change them here. Once the partnership is created, its programme lead can change them and add others.</p>
        <For each={groups()}>
          {(g) => (
            <>
              <h3 class="govuk-heading-s">
                {g.name}: {count(g.criteria.length, 'criterion', 'criteria')}
              </h3>
              <ul class="govuk-list govuk-list--bullet">
                <For each={g.criteria}>{(c) => <li>{c.title}</li>}</For>
              </ul>
            </>
          )}
        </For>
      </Section>
      <Section headingId="reporting-heading" title="Reporting and the threshold document">
        <p class="govuk-body">These come from the template.</p>
        <SummaryList id="template-calendar">
          <SummaryRow key="Quarters reported on">
            <ul class="govuk-list">
              <For each={props.template.reportingCalendar.quarters}>{(q) => <li>{`Quarter ${q} (${QUARTERS[q]})`}</li>}</For>
            </ul>
          </SummaryRow>
          <SummaryRow key="Returns due">{dueWords(props.template.reportingCalendar.dueDate)}</SummaryRow>
          <SummaryRow key="Threshold document approved by">Each statutory partner among the {typesInWords(props.template.thresholdSignatoryAgencyTypes)} agencies</SummaryRow>
        </SummaryList>
      </Section>
    </>
  );
}
