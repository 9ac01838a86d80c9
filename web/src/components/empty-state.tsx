import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';

/*
 * The kit's empty states: a card for an area with nothing in it yet, and an inset message for a
 * page with nothing to show (no period opened yet) with a link to where to go next.
 */

/** Nothing to show here: why, and a link to go on from. */
export function EmptyStateLink(props: { text: string; href: string; link: string }) {
  return (
    <div class="govuk-inset-text">
      <p class="govuk-body">{props.text}</p>
      <p class="govuk-body">
        <A class="govuk-link" href={props.href}>
          {props.link}
        </A>
      </p>
    </div>
  );
}

/** A card for an area that has nothing in it yet: what will be there, its status, what to do next. */
export function AreaCard(props: { href: string; title: string; status: string; children: JSX.Element }) {
  return (
    <li class="app-card">
      <h2 class="govuk-heading-m app-card__title">
        <A href={props.href} class="govuk-link app-card__link">
          {props.title}
        </A>
      </h2>
      <p class="app-card__status">
        <strong class="govuk-tag govuk-tag--grey">{props.status}</strong>
      </p>
      <div class="app-card__body">{props.children}</div>
    </li>
  );
}
