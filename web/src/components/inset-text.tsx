import type { JSX } from 'solid-js';

/**
 * GOV.UK inset text: a paragraph set apart from the text around it (a note on what the page shows,
 * why something cannot be done). `testId` marks it for tests.
 */
export function InsetText(props: { testId?: string; children: JSX.Element }) {
  return (
    <div class="govuk-inset-text" data-testid={props.testId}>
      <p class="govuk-body">{props.children}</p>
    </div>
  );
}
