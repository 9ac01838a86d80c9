import type { JSX } from 'solid-js';

/*
 * The GOV.UK details component: a summary line that opens to show more. `open` sets whether it
 * starts open (or follows the page's state, with `onToggle` telling it when the reader opens or
 * closes it, e.g. to render a preview only while it is shown).
 */
export function Details(props: { summary: string; open?: boolean; onToggle?: (open: boolean) => void; children: JSX.Element }) {
  return (
    <details class="govuk-details" open={props.open} onToggle={(e) => props.onToggle?.(e.currentTarget.open)}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">{props.summary}</span>
      </summary>
      <div class="govuk-details__text">{props.children}</div>
    </details>
  );
}
