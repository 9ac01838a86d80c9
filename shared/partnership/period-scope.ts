import { nextPeriodId, periodBounds, periodForDate, previousPeriodId, ukDate } from '../periods/period.js';
import type { Agency, Workstream } from './schema.js';

/*
 * Which workstreams and agencies a reporting period has, once the lead adds, retires and restores
 * them (issue 13). The rule, in the words the set-up pages use:
 *
 *   A workstream or agency belongs to every reporting period it was in use on at least one day of.
 *   It is in use from the day it is added until the day before it is retired.
 *
 * So one retired on 3 December 2026 stays in 2026-27 Q3 (October to December) and every earlier
 * quarter, in the returns, the tracker and the trends, labelled "retired"; it is left out of
 * 2026-27 Q4 and after: no section in those returns, no reminders, no row on those trackers. One
 * added on 30 November 2026 is reported on from 2026-27 Q3, the quarter it was added in, and is in
 * no earlier quarter. An agency joining or leaving a workstream follows the same rule, so past
 * returns keep the sections they were written with. Restoring puts it back as if it had never
 * been retired. Records from before (the seed, a template) have no dates: there from the start.
 *
 * Days are UK calendar days, and quarters are compared as days, so the answer never depends on
 * when a period was opened or on the server's time zone.
 */

/** A reporting period's first and last UK day (`YYYY-MM-DD`). */
export interface PeriodSpan {
  start: string;
  end: string;
}

/** When something began and ended, as instants (ISO 8601); absent: from the start, or still going. */
export interface Lifespan {
  from?: string | undefined;
  until?: string | undefined;
}

type AgencyLike = Pick<Agency, 'id' | 'createdAt' | 'retiredAt'>;
type WorkstreamLike = Pick<Workstream, 'id' | 'contributingAgencyIds' | 'contributorsSince' | 'formerContributors' | 'createdAt' | 'retiredAt'>;

const day = (iso: string | undefined) => (iso ? ukDate(new Date(iso)) : undefined);

/** Whether something was in use on at least one UK day of the period: from its first day, until the day before it ended. */
export function inUseDuring(span: Lifespan, period: PeriodSpan): boolean {
  const from = day(span.from);
  const until = day(span.until);
  const first = from && from > period.start ? from : period.start;
  return first <= period.end && (until === undefined || first < until);
}

/** Whether the lead has retired it. */
export const isRetired = (x: { retiredAt?: string | undefined }): boolean => Boolean(x.retiredAt);

/** What is in use now, in its order: what new choices offer (a new contributor, a signatory, an owner). */
export function inUse<T extends { retiredAt?: string | undefined }>(items: readonly T[]): T[] {
  return items.filter((x) => !isRetired(x));
}

/** The agencies that reported on a workstream in a period: those reporting now who had joined by then, and those who had not yet left. */
export function contributorsDuring(w: WorkstreamLike, period: PeriodSpan): string[] {
  const now = w.contributingAgencyIds.filter((id) => inUseDuring({ from: w.contributorsSince?.[id] }, period));
  const before = (w.formerContributors ?? []).filter((f) => inUseDuring(f, period)).map((f) => f.agencyId);
  return [...new Set([...now, ...before])];
}

/**
 * A period's workstreams and agencies, in their order: those in use during it, each workstream's
 * `contributingAgencyIds` being the agencies that reported on it then (see the rule above).
 */
export function periodScope<A extends AgencyLike, W extends WorkstreamLike>(
  data: { agencies: readonly A[]; workstreams: readonly W[] },
  period: PeriodSpan,
): { agencies: A[]; workstreams: W[] } {
  const agencies = data.agencies.filter((a) => inUseDuring({ from: a.createdAt, until: a.retiredAt }, period));
  const present = new Set(agencies.map((a) => a.id));
  const workstreams = data.workstreams
    .filter((w) => inUseDuring({ from: w.createdAt, until: w.retiredAt }, period))
    .map((w) => ({ ...w, contributingAgencyIds: contributorsDuring(w, period).filter((id) => present.has(id)) }));
  return { agencies, workstreams };
}

/** The workstreams an agency reports on in a period's scope, in programme order: the sections of its return. */
export function requiredWorkstreamIds(scope: { workstreams: readonly WorkstreamLike[] }, agencyId: string): string[] {
  return scope.workstreams.filter((w) => w.contributingAgencyIds.includes(agencyId)).map((w) => w.id);
}

/**
 * The agencies that make a return in a period's scope (they report on at least one of its
 * workstreams), in the order the workstreams name them.
 */
export function reportingAgencyIds(scope: { agencies: readonly AgencyLike[]; workstreams: readonly WorkstreamLike[] }): string[] {
  const present = new Set(scope.agencies.map((a) => a.id));
  return [...new Set(scope.workstreams.flatMap((w) => w.contributingAgencyIds))].filter((id) => present.has(id));
}

/**
 * A workstream after its contributors change to `next` at `at`: an agency that leaves is kept as a
 * former contributor (so the periods it reported in keep its section), one that joins is dated.
 */
export function withContributors<W extends WorkstreamLike>(w: W, next: readonly string[], at: string): W {
  const current = new Set(w.contributingAgencyIds);
  const wanted = new Set(next);
  const since = { ...w.contributorsSince };
  const former = [...(w.formerContributors ?? [])];
  for (const id of current) {
    if (wanted.has(id)) continue;
    former.push({ agencyId: id, ...(since[id] ? { from: since[id] } : {}), until: at });
    delete since[id];
  }
  for (const id of wanted) if (!current.has(id)) since[id] = at;
  const { contributorsSince: _s, formerContributors: _f, ...rest } = w;
  return {
    ...rest,
    contributingAgencyIds: [...next],
    ...(Object.keys(since).length ? { contributorsSince: since } : {}),
    ...(former.length ? { formerContributors: former } : {}),
  } as W;
}

/**
 * What retiring on UK day `day` (`YYYY-MM-DD`) means, in periods: the last it stays in (the quarter
 * it is retired in, unless that begins that day) and the first it is left out of.
 */
export function retirementPeriods(day: string): { lastIn: string; firstOut: string } {
  const quarter = periodForDate(day);
  const lastIn = periodBounds(quarter).start < day ? quarter : previousPeriodId(quarter);
  return { lastIn, firstOut: nextPeriodId(lastIn) };
}
