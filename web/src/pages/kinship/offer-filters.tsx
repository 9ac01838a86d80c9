import { Show } from 'solid-js';
import { AUDIENCE_LABELS } from '../../../../shared/kinship/labels.js';
import type { OfferFilterValues } from '../../../../shared/kinship/offer.js';
import { ARRANGEMENT_LABELS, ARRANGEMENT_TYPES, AUDIENCES, CATEGORIES, CATEGORY_LABELS, type Category } from '../../../../shared/kinship/schema.js';
import { Select, TextField, optionsOf } from '../../components/fields.js';
import { useAddressFilters } from '../../components/address-filters.js';
import { LiveFilters, withAny } from '../../components/filter-form.js';

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
  /** One of the filters chosen from a list: applied as soon as it changes. */
  const choice = (key: 'category' | 'arrangement' | 'audience') => ({
    id: `offer-${key}`,
    labelClass: '',
    get value() {
      return v()[key];
    },
    onChange: (x: string) => props.filters.choose(key, x),
  });
  return (
    <LiveFilters class="app-offer__filters" label="Find support">
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
      <Select {...choice('category')} label="Type of support" options={withAny('Any type of support', optionsOf(categories(), CATEGORY_LABELS))} />
      <Select {...choice('arrangement')} label="Your kinship arrangement" options={withAny('Any arrangement', optionsOf(ARRANGEMENT_TYPES, ARRANGEMENT_LABELS))} />
      <Select {...choice('audience')} label="Who it is for" options={withAny('Anyone', optionsOf(['carers', 'children'] as const, AUDIENCE_LABELS))} />
      <Show when={props.filters.active()}>
        <button type="button" class="govuk-button govuk-button--secondary app-offer__clear" onClick={() => props.filters.clear()}>
          Show all support
        </button>
      </Show>
    </LiveFilters>
  );
}
