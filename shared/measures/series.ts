import { comparePeriodIds } from '../periods/period.js';
import { changeBetween, ragFor } from './rules.js';
import type { Indicator, IndicatorSeries, IndicatorValue, MeasurePoint } from './schema.js';

/**
 * One agency's values for one workstream in one period, as stored beside its return section, with
 * the status of the return they came in. `history`: loaded from before the portal (counted as final).
 */
export interface ValueGroup {
  workstreamId: string;
  periodId: string;
  agencyId: string;
  status: string;
  values: IndicatorValue[];
  history?: boolean;
}

/** A value counts once its return reached the lead: final when accepted, provisional while submitted. */
export function pointState(group: Pick<ValueGroup, 'status' | 'history'>): MeasurePoint['state'] | null {
  if (group.history || group.status === 'accepted') return 'accepted';
  return group.status === 'submitted' ? 'provisional' : null;
}

/**
 * An indicator's reported values, oldest first, up to `upTo` (inclusive; null: all). Only the
 * reporting agency's values count: an indicator moved to another agency keeps its history from
 * the agency that reported it then, because each group names the agency it came from.
 */
export function pointsOf(
  ind: Pick<Indicator, 'id' | 'workstreamId'> & Partial<Pick<Indicator, 'countsChildren' | 'reportingAgencyId'>>,
  groups: readonly ValueGroup[],
  upTo: string | null,
  /** The small-number threshold now: a count of children stored below it (before a change of threshold or of the indicator) reads "fewer than N". */
  threshold?: number,
): MeasurePoint[] {
  const points: (MeasurePoint & { agencyId: string })[] = [];
  for (const g of groups) {
    if (g.workstreamId !== ind.workstreamId || (upTo !== null && comparePeriodIds(g.periodId, upTo) > 0)) continue;
    const state = pointState(g);
    const v = state && g.values.find((x) => x.indicatorId === ind.id);
    if (!state || !v) continue;
    const hidden = threshold !== undefined && ind.countsChildren === true && v.value !== null && v.value > 0 && v.value < threshold;
    points.push({
      periodId: g.periodId,
      value: hidden ? null : v.value,
      belowThreshold: hidden || v.belowThreshold,
      threshold: hidden ? threshold : v.belowThreshold ? (v.threshold ?? null) : null,
      note: v.note,
      state,
      agencyId: g.agencyId,
    });
  }
  // One reporting agency at a time, but a change of reporting agency mid-period could leave two
  // values for a period: the final one wins, then the agency that reports it now, then the later
  // agency id, whatever order they are read in.
  const rank = (p: { state: MeasurePoint['state']; agencyId: string }) => (p.state === 'accepted' ? 2 : 0) + (p.agencyId === ind.reportingAgencyId ? 1 : 0);
  const byPeriod = new Map<string, MeasurePoint & { agencyId: string }>();
  for (const p of points.sort((a, b) => a.agencyId.localeCompare(b.agencyId))) {
    const had = byPeriod.get(p.periodId);
    if (!had || rank(p) >= rank(had)) byPeriod.set(p.periodId, p);
  }
  return [...byPeriod.values()].map(({ agencyId: _a, ...p }) => p).sort((a, b) => comparePeriodIds(a.periodId, b.periodId));
}

/** The numbers reported before `periodId`, newest first: what a new value is compared with. */
export function recentValues(points: readonly MeasurePoint[], periodId: string): { periodId: string; value: number }[] {
  return points
    .filter((p): p is MeasurePoint & { value: number } => p.value !== null && comparePeriodIds(p.periodId, periodId) < 0)
    .map((p) => ({ periodId: p.periodId, value: p.value }))
    .reverse();
}

/** An indicator with its trend: points, latest, changes since the last value and the baseline, RAG. */
export function seriesOf<I extends Indicator & { reportingAgencyName: string; retired: boolean }>(
  ind: I,
  groups: readonly ValueGroup[],
  upTo: string | null,
  threshold: number,
): I & Omit<IndicatorSeries, keyof I> {
  const points = pointsOf(ind, groups, upTo, threshold);
  const latest = points.at(-1) ?? null;
  const previous = points.at(-2) ?? null;
  return {
    ...ind,
    points,
    latest,
    changeSinceLast: changeBetween(latest?.value, previous?.value),
    changeSinceBaseline: changeBetween(latest?.value, ind.baseline?.value),
    rag: ragFor(ind, latest, threshold),
  };
}
