import { A } from '@solidjs/router';
import { Show } from 'solid-js';

/*
 * The kit's GOV.UK pagination with previous and next links, for lists read a page at a time
 * (cursor-based, so there are no page numbers). With a `label` on a link it is the "block" style:
 * "Next page" with the label ("Older events") under it. `of` names what is paged for screen
 * readers ("Next page of events").
 */

export interface PageLink {
  href: string;
  /** "Previous page" or "Next page" unless told, e.g. "First page" */
  title?: string;
  /** a second line saying where the link goes, e.g. "Older events" */
  label?: string;
}

const ARROW_PREV = 'm6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z';
const ARROW_NEXT = 'm8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z';

function Link(props: { link: PageLink; dir: 'prev' | 'next'; of: string }) {
  return (
    <div class={`govuk-pagination__${props.dir}`}>
      <A class="govuk-link govuk-pagination__link" href={props.link.href} rel={props.dir}>
        <svg class={`govuk-pagination__icon govuk-pagination__icon--${props.dir}`} xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" viewBox="0 0 15 13">
          <path d={props.dir === 'prev' ? ARROW_PREV : ARROW_NEXT} />
        </svg>
        <span class="govuk-pagination__link-title" classList={{ 'govuk-pagination__link-title--decorated': !props.link.label }}>
          {props.link.title ?? (props.dir === 'prev' ? 'Previous page' : 'Next page')}
          <span class="govuk-visually-hidden"> of {props.of}</span>
        </span>
        <Show when={props.link.label}>
          <span class="govuk-visually-hidden">:</span>
          <span class="govuk-pagination__link-label">{props.link.label}</span>
        </Show>
      </A>
    </div>
  );
}

/** Nothing when there is neither a previous nor a next page. */
export function Pagination(props: { label: string; of: string; previous?: PageLink | null | undefined; next?: PageLink | null | undefined }) {
  const block = () => !!(props.previous?.label || props.next?.label);
  return (
    <Show when={props.previous || props.next}>
      <nav class="govuk-pagination" classList={{ 'govuk-pagination--block': block() }} aria-label={props.label}>
        <Show when={props.previous}>{(p) => <Link link={p()} dir="prev" of={props.of} />}</Show>
        <Show when={props.next}>{(n) => <Link link={n()} dir="next" of={props.of} />}</Show>
      </nav>
    </Show>
  );
}
