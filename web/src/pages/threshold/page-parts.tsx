import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';

/** A page only the programme lead may use: anyone else is told why, with the way back. */
export function LeadOnly(props: { title: string; reason: string; children: JSX.Element }) {
  const app = useApp();
  return (
    <Show
      when={app.me()?.role === 'lead'}
      fallback={
        <Page title={props.title}>
          <p class="govuk-body">{props.reason}</p>
          <LinkLine href="/threshold">Back to the threshold document</LinkLine>
        </Page>
      }
    >
      {props.children}
    </Show>
  );
}

/** A paragraph that is one link (the way back, or on to a related page). */
export const LinkLine = (props: { href: string; children: JSX.Element }) => (
  <p class="govuk-body">
    <A href={props.href} class="govuk-link">
      {props.children}
    </A>
  </p>
);

/** A threshold form's submit button, then Cancel back to the threshold document. */
export function SubmitOrCancel(props: { label: string; disabled?: boolean }) {
  return (
    <div class="govuk-button-group">
      <button type="submit" class="govuk-button" disabled={props.disabled}>
        {props.label}
      </button>
      <A href="/threshold" class="govuk-link">
        Cancel
      </A>
    </div>
  );
}
