import { createMemo } from 'solid-js';
import { periodChoice } from '../../../shared/periods/choice.js';
import type { CopySectionRequest, ReturnSectionInput } from '../../../shared/returns/schema.js';
import { useApp } from '../state.js';
import { getRecordHistory, type AuditEvent } from './audit.js';
import { api, ApiError, ifMatch, read, readWithEtag, seg, type OkOf, type WithEtag } from './client.js';
import { createApiQuery, createKeyedResource, invalidate, QUERY } from './queries.js';

/**
 * Quarterly returns API (issue 3). Every write answers the whole return and its new ETag, which
 * the page keeps and sends back as `If-Match` with the next write. Below the requests: the
 * returns' data through the query cache.
 */

const one = api.api.returns[':periodId'][':agencyId'];
const ids = (periodId: string, agencyId: string) => ({ param: { periodId: seg(periodId), agencyId: seg(agencyId) } });

export type Period = OkOf<typeof api.api.periods.$get>[number];
export type ReturnListRow = OkOf<typeof api.api.returns.$get>[number];
export type ReturnView = OkOf<(typeof one)['$get']>;
export type WorkstreamWithMilestones = OkOf<(typeof api.api.workstreams)[':id']['$get']>;
export type { AuditEvent };

export const listPeriods = () => read(api.api.periods.$get());
export const listReturns = (periodId: string) => read(api.api.returns.$get({ query: { periodId } }));
export const getWorkstream = (id: string) => read(api.api.workstreams[':id'].$get({ param: { id: seg(id) } }));
export const listWorkstreams = () => read(api.api.workstreams.$get());

export const getReturn = (periodId: string, agencyId: string): Promise<WithEtag<ReturnView>> => readWithEtag(one.$get(ids(periodId, agencyId)));

/** Saves whole sections. `etag` is undefined for the first save of a return (version 0). */
export const saveReturn = (periodId: string, agencyId: string, sections: ReturnSectionInput[], etag: string | undefined) =>
  readWithEtag(one.$put({ ...ids(periodId, agencyId), json: { sections } }, ifMatch(etag)));

/** Your agency's returns for the same period in your other partnerships: names and dates only, to start a section from. */
export const listReturnSources = (periodId: string, agencyId: string) => read(one.sources.$get(ids(periodId, agencyId)));
export type ReturnSources = Awaited<ReturnType<typeof listReturnSources>>;

/** Starts one section from your agency's answer in another partnership (copy, then edit); the rest of the return is unchanged. */
export const copySection = (periodId: string, agencyId: string, copy: CopySectionRequest, etag: string | undefined) =>
  readWithEtag(one.$put({ ...ids(periodId, agencyId), json: { sections: [], copy } }, ifMatch(etag)));

export const submitReturn = (periodId: string, agencyId: string, etag: string | undefined, acknowledgeWarnings = false) =>
  readWithEtag(one.submit.$post({ ...ids(periodId, agencyId), json: acknowledgeWarnings ? { acknowledgeWarnings: true } : {} }, ifMatch(etag)));

export const acceptReturn = (periodId: string, agencyId: string, etag: string | undefined) => readWithEtag(one.accept.$post(ids(periodId, agencyId), ifMatch(etag)));

/** The lead returns a submitted return to the agency with a comment ("Return with comments"). */
export const sendBackReturn = (periodId: string, agencyId: string, comment: string, etag: string | undefined) =>
  readWithEtag(one.return.$post({ ...ids(periodId, agencyId), json: { comment } }, ifMatch(etag)));

/** A signatory at the agency (not the preparer) certifies a return awaiting certification: it is then submitted to the lead. */
export const certifyReturn = (periodId: string, agencyId: string, etag: string | undefined) => readWithEtag(one.certify.$post(ids(periodId, agencyId), ifMatch(etag)));

/** A signatory at the agency sends a return awaiting certification back to its preparer (a draft again); not the lead's {@link sendBackReturn}. */
export const sendBackToPreparer = (periodId: string, agencyId: string, comment: string, etag: string | undefined) =>
  readWithEtag(one['send-back'].$post({ ...ids(periodId, agencyId), json: { comment } }, ifMatch(etag)));

/** The lead reopens an accepted return for a correction; `reason` is what the agency must correct. */
export const reopenReturn = (periodId: string, agencyId: string, reason: string, etag: string | undefined) =>
  readWithEtag(one.reopen.$post({ ...ids(periodId, agencyId), json: { reason } }, ifMatch(etag)));

