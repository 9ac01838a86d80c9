import { Match, Show, Switch, type Accessor, type JSX } from 'solid-js';
import type { KeyedResource } from '../api/queries.js';
import { Loading, LoadingPage } from './loading.js';
import { type BackLink, ErrorPage } from './problem-page.js';

/*
 * The states of a page (or a part of one) that shows what a query loads: loading, failed, not
 * there, and loaded. While it loads: a polite "Loading…" status (`loading` is its words), or a
 * `placeholder` that holds the space of what is coming. Failed, with nothing to show: `error`. Once
 * the answer is in, `pick` takes from it what is shown (the whole answer unless given): undefined
 * while the page still waits for something else, null when what the address names is not in the
 * answer (`notFound` then says so). A whole page that failed says so with the kit's ErrorPage
 * (`failed`: where to go instead, and the words for "not found").
 */

/** What the kit's ErrorPage says when a whole page could not load: its title, where to go instead, and its words. */
export interface PageFailure {
  back: BackLink;
  /** "Sorry, there is a problem with the service" unless told */
  title?: string;
  notFoundTitle?: string;
  fallback?: string;
}

export function Loaded<T, V = T>(props: {
  data: KeyedResource<T>;
  /** What is shown from the answer: undefined (not yet), null (not there) or the value. */
  pick?: (value: T) => V | null | undefined;
  /** Said while it loads, e.g. "Loading the tracker…". */
  loading?: string;
  /** Shown instead of the loading status, e.g. a LoadingPlaceholder. */
  placeholder?: JSX.Element;
  /** Shown when the query failed and there is nothing to show (or `failed`: the kit's ErrorPage). */
  error?: JSX.Element;
  failed?: PageFailure;
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
      <Match when={props.data.state === 'errored'}>
        <Show when={props.failed} fallback={props.error}>
          {(f) => <ErrorPage title="Sorry, there is a problem with the service" {...f()} error={props.data.error} />}
        </Show>
      </Match>
      <Match when={value() === null}>{props.notFound}</Match>
      <Match when={value()}>{(v) => props.children(v as Accessor<V>)}</Match>
    </Switch>
  );
}

/**
 * The states of a whole page whose data comes from more than one query (a return and its period):
 * the loading page (`title` and `loading`) until `value` is there; the kit's ErrorPage (`errorTitle`),
 * linking `back`, once `error` is set (a failed load, or an address naming nothing); `notFound` when
 * `value` is null; otherwise the page, given the value.
 */
export function PageStates<T>(props: {
  title: string;
  /** the error page's title, when it is not `title` */
  errorTitle?: string;
  loading: string;
  error: unknown;
  back: BackLink;
  value: T | null | undefined | false | 0 | '';
  notFound?: JSX.Element;
  children: (value: Accessor<T>) => JSX.Element;
}) {
  return (
    <Switch fallback={<LoadingPage title={props.title} label={props.loading} />}>
      <Match when={props.error}>
        <ErrorPage title={props.errorTitle ?? props.title} error={props.error} back={props.back} />
      </Match>
      <Match when={props.value === null}>{props.notFound}</Match>
      <Match when={props.value}>{(v) => props.children(v as Accessor<T>)}</Match>
    </Switch>
  );
}
