import { Show } from 'solid-js';
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
        <Show when={i().eligibility}>
          <SummaryRow key="Who can get it">{i().eligibility}</SummaryRow>
        </Show>
        <Show when={i().howToApply}>
          <SummaryRow key="How to ask for it">{i().howToApply}</SummaryRow>
        </Show>
        <SummaryRow key="Means-tested">{MEANS_TESTED_LABELS[i().meansTested] ?? i().meansTested}</SummaryRow>
        <Show when={i().howDecisionsAreMade}>
          <SummaryRow key="How decisions are made">{i().howDecisionsAreMade}</SummaryRow>
        </Show>
        <Show when={i().provider}>
          <SummaryRow key="Who provides it">{i().provider}</SummaryRow>
        </Show>
        <Show when={i().contact}>
          <SummaryRow key="Contact" valueClass="app-prewrap">
            <LinkedText text={i().contact} />
          </SummaryRow>
        </Show>
      </SummaryList>
    </article>
  );
}
