import type { FieldError } from '../http/problem.js';
import { parsePeriodId, periodLabel } from '../periods/period.js';
import type { Indicator, IndicatorValue, MeasurePoint, MeasureRag, Unit } from './schema.js';

/*
 * The rules of outcome measures, shared by the API (which enforces them) and the pages (which say
 * them before anyone saves): what a value may be in its unit, when a value is queried, which
 * indicators an agency reports in a period, and the RAG rating against a target.
 */

interface UnitRule {
  /** Whole numbers only. */
  whole: boolean;
  min: number;
  max: number;
  /** Decimal places allowed when not whole. */
  decimals: number;
  /** How the rule is said to the person entering a value. */
  says: string;
}

export const UNIT_RULES: Record<Unit, UnitRule> = {
  count: { whole: true, min: 0, max: 10_000_000, decimals: 0, says: 'a whole number, 0 or more' },
  percentage: { whole: false, min: 0, max: 100, decimals: 1, says: 'a percentage from 0 to 100, with at most 1 decimal place' },
  'rate-per-10000': { whole: false, min: 0, max: 10_000, decimals: 1, says: 'a rate per 10,000 children from 0 to 10,000, with at most 1 decimal place' },
  days: { whole: false, min: 0, max: 100_000, decimals: 1, says: 'a number of days, 0 or more, with at most 1 decimal place' },
  money: { whole: false, min: -1_000_000_000_000, max: 1_000_000_000_000, decimals: 2, says: 'an amount in pounds, with at most 2 decimal places (pence)' },
};

const decimalPlaces = (v: number) => {
  const s = String(v);
  if (s.includes('e')) return 20;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
};

/** Why `value` cannot be a value in `unit`, or null when it can. */
export function unitError(unit: Unit, value: number): string | null {
  const r = UNIT_RULES[unit];
  const ok = Number.isFinite(value) && value >= r.min && value <= r.max && (r.whole ? Number.isInteger(value) : decimalPlaces(value) <= r.decimals);
  return ok ? null : `Enter ${r.says}`;
}

/**
 * Why a reported value cannot be saved, or null. A count of children from 1 to `threshold - 1`
 * could identify a child in a small group, so it is refused: the agency records "fewer than N"
 * instead (`belowThreshold`), and the number itself is never stored.
 */
export function valueError(ind: Pick<Indicator, 'unit' | 'countsChildren'>, entry: Pick<IndicatorValue, 'value' | 'belowThreshold'>, threshold: number): string | null {
  if (entry.belowThreshold) {
    if (!ind.countsChildren) return 'Only counts of children can be recorded as below the small-number threshold: enter the value';
    if (entry.value !== null) return `Either enter the value or choose "fewer than ${threshold}", not both`;
    return null;
  }
  if (entry.value === null) return null;
  const unit = unitError(ind.unit, entry.value);
  if (unit) return unit;
  if (ind.countsChildren && entry.value > 0 && entry.value < threshold)
    return `Counts of 1 to ${threshold - 1} children are not recorded, so that no child in a small group can be identified. Choose "fewer than ${threshold}" instead`;
  return null;
}

/** What the lead sets for an indicator, checked as a whole (create and change alike). */
export function indicatorErrors(
  ind: Pick<Indicator, 'unit' | 'countsChildren' | 'direction' | 'target' | 'targetMax' | 'tolerance' | 'baseline' | 'reportingAgencyId'>,
  reportingAgencyIds: readonly string[],
  agencyNames: ReadonlyMap<string, string> = new Map(),
  /** The small-number threshold: a baseline of 1 to N-1 children is refused like a value. */
  threshold?: number,
): FieldError[] {
  const errors: FieldError[] = [];
  const fits = (path: string, v: number | null | undefined, what: string) => {
    if (v === null || v === undefined) return;
    const e = unitError(ind.unit, v);
    if (e) errors.push({ path, message: `${what}: ${e.charAt(0).toLowerCase()}${e.slice(1)}` });
  };
  if (ind.countsChildren && ind.unit !== 'count')
    errors.push({ path: 'countsChildren', message: 'Only an indicator counted in whole numbers can be a count of children: choose the unit "Count"' });
  fits('target', ind.target, ind.direction === 'range' ? 'The lower end of the range' : 'The target');
  fits('targetMax', ind.targetMax, 'The upper end of the range');
  fits('baseline.value', ind.baseline?.value, 'The baseline');
  const base = ind.baseline?.value;
  if (threshold !== undefined && ind.countsChildren && base !== undefined && base > 0 && base < threshold)
    errors.push({
      path: 'baseline.value',
      message: `The baseline: counts of 1 to ${threshold - 1} children are not recorded, so that no child in a small group can be identified. Leave the baseline empty`,
    });
  if (ind.direction === 'range') {
    if (ind.target === null) errors.push({ path: 'target', message: 'Enter the lower end of the range' });
    if (ind.targetMax === null) errors.push({ path: 'targetMax', message: 'Enter the upper end of the range' });
    if (ind.target !== null && ind.targetMax !== null && ind.target > ind.targetMax)
      errors.push({ path: 'targetMax', message: 'The upper end of the range must be the same as or more than the lower end' });
  } else if (ind.targetMax !== null) {
    errors.push({ path: 'targetMax', message: 'Only a range has an upper end: leave it empty, or choose "Within a range is best"' });
  }
  if (ind.tolerance !== null && ind.target === null)
    errors.push({ path: 'tolerance', message: 'Set a target before a tolerance: the tolerance is how far from the target is still amber' });
  if (!reportingAgencyIds.includes(ind.reportingAgencyId)) {
    const names = reportingAgencyIds.map((id) => agencyNames.get(id) ?? id);
    errors.push({
      path: 'reportingAgencyId',
      message: names.length
        ? `Choose an agency that reports on this workstream: ${names.join(', ')}`
        : 'No agency reports on this workstream yet: add one on Programme set-up first',
    });
  }
  return errors;
}

