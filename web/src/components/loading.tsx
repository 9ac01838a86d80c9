import { For } from 'solid-js';
import { Page } from './page.js';

/** Polite, so screen readers announce it without interrupting; the region is busy until data arrives. */
export function Loading(props: { label?: string }) {
  return (
    <div class="app-loading" role="status" aria-live="polite" aria-busy="true">
      <span class="app-loading__spinner" aria-hidden="true" />
      {props.label ?? 'Loading…'}
    </div>
  );
}

/**
 * A placeholder that holds the space of what it replaces (so the page does not jump when the data
 * arrives): `lines` grey bars, a table's rows or a summary list's rows, with the same polite
 * status as `Loading` for screen readers.
 */
export function LoadingPlaceholder(props: { label: string; lines?: number; shape?: 'text' | 'rows' }) {
  return (
    <div class={`app-placeholder app-placeholder--${props.shape ?? 'text'}`} role="status" aria-live="polite" aria-busy="true">
      <span class="govuk-visually-hidden">{props.label}</span>
      <For each={Array.from({ length: props.lines ?? 3 })}>{() => <span class="app-placeholder__line" aria-hidden="true" />}</For>
    </div>
  );
}

/** A page whose content is on the way: its title (and h1), then the loading status. */
export function LoadingPage(props: { title: string; label: string }) {
  return (
    <Page title={props.title}>
      <Loading label={props.label} />
    </Page>
  );
}
