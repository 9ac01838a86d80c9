import type { Component } from 'solid-js';
import { EmptyStateLink } from '../../components/empty-state.js';
import { Page } from '../../components/page.js';
import './returns.css';

/* The states every returns page can be in besides showing its data: empty (loading: the kit's LoadingPage; failed: its ErrorPage). */

/** A returns page, inside .app-returns, which scopes returns.css to these pages. */
export const inReturnsScope = (Content: Component) => () => (
  <div class="app-returns">
    <Content />
  </div>
);

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
