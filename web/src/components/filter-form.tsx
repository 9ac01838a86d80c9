import { type JSX, Show } from 'solid-js';
import type { Option } from './choices.js';
import './filter-form.css';

/*
 * The kit's GOV.UK filter form for a list that follows the address: rows of fields side by side,
 * the button that applies them, and "Clear filters" while any is applied. The page keeps the
 * values; `onApply` runs on submit (the page checks them and puts them in the address).
 */

/** A select's options with one that chooses nothing first: "Any …" for a filter not applied, "Choose …" in a form. */
export const withAny = (any: string, options: readonly Option[]): Option[] => [{ value: '', label: any }, ...options];

export function FilterForm(props: {
  /** names the search landmark, e.g. "Filter the register" */
  label: string;
  /** the submit button's words: "Apply filters", "Search" */
  submit: string;
  /** some filter is applied: offer "Clear filters" */
  filtered: boolean;
  onApply: () => void;
  onClear: () => void;
  /** the fields, in one or more FilterRows */
  children: JSX.Element;
  class?: string;
}) {
  const apply = (e: SubmitEvent) => {
    e.preventDefault();
    props.onApply();
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a search form is a form with the search landmark role (ARIA), which every screen reader knows
    <form class={props.class ? `app-filter ${props.class}` : 'app-filter'} onSubmit={apply} role="search" aria-label={props.label} novalidate>
      {props.children}
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button govuk-button--secondary">
          {props.submit}
        </button>
        <Show when={props.filtered}>
          <button type="button" class="app-link-button govuk-link" onClick={() => props.onClear()}>
            Clear filters
          </button>
        </Show>
      </div>
    </form>
  );
}

/** A row of a filter form's fields, side by side (wrapping on a narrow screen). */
export function FilterRow(props: { children: JSX.Element }) {
  return <div class="app-filter__fields">{props.children}</div>;
}

/**
 * Filters that apply as they change, with no button to press (the public offer's, the matrix's
 * agency): the search landmark named by `label`; Enter in a field does not reload the page.
 */
export function LiveFilters(props: { label: string; class?: string; children: JSX.Element }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a search form is a form with the search landmark role (ARIA), which every screen reader knows
    <form class={props.class} role="search" aria-label={props.label} onSubmit={(e) => e.preventDefault()}>
      {props.children}
    </form>
  );
}
