import { MEANS_TESTED_LABELS, whoItIsFor } from '../../../../shared/kinship/labels.js';
import type { PublicItem } from '../../../../shared/kinship/schema.js';
import { LinkedText } from '../../components/markdown.js';
import { SummaryList, SummaryRow } from '../../components/summary-list.js';

/** One item of the public offer: what it is, who it is for, how to ask for it. */
export function OfferItem(props: { item: PublicItem }) {
  const i = () => props.item;
  const headingId = () => `item-${i().id}`;
  return (
    <article class="app-offer-item" aria-labelledby={headingId()}>
      <h3 class="govuk-heading-s app-offer-item__title" id={headingId()}>
        {i().title}
      </h3>
      <p class="govuk-body app-prewrap">{i().summary}</p>
      <SummaryList class="app-offer-item__facts">
        <SummaryRow key="Who it is for">{whoItIsFor(i())}</SummaryRow>
        <SummaryRow key="Who can get it" when={i().eligibility}>
          {i().eligibility}
        </SummaryRow>
        <SummaryRow key="How to ask for it" when={i().howToApply}>
          {i().howToApply}
        </SummaryRow>
        <SummaryRow key="Means-tested">{MEANS_TESTED_LABELS[i().meansTested] ?? i().meansTested}</SummaryRow>
        <SummaryRow key="How decisions are made" when={i().howDecisionsAreMade}>
          {i().howDecisionsAreMade}
        </SummaryRow>
        <SummaryRow key="Who provides it" when={i().provider}>
          {i().provider}
        </SummaryRow>
        <SummaryRow key="Contact" valueClass="app-prewrap" when={i().contact}>
          <LinkedText text={i().contact} />
        </SummaryRow>
      </SummaryList>
    </article>
  );
}
