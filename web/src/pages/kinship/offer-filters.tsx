import { Show } from 'solid-js';
import { AUDIENCE_LABELS } from '../../../../shared/kinship/labels.js';
import type { OfferFilterValues } from '../../../../shared/kinship/offer.js';
import { ARRANGEMENT_LABELS, ARRANGEMENT_TYPES, AUDIENCES, CATEGORIES, CATEGORY_LABELS, type Category } from '../../../../shared/kinship/schema.js';
import { Select, TextField } from '../../components/fields.js';
import { useAddressFilters } from '../../components/address-filters.js';
import { withAny } from '../../components/filter-form.js';

/** The public offer's filters, in the address: ?q=…&category=…&arrangement=…&audience=… */
export function useOfferFilters() {
  const filters = useAddressFilters('q', { category: CATEGORIES, arrangement: ARRANGEMENT_TYPES, audience: AUDIENCES });
  return { ...filters, values: (): OfferFilterValues => ({ q: filters.text(), ...filters.choices() }) };
}
export type OfferFilters = ReturnType<typeof useOfferFilters>;

/** The "Find support" form: search, type of support, arrangement and audience; every change applies at once. */
export function OfferFiltersForm(props: { filters: OfferFilters; categories: readonly Category[] }) {
  const v = () => props.filters.values();
  // A category from a link stays choosable even if the offer has nothing in it today.
  const categories = () => (v().category && !props.categories.includes(v().category as Category) ? [...props.categories, v().category as Category] : props.categories);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a search form is a form with the search landmark role (ARIA), which every screen reader knows
    <form class="app-offer__filters" role="search" aria-label="Find support" onSubmit={(e) => e.preventDefault()}>
      <h2 class="govuk-heading-s">Find support</h2>
      <TextField
        id="offer-search"
        type="search"
        label="Search the offer"
        labelClass=""
        hint="For example, allowance, SGO, school or housing"
        value={v().q}
        onInput={(q) => props.filters.type(q)}
        onBlur={() => props.filters.stopTyping()}
      />
      <Select
        labelClass=""
        id="offer-category"
        label="Type of support"
        value={v().category}
        options={withAny(
          'Any type of support',
          categories().map((c) => ({ value: c, label: CATEGORY_LABELS[c] })),
        )}
        onChange={(x) => props.filters.choose('category', x)}
      />
      <Select
        labelClass=""
        id="offer-arrangement"
        label="Your kinship arrangement"
        value={v().arrangement}
        options={withAny(
          'Any arrangement',
          ARRANGEMENT_TYPES.map((t) => ({ value: t, label: ARRANGEMENT_LABELS[t] })),
        )}
        onChange={(x) => props.filters.choose('arrangement', x)}
      />
      <Select
        labelClass=""
        id="offer-audience"
        label="Who it is for"
        value={v().audience}
        options={withAny(
          'Anyone',
          (['carers', 'children'] as const).map((a) => ({ value: a, label: AUDIENCE_LABELS[a] })),
        )}
        onChange={(x) => props.filters.choose('audience', x)}
      />
      <Show when={props.filters.active()}>
        <button type="button" class="govuk-button govuk-button--secondary app-offer__clear" onClick={() => props.filters.clear()}>
          Show all support
        </button>
      </Show>
    </form>
  );
}
