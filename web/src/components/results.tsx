import { createMemo, createResource, Show, type Accessor, type JSX } from 'solid-js';
import './results.css';

/**
 * Data for a key people change: filters, a reporting period, the workstream or return in the address.
 *
 * Solid's own resource keeps its last value while the next key loads ('refreshing'), so a page that
 * puts it under labels built from the new key shows the old answer as if it were the new one (the
 * register said "3 items match the filters" over the rows of the previous filters). This resource
 * hands back a value only for the key the page asks for now. A refetch of the same key (after a
 * save, or a 412) keeps the value on show, since it still answers the question on the page.
 */
export interface KeyedResource<T> {
  /** The value loaded for the current key, or undefined while that key loads: never another key's value. */
  (): T | undefined;
  /** The current key has no value yet: first load, or the key changed and its answer is on the way. */
  readonly pending: boolean;
  /** A request is running: `pending`, or a refetch of the value on show. */
  readonly loading: boolean;
  /** Why the last load of the current key failed, or undefined. A failed refetch keeps the value on show. */
  readonly error: unknown;
}

export interface KeyedResourceActions<T> {
  refetch(): Promise<unknown>;
  /** Replaces the value for the current key (e.g. with the answer to a save). */
  mutate(value: T): void;
}

/** What the resource holds: the key a value or error answers. */
interface Loaded<T> {
  key: string | undefined;
  value: T | undefined;
  error?: unknown;
}

/** Keys are compared by value (JSON), so a fresh filters object with the same fields is the same key. */
export function createKeyedResource<K, T>(key: () => K | false | null | undefined, fetcher: (key: K) => Promise<T>): [KeyedResource<T>, KeyedResourceActions<T>] {
  const idOf = (k: K | false | null | undefined) => (k === false || k === null || k === undefined ? undefined : JSON.stringify(k));
  const wanted = createMemo(() => idOf(key()));
  // Failures are held as values, tagged with their key like answers are, so reading never throws and
  // a failed refetch can keep showing what was there for the same key.
  const [res, actions] = createResource<Loaded<T>, K>(key, async (k, info) => {
    const id = idOf(k);
    try {
      return { key: id, value: await fetcher(k) };
    } catch (error) {
      const before = info.value;
      return { key: id, value: before && before.key === id ? before.value : undefined, error };
    }
  });
  // Read only once loaded: reading a resource that never loaded would suspend.
  const loaded = () => (res.state === 'ready' || res.state === 'refreshing' ? res.latest : undefined);
  const current = createMemo(() => {
    const l = loaded();
    return l && l.key !== undefined && l.key === wanted() ? l : undefined;
  });
  const value = () => current()?.value;
  const view = value as KeyedResource<T>;
  Object.defineProperties(view, {
    pending: { get: () => wanted() !== undefined && current()?.error === undefined && value() === undefined },
    loading: { get: () => res.loading },
    error: { get: () => current()?.error },
  });
  return [
    view,
    {
      refetch: async () => actions.refetch(),
      mutate: (v: T) => void actions.mutate({ key: wanted(), value: v }),
    },
  ];
}

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
          {(value) => props.summary(value)}
        </Show>
      </p>
      <div ref={box} class="app-results" aria-busy={props.data.pending ? 'true' : undefined}>
        <Show when={props.data()} fallback={<div class="app-results__placeholder" aria-hidden="true" style={{ 'min-height': reserve() ? `${reserve()}px` : undefined }} />} keyed={false}>
          {(value) => props.children(value)}
        </Show>
      </div>
    </Show>
  );
}