/** Whether an indicator is asked for in a period's return: every quarter, or once a year in Q4 (January to March). */
export function isDue(ind: Pick<Indicator, 'frequency'>, periodId: string): boolean {
  return ind.frequency === 'quarterly' || parsePeriodId(periodId).quarter === 4;
}

/** The indicators an agency reports in its section for a workstream in a period: in use, its own, due then; in the lead's order. */
export function dueIndicators<I extends Pick<Indicator, 'workstreamId' | 'reportingAgencyId' | 'frequency' | 'order'> & { retiredAt?: string | undefined }>(
  indicators: readonly I[],
  workstreamId: string,
  agencyId: string,
  periodId: string,
): I[] {
  return indicators.filter((i) => !i.retiredAt && i.workstreamId === workstreamId && i.reportingAgencyId === agencyId && isDue(i, periodId)).sort((a, b) => a.order - b.order);
}

type Rated = Pick<Indicator, 'direction' | 'target' | 'targetMax' | 'tolerance'>;

/** A reported value as the rules read it: "fewer than N" carries the N it was recorded under, where known. */
export type ReportedPoint = Pick<MeasurePoint, 'value' | 'belowThreshold'> & { threshold?: number | null | undefined };

function ragOfNumber(ind: Rated, v: number): MeasureRag | null {
  const tol = ind.tolerance ?? 0;
  if (ind.target === null) return null;
  if (ind.direction === 'higher') return v >= ind.target ? 'green' : v >= ind.target - tol && tol > 0 ? 'amber' : 'red';
  if (ind.direction === 'lower') return v <= ind.target ? 'green' : v <= ind.target + tol && tol > 0 ? 'amber' : 'red';
  if (ind.targetMax === null) return null;
  if (v >= ind.target && v <= ind.targetMax) return 'green';
  return tol > 0 && v >= ind.target - tol && v <= ind.targetMax + tol ? 'amber' : 'red';
}

/**
 * The RAG rating of a reported value against the target; null with no target or no value. A
 * value recorded as "fewer than N" is somewhere from 1 to N-1: rated only when every value in
 * that span has the same rating (otherwise the rating would give the number away, or guess).
 */
export function ragFor(ind: Rated, point: ReportedPoint | null, currentThreshold: number): MeasureRag | null {
  if (!point) return null;
  if (point.belowThreshold) {
    const threshold = point.threshold ?? currentThreshold;
    const low = ragOfNumber(ind, 1);
    const high = ragOfNumber(ind, threshold - 1);
    // Ratings change at most twice over a span (range targets); checking both ends and the target's edges covers it.
    const inside = [
      ind.target,
      ind.targetMax,
      ind.target !== null && ind.tolerance ? ind.target - ind.tolerance : null,
      ind.target !== null && ind.tolerance ? ind.target + ind.tolerance : null,
    ]
      .filter((v): v is number => v !== null && v > 1 && v < threshold - 1)
      .map((v) => ragOfNumber(ind, v));
    return [high, ...inside].every((r) => r === low) ? low : null;
  }
  return point.value === null ? null : ragOfNumber(ind, point.value);
}

/** The biggest move from the last reported value that is not queried: 25% of it (percentages: 10 points). */
export const QUERY_RELATIVE_CHANGE = 0.25;
export const QUERY_PERCENTAGE_POINTS = 10;

const formatNumber = (v: number) => v.toLocaleString('en-GB', { maximumFractionDigits: 2 });

/** A value as people read it: "539", "92%", "12.5 per 10,000", "45 days", "£2,700,000". */
export function formatMeasure(unit: Unit, value: number): string {
  switch (unit) {
    case 'percentage':
      return `${formatNumber(value)}%`;
    case 'rate-per-10000':
      return `${formatNumber(value)} per 10,000`;
    case 'days':
      return `${formatNumber(value)} ${value === 1 ? 'day' : 'days'}`;
    case 'money':
      return `${value < 0 ? '-' : ''}£${Math.abs(value).toLocaleString('en-GB', { minimumFractionDigits: Number.isInteger(value) ? 0 : 2, maximumFractionDigits: 2 })}`;
    default:
      return formatNumber(value);
  }
}

