import { Show } from 'solid-js';
import { ARRANGEMENT_TYPES, type PublicItem } from '../../../../shared/kinship/schema.js';
import { LinkedText } from '../threshold/markdown.js';
import { arrangementLabel, audienceText, MEANS_TESTED_LABELS } from './labels.js';

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
      <dl class="govuk-summary-list app-offer-item__facts">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Who it is for</dt>
          <dd class="govuk-summary-list__value">
            {audienceText(i().audience)}, in {i().arrangementTypes.length === ARRANGEMENT_TYPES.length ? 'any kinship arrangement' : i().arrangementTypes.map((t) => arrangementLabel(t).replace(/^./, (c) => c.toLowerCase())).join(', ')}
          </dd>
        </div>
        <Show when={i().eligibility}>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Who can get it</dt>
            <dd class="govuk-summary-list__value">{i().eligibility}</dd>
          </div>
        </Show>
        <Show when={i().howToApply}>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">How to ask for it</dt>
            <dd class="govuk-summary-list__value">{i().howToApply}</dd>
          </div>
        </Show>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Means-tested</dt>
          <dd class="govuk-summary-list__value">{MEANS_TESTED_LABELS[i().meansTested] ?? i().meansTested}</dd>
        </div>
        <Show when={i().howDecisionsAreMade}>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">How decisions are made</dt>
            <dd class="govuk-summary-list__value">{i().howDecisionsAreMade}</dd>
          </div>
        </Show>
        <Show when={i().provider}>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Who provides it</dt>
            <dd class="govuk-summary-list__value">{i().provider}</dd>
          </div>
        </Show>
        <Show when={i().contact}>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Contact</dt>
            <dd class="govuk-summary-list__value app-prewrap">
              <LinkedText text={i().contact} />
            </dd>
          </div>
        </Show>
      </dl>
    </article>
  );
}
