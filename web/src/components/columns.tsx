import type { JSX } from 'solid-js';

/**
 * The GOV.UK two-thirds and one-third columns: the main part at reading width, and beside it what
 * goes with it (a text's sources, a form's notes), stacked under it on a narrow screen.
 */
export function WithAside(props: { aside: JSX.Element; children: JSX.Element }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">{props.children}</div>
      <div class="govuk-grid-column-one-third">{props.aside}</div>
    </div>
  );
}