/**
 * The target as people read it: "200 or more", "520 or fewer" (a count; an amount is "or less"),
 * "Between 309.8 and 339.7 per 10,000"; null when there is no target. A range without its upper
 * end (never saved: {@link indicatorErrors} asks for both) reads as its lower end "or more".
 */
export function targetWords(ind: Pick<Indicator, 'unit' | 'direction' | 'target' | 'targetMax'>): string | null {
  if (ind.target === null) return null;
  const t = formatMeasure(ind.unit, ind.target);
  if (ind.direction === 'lower') return `${t} or ${ind.unit === 'count' ? 'fewer' : 'less'}`;
  if (ind.direction === 'higher' || ind.targetMax === null) return `${t} or more`;
  if (ind.targetMax === ind.target) return t;
  // The unit said once, after the upper end: "between 3 and 5 days", not "3 days and 5 days".
  const low = ind.unit === 'rate-per-10000' || ind.unit === 'days' ? formatNumber(ind.target) : t;
  return `Between ${low} and ${formatMeasure(ind.unit, ind.targetMax)}`;
}

/** A reported point as people read it, including "fewer than 5" (N as it was when recorded) and "not available". */
export function formatPoint(unit: Unit, point: ReportedPoint, currentThreshold: number): string {
  if (point.belowThreshold) return `Fewer than ${point.threshold ?? currentThreshold}`;
  return point.value === null ? 'Not available' : formatMeasure(unit, point.value);
}

/**
 * A query on a value far from the recent ones, or null. `recent` is the values reported before
 * this period, newest first (the last four count). A value is queried when it moved more than
 * {@link QUERY_RELATIVE_CHANGE} from the last one (percentages: {@link QUERY_PERCENTAGE_POINTS}
 * points) and lies outside the range of the recent values. A query is not an error: the agency
 * confirms the value is right, or corrects it.
 */
export function valueQuery(ind: Pick<Indicator, 'unit'>, value: number | null, recent: readonly { periodId: string; value: number }[]): string | null {
  if (value === null || recent.length === 0) return null;
  const last = recent[0]!;
  const window = recent.slice(0, 4).map((r) => r.value);
  if (value >= Math.min(...window) && value <= Math.max(...window)) return null;
  const diff = value - last.value;
  const was = `${formatMeasure(ind.unit, value)} against ${formatMeasure(ind.unit, last.value)} in ${periodLabel(last.periodId)}`;
  const check = 'Check it: if it is right, confirm it; if not, correct it';
  // Values carry at most two decimal places: compare at that precision, so 20.1 against 10.1 is 10 points, not 10.000000000000002.
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  if (ind.unit === 'percentage') {
    if (round(Math.abs(diff)) <= QUERY_PERCENTAGE_POINTS) return null;
    const points = formatNumber(Math.abs(diff));
    return `This is ${points} percentage points ${diff > 0 ? 'higher' : 'lower'} than the last value reported (${was}). ${check}`;
  }
  const relative = Math.abs(diff) / Math.max(Math.abs(last.value), 1);
  if (round(relative) <= QUERY_RELATIVE_CHANGE) return null;
  return `This is ${Math.round(relative * 100)}% ${diff > 0 ? 'higher' : 'lower'} than the last value reported (${was}). ${check}`;
}

/**
 * What submission needs of a section's indicator values: a value, "fewer than N", or a note saying
 * why there is none this quarter, for every indicator due. Paths are the section's in the return.
 */
export function indicatorSubmitErrors(sectionIndex: number, due: readonly Pick<Indicator, 'id' | 'name'>[], values: readonly IndicatorValue[]): FieldError[] {
  const byId = new Map(values.map((v, j) => [v.indicatorId, { v, j }]));
  const errors: FieldError[] = [];
  for (const ind of due) {
    const found = byId.get(ind.id);
    if (!found) {
      errors.push({ path: `sections[${sectionIndex}].indicators`, message: `Enter a value for "${ind.name}", or say why there is none this quarter` });
    } else if (found.v.value === null && !found.v.belowThreshold && !found.v.note.trim()) {
      errors.push({ path: `sections[${sectionIndex}].indicators[${found.j}].note`, message: `Say why there is no value for "${ind.name}" this quarter, or enter the value` });
    }
  }
  return errors;
}

/** Latest value minus an earlier one, when both are numbers (rounded to hide float noise). */
export function changeBetween(latest: number | null | undefined, earlier: number | null | undefined): number | null {
  if (latest === null || latest === undefined || earlier === null || earlier === undefined) return null;
  return Math.round((latest - earlier) * 100) / 100;
}
