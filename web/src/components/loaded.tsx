import { Match, Switch, type Accessor, type JSX } from 'solid-js';
import type { KeyedResource } from '../api/queries.js';
import { Loading } from './loading.js';

/*
 * The states of a page (or a part of one) that shows what a query loads: loading, failed, not
 * there, and loaded. While it loads: a polite "Loading…" status (`loading` is its words), or a
 * `placeholder` that holds the space of what is coming. Failed, with nothing to show: `error`. Once
 * the answer is in, `pick` takes from it what is shown (the whole answer unless given): undefined
 * while the page still waits for something else, null when what the address names is not in the
 * answer (`notFound` then says so).
 */

export function Loaded<T, V = T>(props: {
  data: KeyedResource<T>;
  /** What is shown from the answer: undefined (not yet), null (not there) or the value. */
  pick?: (value: T) => V | null | undefined;
  /** Said while it loads, e.g. "Loading the tracker…". */
  loading?: string;
  /** Shown instead of the loading status, e.g. a LoadingPlaceholder. */
  placeholder?: JSX.Element;
  /** Shown when the query failed and there is nothing to show. */
  error: JSX.Element;
  /** Shown when `pick` finds nothing (null). */
  notFound?: JSX.Element;
  children: (value: Accessor<V>) => JSX.Element;
}) {
  const value = (): V | null | undefined => {
    const answer = props.data();
    if (answer === undefined) return undefined;
    return props.pick ? props.pick(answer) : (answer as unknown as V);
  };
  return (
    <Switch fallback={props.placeholder ?? <Loading label={props.loading} />}>
      <Match when={props.data.state === 'errored'}>{props.error}</Match>
      <Match when={value() === null}>{props.notFound}</Match>
      <Match when={value()}>{(v) => props.children(v as Accessor<V>)}</Match>
    </Switch>
  );
}
