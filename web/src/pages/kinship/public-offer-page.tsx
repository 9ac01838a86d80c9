import { createMemo, For, Show } from 'solid-js';
import { filterOffer, leafletNote, offerSearchIndexes } from '../../../../shared/kinship/offer.js';
import { CATEGORY_LABELS, STATUTORY_CATEGORIES } from '../../../../shared/kinship/schema.js';
import { type PublicOffer, usePublicOffer } from '../../api/kinship.js';
import { Loaded } from '../../components/loaded.js';
import { Page } from '../../components/page.js';
import { formatDate } from '../../components/format.js';
import { OfferFiltersForm, useOfferFilters } from './offer-filters.js';
import { OfferItem } from './offer-item.js';
import { Section } from '../../components/section.js';
import './kinship.css';
import { InsetText } from '../../components/inset-text.js';
import { ContentsList } from '../../components/contents-list.js';

function Offer(props: { offer: PublicOffer }) {
  const filters = useOfferFilters();
  const total = () => props.offer.groups.reduce((n, g) => n + g.items.length, 0);
  // Each item's words are prepared once; a search only compiles what was typed.
  const indexes = createMemo(() => offerSearchIndexes(props.offer.groups));
  const filtered = createMemo(() => filterOffer(props.offer.groups, filters.values(), indexes()));
  const shown = () => filtered().reduce((n, g) => n + g.items.length, 0);
  const active = filters.active;
  const note = () => leafletNote(filters.values());
  const missingStatutory = () => STATUTORY_CATEGORIES.filter((c) => !props.offer.groups.some((g) => g.category === c));

  return (
    <>
      <p class="govuk-body app-offer__updated" data-testid="last-updated">
        <Show when={props.offer.lastUpdated} fallback="This offer has not been published yet.">
          Last updated: <time datetime={props.offer.lastUpdated!.slice(0, 10)}>{formatDate(props.offer.lastUpdated)}</time>
        </Show>
      </p>

      <Show when={total() > 0}>
        <ContentsList class="app-offer__contents" sections={props.offer.groups.map((g) => ({ id: g.category, label: g.label }))} />

        <div class="app-offer__tools">
          <OfferFiltersForm filters={filters} categories={props.offer.groups.map((g) => g.category)} />
          <p class="govuk-body app-offer__count" role="status" aria-live="polite" aria-atomic="true" data-testid="results-count">
            {active() ? `${shown()} of ${total()} support ${total() === 1 ? 'item' : 'items'} match` : `${total()} support ${total() === 1 ? 'item' : 'items'}`}
          </p>
          <button type="button" class="govuk-button govuk-button--secondary app-offer__print" onClick={() => window.print()}>
            Print this offer as a leaflet
          </button>
        </div>
      </Show>

      <Show when={total() === 0}>
        <InsetText>The offer is being prepared. Until it is published, ask the council's children's services or your social worker about support for kinship families.</InsetText>
      </Show>

      <Show when={total() > 0 && shown() === 0}>
        <div class="app-offer__none">
          <p class="govuk-body">No support matches your search.</p>
          <ul class="govuk-list govuk-list--bullet">
            <li>check the spelling or use fewer words</li>
            <li>choose "Any type of support", "Any arrangement" or "Anyone"</li>
          </ul>
        </div>
      </Show>

      {/* On paper only (the filters are not printed): a leaflet of part of the offer says so. */}
      <Show when={total() > 0 && note()}>
        <p class="govuk-body app-offer__leaflet-note" data-testid="leaflet-note">
          {note()}
        </p>
      </Show>

      <For each={filtered()}>
        {(g) => (
          <Section headingId={g.category} title={g.label} headingClass="govuk-heading-m app-offer-group__title" focusable class="app-offer-group">
            <For each={g.items}>{(item) => <OfferItem item={item} />}</For>
          </Section>
        )}
      </For>

      <Show when={total() > 0 && missingStatutory().length > 0 && !active()}>
        <p class="govuk-body">
          We are still adding information about{' '}
          {missingStatutory()
            .map((c) => CATEGORY_LABELS[c].toLowerCase())
            .join(', ')}
          . Ask the council's children's services if you need help with something not listed here.
        </p>
      </Show>

      <p class="govuk-body app-offer__print-url">
        Read this offer online, always up to date, at <span class="app-offer__url">{`${location.origin}/kinship-offer`}</span>
      </p>
    </>
  );
}

/** /kinship-offer: the published Kinship Local Offer for kinship carers and children. No sign-in. */
export default function PublicKinshipOfferPage() {
  const [offer] = usePublicOffer();
  const partnership = () => offer()?.partnership;
  return (
    <div class="app-offer">
      <Page title="Kinship Local Offer" caption={partnership() || undefined}>
        <p class="govuk-body-l">Support for children who live with a relative or family friend, and for the people who care for them.</p>
        <div class="app-offer__intro">
          <h2 class="govuk-heading-m">What kinship care is</h2>
          <p class="govuk-body">
            Kinship care is when a child lives with a relative or a family friend because their parents cannot look after them. The person caring for them is a{' '}
            <strong>kinship carer</strong>. It might be a grandparent, an aunt or uncle, an older brother or sister, or a friend of the family.
          </p>
          <p class="govuk-body">
            Some kinship families have a court order, such as a special guardianship order or a child arrangements order. Some are kinship foster carers. Many have an informal
            family arrangement. The help a child gets should follow what they need, not the type of arrangement.
          </p>
          <h2 class="govuk-heading-m">Why we publish this offer</h2>
          <p class="govuk-body">
            The law (section 22H of the Children Act 1989) says the council must publish its <strong>Kinship Local Offer</strong>: how it supports kinship families, what financial
            help there is, and the support for health and wellbeing, relationships and family time, education and training, and housing. It must also keep the offer up to date.
            Support here comes from the council and its partners, including the NHS, schools and voluntary groups.
          </p>
        </div>
        <Loaded data={offer} loading="Loading the Kinship Local Offer…" error={<InsetText>Sorry, the offer could not be loaded. Try again later.</InsetText>}>
          {(o) => <Offer offer={o()} />}
        </Loaded>
      </Page>
    </div>
  );
}
