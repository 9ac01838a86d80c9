import { createEffect, onMount, Show, type JSX } from 'solid-js';
import type { SummaryError } from './error-summary.js';
import { FlashBanner } from './flash-banner.js';
import { FormErrors } from './form-state.js';
import { RouteLink } from './link-line.js';

export const SERVICE_NAME = 'Partnership Reform Portal';

let firstPage = true;

/** The GOV.UK back link above a page's heading: to a route, or a handler (a step of the same page) with `href` as its fallback. */
export interface PageBackLink {
  href: string;
  text: string;
  onClick?: () => void;
}

/**
 * Every page: sets the document title ("Page - Partnership Reform Portal", prefixed "Error: " while
 * the page shows errors, as GOV.UK does) and, after a client-side navigation, moves focus to the h1
 * so screen reader users hear where they landed. Not on first load: the browser starts at the top.
 * `backLink` puts the GOV.UK back link above the caption and heading. Under the heading come the
 * success banner of what was just done (`flash`), then the error summary (`errors`, which also
 * mark the title), then the page.
 */
export function Page(props: {
  title: string;
  heading?: string;
  caption?: string | undefined;
  hasErrors?: boolean;
  backLink?: PageBackLink | undefined;
  flash?: string | null | undefined;
  errors?: SummaryError[];
  children?: JSX.Element;
}) {
  let h1!: HTMLHeadingElement;
  createEffect(() => {
    document.title = `${props.hasErrors || props.errors?.length ? 'Error: ' : ''}${props.title} - ${SERVICE_NAME}`;
  });
  onMount(() => {
    if (firstPage) firstPage = false;
    else h1.focus({ preventScroll: false });
  });
  return (
    <>
      <Show when={props.backLink}>
        {(back) => (
          <RouteLink class="govuk-back-link" href={back().href} onClick={back().onClick}>
            {back().text}
          </RouteLink>
        )}
      </Show>
      <Show when={props.caption}>
        <span class="govuk-caption-l">{props.caption}</span>
      </Show>
      <h1 class="govuk-heading-l" tabindex="-1" ref={h1}>
        {props.heading ?? props.title}
      </h1>
      <FlashBanner message={props.flash} />
      <FormErrors errors={props.errors ?? []} />
      {props.children}
    </>
  );
}

/** The GOV.UK two-thirds column, the width of reading (a form, a statement), on a wide screen. */
export function TwoThirds(props: { children: JSX.Element }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">{props.children}</div>
    </div>
  );
}
