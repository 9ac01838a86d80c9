import type { JSX } from 'solid-js';

/**
 * A part of a page named by its heading (the section's `aria-labelledby`), so screen reader users
 * can find it by name among the page's regions. `focusable` lets a link or a script move focus to
 * the heading (tabindex -1).
 */
export function Section(props: {
  /** the heading's id, which names the section */
  headingId: string;
  title: JSX.Element;
  /** govuk-heading-m unless told */
  headingClass?: string;
  focusable?: boolean;
  id?: string;
  class?: string;
  children: JSX.Element;
}) {
  return (
    <section class={props.class} id={props.id} aria-labelledby={props.headingId}>
      <h2 class={props.headingClass ?? 'govuk-heading-m'} id={props.headingId} tabindex={props.focusable ? '-1' : undefined}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
