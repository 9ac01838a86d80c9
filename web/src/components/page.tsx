import { createEffect, onMount, Show, type JSX } from 'solid-js';

export const SERVICE_NAME = 'Partnership Reform Portal';

let firstPage = true;

/**
 * Every page: sets the document title ("Page - Partnership Reform Portal", prefixed "Error: " while
 * the page shows errors, as GOV.UK does) and, after a client-side navigation, moves focus to the h1
 * so screen reader users hear where they landed. Not on first load: the browser starts at the top.
 */
export function Page(props: { title: string; heading?: string; caption?: string; hasErrors?: boolean; children?: JSX.Element }) {
  let h1!: HTMLHeadingElement;
  createEffect(() => {
    document.title = `${props.hasErrors ? 'Error: ' : ''}${props.title} - ${SERVICE_NAME}`;
  });
  onMount(() => {
    if (firstPage) firstPage = false;
    else h1.focus({ preventScroll: false });
  });
  return (
    <>
      <Show when={props.caption}>
        <span class="govuk-caption-l">{props.caption}</span>
      </Show>
      <h1 class="govuk-heading-l" tabindex="-1" ref={h1}>
        {props.heading ?? props.title}
      </h1>
      {props.children}
    </>
  );
}
