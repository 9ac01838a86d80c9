import { For } from 'solid-js';
import { CONFIDENCE_LABELS, MILESTONE_STATUS_LABELS, type Confidence, type MilestoneStatus } from '../../../../shared/returns/schema.js';
import type { Milestone } from '../../../../shared/workstreams/milestone.js';
import { SummaryList, SummaryRow } from '../../components/summary-list.js';
import type { FormState } from './section-form-state.js';

/*
 * When someone else saved first: a panel saying so, with a button to load their version; then,
 * once it is in the form, what this person had typed, kept on the page so they can copy it back.
 */

export function ConflictPanel(props: { reloading: boolean; onReload(): void }) {
  return (
    <div class="govuk-error-summary app-conflict" tabindex="-1" id="conflict">
      <div role="alert">
        <h2 class="govuk-error-summary__title">Someone else saved this return first</h2>
        <div class="govuk-error-summary__body">
          <p class="govuk-body">
            Someone else in your agency saved the return after you opened this page, so your changes to this section have <strong>not</strong> been saved. Your text is still in the
            form below.
          </p>
          <p class="govuk-body">Reload their version to see what they saved. Your text will stay on this page so you can copy it back in.</p>
          <button type="button" class="govuk-button govuk-button--secondary app-button--tight" disabled={props.reloading} onClick={() => props.onReload()}>
            Reload their version
          </button>
        </div>
      </div>
    </div>
  );
}

/** Rows of numbered items ("Risk 2") with their text. */
function NumberedRows<T>(props: { noun: string; items: T[]; text: (item: T) => string }) {
  return (
    <For each={props.items}>
      {(item, i) => (
        <SummaryRow key={`${props.noun} ${i() + 1}`} actions={false} valueClass="app-multiline">
          {props.text(item)}
        </SummaryRow>
      )}
    </For>
  );
}

const riskText = (r: FormState['risks'][number]) =>
  [r.title, r.likelihood && r.impact ? `${r.likelihood}${r.impact}` : '', r.description, r.mitigation && `Mitigation: ${r.mitigation}`, r.owner && `Owner: ${r.owner}`]
    .filter(Boolean)
    .join('\n');

export function YourText(props: { text: FormState; milestones: Milestone[] }) {
  const t = () => props.text;
  const title = (id: string) => props.milestones.find((x) => x.id === id)?.title ?? id;
  return (
    <div class="govuk-inset-text app-your-text" id="your-text" tabindex="-1">
      <h2 class="govuk-heading-s">Their version is now in the form</h2>
      <p class="govuk-body">Your text was not saved. It is below so you can copy anything you still need into the form, then save again.</p>
      <details class="govuk-details" open>
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">Your text</span>
        </summary>
        <div class="govuk-details__text">
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
            <NumberedRows noun="Risk" items={t().risks} text={riskText} />
            <NumberedRows noun="Escalation" items={t().escalations} text={(e) => e.summary} />
            <NumberedRows noun="Measure" items={t().metrics} text={(m) => `${m.name}: ${m.value}`} />
          </SummaryList>
        </div>
      </details>
    </div>
  );
}
