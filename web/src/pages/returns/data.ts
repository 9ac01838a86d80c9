import { createMemo } from 'solid-js';
import { periodChoice } from '../../../../shared/periods/choice.js';
import { isEditable } from '../../../../shared/returns/rules.js';
import { createApiQuery, createKeyedResource, invalidate, QUERY } from '../../api/queries.js';
import { getReturn, getReturnHistory, listPeriods, listWorkstreams, type Period, type ReturnView } from '../../api/returns.js';
import { useApp } from '../../state.js';

/*
 * The returns pages' data, all through the query cache: periods and workstreams are fetched once
 * for the whole app; a return is cached under its period and agency (the partner's page and the
 * lead's read the same entry); every write shows the server's answer at once and marks what it
 * changed (the list of returns, the tracker, the history) to be fetched again.
 */

/** A return's address: period and agency. */
export type ReturnKey = readonly [periodId: string, agencyId: string];
/** A return as loaded or written: the view and its ETag for the next write. */
export type LoadedReturn = Awaited<ReturnType<typeof getReturn>>;
export type ReturnHistoryData = Awaited<ReturnType<typeof getReturnHistory>>;

/** Every period, and the one the address names: undefined while loading, null when there is none. */
export function useChosenPeriod(id: () => string | undefined) {
  const [periods] = createApiQuery(QUERY.periods, listPeriods);
  const period = createMemo<Period | null | undefined>(() => {
    const list = periods();
    return list ? (periodChoice(list, id()) ?? null) : undefined;
  });
  return { periods, period };
}

/** One return; nothing is fetched while the key is unknown. */
export function useReturn(key: () => ReturnKey | undefined) {
  return createKeyedResource(QUERY.return, key, ([periodId, agencyId]) => getReturn(periodId, agencyId));
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
  const [workstreams] = createApiQuery(QUERY.workstreams, listWorkstreams);
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
  return { periods, period, ret, ...actions, agencyId, agencyName: () => app.agencyName(agencyId()) ?? '' };
}

/** The partner can change the return: a status that allows it, in an open period. */
export function editableIn(view: ReturnView, period: Period | undefined | null): boolean {
  return isEditable(view.status) && period?.status === 'open';
}
