import type { JSX } from 'solid-js';

/** A card for an area that has nothing in it yet: what will be there, its status, what to do next. */
export function AreaCard(props: { href: string; title: string; status: string; children: JSX.Element }) {
  return (
    <li class="app-card">
      <h2 class="govuk-heading-m app-card__title">
        <a href={props.href} class="govuk-link app-card__link">
          {props.title}
        </a>
      </h2>
      <p class="app-card__status">
        <strong class="govuk-tag govuk-tag--grey">{props.status}</strong>
      </p>
      <div class="app-card__body">{props.children}</div>
    </li>
  );
}
