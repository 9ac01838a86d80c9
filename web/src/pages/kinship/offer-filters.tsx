import { useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, on, Show } from 'solid-js';
import { AUDIENCE_LABELS } from '../../../../shared/kinship/labels.js';
import type { OfferFilterValues } from '../../../../shared/kinship/offer.js';
import { ARRANGEMENT_LABELS, ARRANGEMENT_TYPES, AUDIENCES, CATEGORIES, CATEGORY_LABELS, type Category } from '../../../../shared/kinship/schema.js';
import { Select, TextField } from '../../components/fields.js';
import { withAny } from '../../components/filter-form.js';

type Query = { q?: string; category?: string; arrangement?: string; audience?: string };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
/** A value from the address, or '' when it is not one of the allowed ones (an old or mistyped link shows everything). */
const pick = <T extends string>(v: string | string[] | undefined, allowed: readonly T[]): T | '' => {
  const s = one(v);
  return (allowed as readonly string[]).includes(s) ? (s as T) : '';
};

/**
 * The filters live in the address, so a shared or bookmarked link opens the same view and Back and
 * Forward step through the choices. The search box keeps its own copy of the text, so typing never
 * waits for the router; its first keystroke adds a history entry and the next ones replace it.
 */
export function useOfferFilters() {
  const [params, setParams] = useSearchParams<Query>();
  const [text, setText] = createSignal(one(params.q));
  let written = one(params.q);
  let typing = false;
  // Back, Forward or a link changed the address: show its search text.
  createEffect(
    on(
      () => one(params.q),
      (q) => {
        if (q === written) return;
        written = q;
        setText(q);
      },
      { defer: true },
    ),
  );
  const values = (): OfferFilterValues => ({
    q: text(),
    category: pick(params.category, CATEGORIES),
    arrangement: pick(params.arrangement, ARRANGEMENT_TYPES),
    audience: pick(params.audience, AUDIENCES),
  });
  return {
    values,
    active: () => {
      const v = values();
      return Boolean(v.q.trim() || v.category || v.arrangement || v.audience);
    },
    type(q: string) {
      setText(q);
      written = q;
      setParams({ q: q || undefined }, { replace: typing });
      typing = true;
    },
    stopTyping() {
      typing = false;
    },
    choose(key: 'category' | 'arrangement' | 'audience', value: string) {
      typing = false;
      setParams({ [key]: value || undefined });
    },
    clear() {
      typing = false;
      setText('');
      written = '';
      setParams({ q: undefined, category: undefined, arrangement: undefined, audience: undefined });
    },
  };
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
