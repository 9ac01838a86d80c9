import { parseNumberInput } from '../../../../shared/forms/number-input.js';
import { formatPath } from '../../../../shared/http/problem.js';
import { indicatorErrors } from '../../../../shared/measures/rules.js';
import { CreateIndicatorRequest, type Direction, type Frequency, type Unit } from '../../../../shared/measures/schema.js';
import type { IndicatorPatch, IndicatorSeries, NewIndicator } from '../../api/measures.js';
import { dateError } from '../../components/date-input.js';
import type { SummaryError } from '../../components/error-summary.js';

/*
 * The indicator form's answers as typed (numbers and dates are text until checked), the request
 * they make, and what is wrong with them: the shared schema's and rules' verdicts (the API's own),
 * said at the field they belong to, in the order of the form.
 */

export interface IndicatorFormValues {
  name: string;
  definition: string;
  unit: Unit | '';
  direction: Direction | '';
  target: string;
  targetMax: string;
  tolerance: string;
  baselineValue: string;
  baselineDate: string;
  reportingAgencyId: string;
  frequency: Frequency;
  source: string;
  /** `countsChildren`, `publishedToExecutive`: the checkboxes ticked. */
  flags: string[];
}

/** The form's fields in order: the error summary lists problems in this order. */
export const FIELDS = [
  'name',
  'definition',
  'unit',
  'flags',
  'direction',
  'target',
  'targetMax',
  'tolerance',
  'baselineValue',
  'baselineDate',
  'reportingAgencyId',
  'frequency',
  'source',
] as const;
export type IndicatorField = (typeof FIELDS)[number];

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** A new indicator's answers: published to the executive unless the lead says not; the agency chosen when only one reports. */
export const blankIndicator = (reportingIds: readonly string[]): IndicatorFormValues => ({
  name: '',
  definition: '',
  unit: '',
  direction: '',
  target: '',
  targetMax: '',
  tolerance: '',
  baselineValue: '',
  baselineDate: '',
  reportingAgencyId: reportingIds.length === 1 ? reportingIds[0]! : '',
  frequency: 'quarterly',
  source: '',
  flags: ['publishedToExecutive'],
});

/** The answers of an indicator as it is now, to change it. */
export const fromIndicator = (ind: IndicatorSeries): IndicatorFormValues => ({
  name: ind.name,
  definition: ind.definition,
  unit: ind.unit,
  direction: ind.direction,
  target: text(ind.target),
  targetMax: text(ind.targetMax),
  tolerance: text(ind.tolerance),
  baselineValue: text(ind.baseline?.value),
  baselineDate: ind.baseline?.date ?? '',
  reportingAgencyId: ind.reportingAgencyId,
  frequency: ind.frequency,
  source: ind.source,
  flags: [...(ind.countsChildren ? ['countsChildren'] : []), ...(ind.publishedToExecutive ? ['publishedToExecutive'] : [])],
});

/** The form field a problem's path (the schema's, the rules' or the server's) belongs to. */
export function fieldOf(path: string): IndicatorField | undefined {
  if (path.startsWith('baseline.date')) return 'baselineDate';
  if (path.startsWith('baseline')) return 'baselineValue';
  if (path === 'countsChildren' || path === 'publishedToExecutive') return 'flags';
  return FIELDS.find((f) => f === path.split(/[.[]/)[0]);
}

const NUMBER_WORDS: Partial<Record<IndicatorField, string>> = {
  target: 'the target',
  targetMax: 'the upper end of the range',
  tolerance: 'the tolerance',
  baselineValue: 'the baseline',
};

/**
 * The request the answers make and what is wrong with them (none: it can be sent). `reportingIds`:
 * the agencies that may report the indicator; `agencyNames` names them in messages.
 */
export function checkIndicator(
  v: IndicatorFormValues,
  reportingIds: readonly string[],
  agencyNames: ReadonlyMap<string, string>,
): { request: NewIndicator | null; errors: SummaryError[] } {
  const errors: { field: IndicatorField; message: string }[] = [];
  const num = (field: 'target' | 'targetMax' | 'tolerance' | 'baselineValue') => {
    const n = parseNumberInput(v[field]);
    if (n !== null && Number.isNaN(n)) {
      errors.push({ field, message: `Enter ${NUMBER_WORDS[field]} as a number, like 95 or 12.5` });
      return null;
    }
    return n;
  };
  const baselineValue = num('baselineValue');
  const dateProblem = dateError(v.baselineDate, 'The baseline date');
  if (dateProblem) errors.push({ field: 'baselineDate', message: dateProblem });
  if (baselineValue !== null && !v.baselineDate) errors.push({ field: 'baselineDate', message: 'Enter the date of the baseline value' });
  if (baselineValue === null && v.baselineDate && !v.baselineValue.trim()) errors.push({ field: 'baselineValue', message: 'Enter the baseline value, or remove its date' });
  const body = {
    name: v.name,
    definition: v.definition,
    unit: v.unit,
    countsChildren: v.flags.includes('countsChildren'),
    direction: v.direction,
    target: num('target'),
    targetMax: v.direction === 'range' ? num('targetMax') : null,
    tolerance: num('tolerance'),
    baseline: baselineValue !== null && v.baselineDate && !dateProblem ? { value: baselineValue, date: v.baselineDate } : null,
    reportingAgencyId: v.reportingAgencyId,
    frequency: v.frequency,
    source: v.source,
    publishedToExecutive: v.flags.includes('publishedToExecutive'),
  };
  if (!v.reportingAgencyId) errors.push({ field: 'reportingAgencyId', message: 'Choose the agency that reports it' });
  const parsed = CreateIndicatorRequest.safeParse(body);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  // The rules across fields (a value fits its unit, a range has both ends), once the unit and direction are chosen.
  const { unit, direction } = v;
  if (unit && direction) problems.push(...indicatorErrors({ ...body, unit, direction }, reportingIds, agencyNames));
  for (const p of problems) {
    const field = fieldOf(p.path);
    if (field) errors.push({ field, message: p.message });
  }
  // One message per field (the first said of it), in the order of the form.
  const first = FIELDS.flatMap((f) => errors.find((e) => e.field === f) ?? []);
  return { request: first.length === 0 && parsed.success ? parsed.data : null, errors: first };
}

/** Only what the lead changed, for PATCH: nothing when the answers are as the indicator was. */
export function changesOf(ind: IndicatorSeries, request: NewIndicator): IndicatorPatch {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request)) {
    if (JSON.stringify(value) !== JSON.stringify(ind[key as keyof IndicatorSeries])) changes[key] = value;
  }
  return changes as IndicatorPatch;
}
