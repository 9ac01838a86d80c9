import { QueryClient, useQuery } from '@tanstack/solid-query';
import { unwrap } from 'solid-js/store';
import { ApiError } from './client.js';

/**
 * The data cache (TanStack Query): every page reads API data through it, so what one page loaded
 * (periods, workstreams, the partnership, the signed-in user) is not fetched again by the next,
 * and a write invalidates what it changed ({@link invalidate}) wherever it is shown.
 *
 * Query keys start with one of these names, then the arguments: `['tracker', {periodId}]`.
 */
export const QUERY = {
  config: 'config',
  me: 'me',
  partnership: 'partnership',
  periods: 'periods',
  workstreams: 'workstreams',
  returns: 'returns',
  return: 'return',
  returnSources: 'return-sources',
  history: 'history',
  tracker: 'tracker',
  readiness: 'readiness',
  kinshipItems: 'kinship-items',
  kinshipItem: 'kinship-item',
  kinshipCoverage: 'kinship-coverage',
  publicOffer: 'public-offer',
  thresholdConfig: 'threshold-config',
  thresholdVersions: 'threshold-versions',
  thresholdContent: 'threshold-content',
  audit: 'audit',
  auditPeople: 'audit-people',
  people: 'people',
  person: 'person',
  chases: 'chases',
  attention: 'attention',
  notificationSettings: 'notification-settings',
  myPartnerships: 'my-partnerships',
  attentionEverywhere: 'attention-everywhere',
  platformAdmin: 'platform-admin',
  platformTemplates: 'platform-templates',
  platformTemplate: 'platform-template',
  hostedPartnerships: 'hosted-partnerships',
  secondFactor: 'second-factor',
  measures: 'measures',
  reports: 'reports',
  report: 'report',
} as const;
export type QueryName = (typeof QUERY)[keyof typeof QUERY];

/**
 * How long data that changes rarely stays fresh. The configuration, the signed-in user and the
 * partnership are fetched once per sign-in; the reporting periods once per visit, and again after
 * five minutes so a period the lead opens reaches everyone without signing in again. A write
 * through this app invalidates them at once. Everything else is fetched again whenever a page
 * showing it opens (showing the cached copy meanwhile): several people work on the same records.
 */
const FRESH_FOR: Partial<Record<QueryName, number>> = {
  [QUERY.config]: Number.POSITIVE_INFINITY,
  [QUERY.me]: Number.POSITIVE_INFINITY,
  [QUERY.platformAdmin]: Number.POSITIVE_INFINITY,
  [QUERY.partnership]: Number.POSITIVE_INFINITY,
  [QUERY.periods]: 5 * 60_000,
};

/** Retries only what may pass on a second try (no connection, 503), once; a 4xx answer will not change. */
const retry = (failures: number, error: unknown) => failures < 1 && error instanceof ApiError && (error.status === 0 || error.status === 503);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry,
      retryDelay: 1_000,
      // Stale at once unless FRESH_FOR says otherwise (stale-while-revalidate).
      staleTime: 0,
      refetchOnWindowFocus: false,
    },
  },
});

/** Marks data as changed after a write: every query under these names is fetched again where it is shown. */
export function invalidate(...names: QueryName[]): Promise<void> {
  return Promise.all(names.map((name) => queryClient.invalidateQueries({ queryKey: [name] }))).then(() => undefined);
}

/**
 * Signing out: forget everything the person could see, so the next one to sign in on this tab
 * never sees it. The portal's public configuration stays (the sign-in page needs it, and it is the
 * same for everyone).
 */
export const clearCache = () => queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== QUERY.config });

/**
 * Data for a key people change (filters, a reporting period, the record in the address).
 *
 * It hands back a value only for the key the page asks for now, never the previous key's answer
 * under labels built from the new one; a refetch of the same key keeps the value on show. Reading
 * it never suspends: it is undefined until the current key's answer is in.
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
  /** As Solid's resources say it: `pending` (no value yet), `ready`, or `errored` (and no value). */
  readonly state: 'pending' | 'ready' | 'errored';
}

export interface KeyedResourceActions<T> {
  refetch(): Promise<unknown>;
  /**
   * Replaces a cached value with the answer to a save. Give the key the answer belongs to when the
   * save awaited the server: the page may have moved to another key meanwhile.
   */
  mutate(value: T, forKey?: unknown): void;
}

/** A query for `name` and the current key; no key (false, null, undefined) fetches nothing. */
export function createKeyedResource<K, T>(name: QueryName, key: () => K | false | null | undefined, fetcher: (key: K) => Promise<T>): [KeyedResource<T>, KeyedResourceActions<T>] {
  const current = () => {
    const k = key();
    return k === false || k === null || k === undefined ? undefined : { k };
  };
  const query = useQuery(() => {
    const c = current();
    return {
      queryKey: [name, c?.k ?? null],
      queryFn: () => fetcher(c!.k),
      enabled: c !== undefined,
      // Each answer replaces the last as a whole (as the pages expect), not merged into a store.
      reconcile: false as const,
      ...(FRESH_FOR[name] !== undefined ? { staleTime: FRESH_FOR[name] } : {}),
    };
  });
  // Only read `data` once it exists: reading it earlier would suspend.
  const hasData = () => query.isSuccess || (query.isError && query.dataUpdatedAt > 0);
  // The plain answer, not a store's proxy of it: pages read it field by field, thousands of times
  // on the tracker, and tracking each read costs far more than reading. A new answer replaces it
  // whole, which is what pages react to.
  const value = (() => (hasData() ? unwrap(query.data) : undefined)) as KeyedResource<T>;
  Object.defineProperties(value, {
    pending: { get: () => current() !== undefined && query.isPending && !query.isError },
    loading: { get: () => query.isFetching },
    error: { get: () => (query.isError ? query.error : undefined) },
    state: { get: () => (hasData() ? 'ready' : query.isError ? 'errored' : 'pending') },
  });
  return [
    value,
    {
      refetch: () => query.refetch(),
      mutate: (v: T, forKey?: unknown) => {
        const c = forKey === undefined ? current() : { k: forKey };
        if (c) queryClient.setQueryData([name, c.k], v);
      },
    },
  ];
}

/** A query with no key of its own (the partnership, the periods...). */
export function createApiQuery<T>(name: QueryName, fetcher: () => Promise<T>, enabled: () => boolean = () => true) {
  return createKeyedResource(
    name,
    () => enabled() && ([] as const),
    () => fetcher(),
  );
}
