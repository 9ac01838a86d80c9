import { createMemo, Show, type Accessor, type JSX } from 'solid-js';
import type { KeyedResource } from '../api/queries.js';
import './results.css';

export { createKeyedResource, type KeyedResource, type KeyedResourceActions } from '../api/queries.js';

/**
 * The answer to a query people change (the register's filters, a reporting period): a polite status
 * line saying what is shown, announced when it changes, then the results.
 *
 * While a changed query loads, the status says so and a busy placeholder holds about the height of
 * the results it replaces (read before they leave the page), so nothing old stays on the page under
 * the new label and the page does not jump. When the answer arrives the status gives its summary
 * (e.g. "3 items match the filters."), which screen readers announce.
 */
export function QueryResults<T>(props: {
  data: KeyedResource<T>;
  /** Said while the query loads, e.g. "Loading the register…". */
  loading: string;
  /** Said when it has loaded: what is on show, e.g. "3 items match the filters.". */
  summary: (value: Accessor<T>) => JSX.Element;
  /** Shown instead of the status and results when the query fails. */
  error: JSX.Element;
  /** data-testid of the status line. */
  statusTestId?: string;
  children: (value: Accessor<T>) => JSX.Element;
}) {
  let box: HTMLDivElement | undefined;
  // Memos run before Solid swaps the DOM, so the old results are still there to be measured.
  const reserve = createMemo<number | undefined>((before) => {
    if (!props.data.pending) return undefined;
    const height = box?.offsetHeight ?? 0;
    return height > 0 ? height : before;
  });
  return (
    <Show when={props.data.error === undefined || props.data() !== undefined} fallback={props.error}>
      <p class="govuk-body" classList={{ 'app-loading': props.data.pending }} role="status" aria-live="polite" aria-atomic="true" data-testid={props.statusTestId}>
        <Show
          when={props.data()}
          fallback={
            <>
              <span class="app-loading__spinner" aria-hidden="true" />
              {props.loading}
            </>
          }
          keyed={false}
        >
          {/* Read in its own reactive scope: a cached answer can replace the value without going through "loading". */}
          {(value) => <>{props.summary(value)}</>}
        </Show>
      </p>
      <div ref={box} class="app-results" aria-busy={props.data.pending ? 'true' : undefined}>
        <Show
          when={props.data()}
          fallback={<div class="app-results__placeholder" aria-hidden="true" style={{ 'min-height': reserve() ? `${reserve()}px` : undefined }} />}
          keyed={false}
        >
          {(value) => props.children(value)}
        </Show>
      </div>
    </Show>
  );
}
