import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { ApiError } from '../../api/client.js';
import { Loading } from '../../components/loading.js';
import { Page } from '../../components/page.js';
import { problemMessage } from './format.js';
import './returns.css';

/* The states every returns page can be in besides showing its data: loading, failed, empty. */

/** Every returns page sits in .app-returns, which scopes returns.css to these pages. */
export function ReturnsScope(props: { children: JSX.Element }) {
  return <div class="app-returns">{props.children}</div>;
}

export function ReturnLoading(props: { title: string; label: string }) {
  return (
    <Page title={props.title}>
      <Loading label={props.label} />
    </Page>
  );
}

/** The error for an address naming a period that does not exist. */
export const noSuchPeriod = (periodId: string) => new ApiError(404, { detail: `There is no reporting period ${periodId}.` });

/** A page that could not load: what went wrong and where to go instead. */
export function ErrorPage(props: { title: string; error: unknown; back: { href: string; text: string } }) {
  const status = () => (props.error instanceof ApiError ? props.error.status : undefined);
  const notFound = () => status() === 404;
  return (
    <Page title={notFound() ? 'Page not found' : props.title}>
      <p class="govuk-body">
        {notFound() ? `${problemMessage(props.error)} Check the address is right.` : problemMessage(props.error)}
        {!notFound() && status() !== 403 ? ' Reload the page to try again.' : ''}
      </p>
      <p class="govuk-body">
        <A class="govuk-link" href={props.back.href}>
          {props.back.text}
        </A>
      </p>
    </Page>
  );
}

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

/** The page for a period that is not there: none opened yet, or the address names one that does not exist. */
export function NoPeriodPage(props: { title: string; caption?: string; periodId: string | undefined; none: string; missing: string; back: { href: string; text: string } }) {
  return (
    <Page title={props.title} caption={props.caption}>
      {props.periodId ? (
        <EmptyStateLink text={`There is no reporting period ${props.periodId}. ${props.missing}`} href={props.back.href} link={props.back.text} />
      ) : (
        <EmptyStateLink text={props.none} href="/" link="Back to your home page" />
      )}
    </Page>
  );
}
