import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';

/** One thing to do on a home page: a heading, where it stands (inset), and the link to do it. */
export function ActionPanel(props: { title: string; href: string; link: string; children: JSX.Element }) {
  return (
    <>
      <h2 class="govuk-heading-m">{props.title}</h2>
      <div class="govuk-inset-text">
        {props.children}
        <p class="govuk-body">
          <A href={props.href} class="govuk-link">
            {props.link}
          </A>
        </p>
      </div>
    </>
  );
}
