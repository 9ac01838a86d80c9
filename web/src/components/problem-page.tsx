import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { ApiError } from '../api/client.js';
import { Page } from './page.js';

/*
 * The kit's problem pages: a page that cannot show what was asked for says why, then links back
 * to somewhere that works. `ProblemPage` takes the words; `ErrorPage` reads them from a failed
 * API call (404: not found, check the address; 403: not allowed; otherwise: reload to try again).
 */

export interface BackLink {
  href: string;
  text: string;
}

export function ProblemPage(props: { title: string; back: BackLink; children: JSX.Element }) {
  return (
    <Page title={props.title}>
      {props.children}
      <p class="govuk-body">
        <A class="govuk-link" href={props.back.href}>
          {props.back.text}
        </A>
      </p>
    </Page>
  );
}

/** A message that says how to put an API failure right: the server's words, or `fallback`. */
export function problemMessage(err: unknown, fallback = 'Something went wrong. Check your connection and try again.'): string {
  return err instanceof ApiError ? err.detail : fallback;
}

/** A page that could not load: what went wrong and where to go instead. */
export function ErrorPage(props: {
  title: string;
  error: unknown;
  back: BackLink;
  /** the title when the thing is not there (404): "Page not found" unless told */
  notFoundTitle?: string;
  /** said when the server gave no reason */
  fallback?: string;
}) {
  const status = () => (props.error instanceof ApiError ? props.error.status : undefined);
  const notFound = () => status() === 404;
  const message = () => problemMessage(props.error, props.fallback);
  return (
    <ProblemPage title={notFound() ? (props.notFoundTitle ?? 'Page not found') : props.title} back={props.back}>
      <p class="govuk-body">
        {notFound() ? `${message()} Check the address is right.` : message()}
        {!notFound() && status() !== 403 ? ' Reload the page to try again.' : ''}
      </p>
    </ProblemPage>
  );
}
