import { For } from 'solid-js';
import { CONFIDENCE_LABELS, MILESTONE_STATUS_LABELS, type Confidence, type MilestoneStatus } from '../../../../shared/returns/schema.js';
import type { Milestone } from '../../../../shared/workstreams/milestone.js';
import { Details } from '../../components/details.js';
import '../../components/multiline.css';
import { NumberedRows, SummaryList, SummaryRow } from '../../components/summary-list.js';
import { riskLines, sentIndicatorRows, type SectionFormValues as FormState } from '../../../../shared/returns/section-form.js';
import type { IndicatorSeries } from '../../api/measures.js';

/*
 * When someone else saved first and their version is in the form: what this person had typed,
 * kept on the page so they can copy it back.
 */

export function YourText(props: { text: FormState; milestones: Milestone[]; indicators: IndicatorSeries[]; threshold: number }) {
  const t = () => props.text;
  const title = (id: string) => props.milestones.find((x) => x.id === id)?.title ?? id;
  const indicatorName = (id: string) => props.indicators.find((x) => x.id === id)?.name ?? id;
  return (
    <div class="govuk-inset-text app-your-text" id="your-text" tabindex="-1">
      <h2 class="govuk-heading-s">Their version is now in the form</h2>
      <p class="govuk-body">Your text was not saved. It is below so you can copy anything you still need into the form, then save again.</p>
      <Details summary="Your text" open>
        <SummaryList class="app-summary-list">
          <SummaryRow key="Delivery confidence" actions={false}>
            {t().confidence ? CONFIDENCE_LABELS[t().confidence as Confidence] : 'Not chosen'}
          </SummaryRow>
          <SummaryRow key="Progress this quarter" actions={false}>
            <p class="app-multiline app-copyable" data-testid="your-narrative">
              {t().narrative || 'Empty'}
            </p>
          </SummaryRow>
          <For each={t().milestones.filter((m) => m.note)}>
            {(m) => (
              <SummaryRow key={title(m.milestoneId)} actions={false} valueClass="app-multiline">
                {MILESTONE_STATUS_LABELS[m.status as MilestoneStatus]}: {m.note}
              </SummaryRow>
            )}
          </For>
          <NumberedRows noun="Risk" items={t().risks} text={riskLines} />
          <NumberedRows noun="Escalation" items={t().escalations} text={(e) => e.summary} />
          <For each={sentIndicatorRows(t()).map((k) => t().indicators[k]!)}>
            {(v) => (
              <SummaryRow key={indicatorName(v.indicatorId)} actions={false} valueClass="app-multiline app-copyable">
                {[v.belowThreshold ? `Fewer than ${props.threshold}` : v.value || 'No value', v.note].filter(Boolean).join('\n')}
              </SummaryRow>
            )}
          </For>
          <NumberedRows noun="Measure" items={t().metrics} text={(m) => `${m.name}: ${m.value}`} />
        </SummaryList>
      </Details>
    </div>
  );
}