export const getReturnHistory = (periodId: string, agencyId: string) => getRecordHistory('return', `${periodId}/${agencyId}`);

/*
 * Quarterly returns' data, all through the query cache: periods and workstreams are fetched once
 * for the whole app; a return is cached under its period and agency (the partner's page and the
 * lead's read the same entry); every write shows the server's answer at once and marks what it
 * changed (the list of returns, the tracker, the history) to be fetched again.
 */

/** A return's address: period and agency. */
export type ReturnKey = readonly [periodId: string, agencyId: string];
/** A return as loaded or written: the view and its ETag for the next write. */
export type LoadedReturn = Awaited<ReturnType<typeof getReturn>>;
export type ReturnHistoryData = Awaited<ReturnType<typeof getReturnHistory>>;

/** Every reporting period (fetched once for the whole app). */
export const usePeriods = () => createApiQuery(QUERY.periods, listPeriods);

/** Every workstream with its milestones (fetched once for the whole app). */
export const useWorkstreams = () => createApiQuery(QUERY.workstreams, listWorkstreams);

/** Every period, and the one the address names: undefined while loading, null when there is none. */
export function useChosenPeriod(id: () => string | undefined) {
  const [periods] = usePeriods();
  const period = createMemo<Period | null | undefined>(() => {
    const list = periods();
    return list ? (periodChoice(list, id()) ?? null) : undefined;
  });
  return { periods, period };
}

/** Every agency's return for a period (its rows only, never another period's); nothing is fetched while the period is unknown. */
export function useReturnRows(periodId: () => string | undefined) {
  return createKeyedResource(QUERY.returns, periodId, listReturns);
}

/** One return; nothing is fetched while the key is unknown. */
export function useReturn(key: () => ReturnKey | undefined) {
  return createKeyedResource(QUERY.return, key, ([periodId, agencyId]) => getReturn(periodId, agencyId));
}

/** Where a section of this return could start from in the person's other partnerships; nothing is fetched while the key is unknown. */
export function useReturnSources(key: () => ReturnKey | undefined) {
  return createKeyedResource(QUERY.returnSources, key, ([periodId, agencyId]) => listReturnSources(periodId, agencyId));
}

/** A return's history (the audit trail), for the lead only. */
export function useReturnHistory(key: () => ReturnKey | false | undefined) {
  return createKeyedResource(
    QUERY.history,
    () => {
      const k = key();
      return k && (['return', ...k] as const);
    },
    ([, periodId, agencyId]) => getReturnHistory(periodId, agencyId),
  );
}

/** After a write to a return: its answer replaces the cached return; lists, tracker and history load again. */
export function afterReturnWrite(answer: LoadedReturn, mutate: (value: LoadedReturn, forKey?: ReturnKey) => void) {
  mutate(answer, [answer.data.periodId, answer.data.agencyId]);
  void invalidate(QUERY.returns, QUERY.tracker, QUERY.history);
}

/** Workstream names and milestones for showing a return (names from the partnership until the list is in). */
export function useWorkstreamNames() {
  const app = useApp();
  const [workstreams] = useWorkstreams();
  return {
    workstreams,
    workstreamName: (id: string) => workstreams()?.find((w) => w.id === id)?.name ?? app.partnership()?.workstreams.find((w) => w.id === id)?.name ?? id,
    milestone: (id: string) =>
      workstreams()
        ?.flatMap((w) => w.milestones)
        .find((m) => m.id === id),
  };
}

export type SectionNames = Pick<ReturnType<typeof useWorkstreamNames>, 'workstreamName' | 'milestone'>;

/** The partner's own return for a period (the open one when the address names none). */
export function usePartnerReturn(periodId: () => string | undefined) {
  const app = useApp();
  const agencyId = () => app.me()?.agencyId ?? '';
  const { periods, period } = useChosenPeriod(periodId);
  const [ret, actions] = useReturn(() => {
    const p = period();
    return p && agencyId() ? ([p.id, agencyId()] as const) : undefined;
  });
  /** Why the page cannot show the return: a load that failed, or an address naming a period there is not. */
  const failure = () => {
    const id = periodId();
    return periods.error ?? ret.error ?? (period() === null && id ? noSuchPeriod(id) : undefined);
  };
  return { periods, period, ret, ...actions, failure, agencyId, agencyName: () => app.agencyName(agencyId()) ?? '' };
}

/** The error for an address naming a reporting period that does not exist. */
export const noSuchPeriod = (periodId: string) => new ApiError(404, { detail: `There is no reporting period ${periodId}.` });
