import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';

/** A paragraph that is one link: the way back, or on to a related page ("Back to the register"). */
export function LinkLine(props: { href: string; children: JSX.Element }) {
  return (
    <p class="govuk-body">
      <A href={props.href} class="govuk-link">
        {props.children}
      </A>
    </p>
  );
}
