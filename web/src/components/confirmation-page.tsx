import type { JSX } from 'solid-js';
import { Page } from './page.js';
import './confirmation-page.css';

/**
 * The GOV.UK confirmation page at the end of a journey ("Return submitted"): the green panel with
 * the page's heading and what it was about (`body`), then "What happens next" (the children).
 */
export function ConfirmationPage(props: { title: string; body: JSX.Element; children: JSX.Element }) {
  return (
    <>
      <div class="govuk-panel govuk-panel--confirmation">
        <Page title={props.title}>
          <div class="govuk-panel__body">{props.body}</div>
        </Page>
      </div>
      <h2 class="govuk-heading-m">What happens next</h2>
      {props.children}
    </>
  );
}
