import { z } from 'zod';
import { patchOf } from '../http/patch.js';
import { Slug } from '../partnership/schema.js';
import { PeriodId } from '../periods/period.js';
import { IsoDate } from '../workstreams/milestone.js';

/**
 * Outcome measures (issue 15): indicators the lead defines per workstream, each reported every
 * quarter (or once a year) by one agency in its return, with a target that gives a RAG rating and
 * a trend. Indicators are aggregates, never about a child: counts of children below the
 * partnership's small-number threshold are refused (see rules.ts).
 */

export const UNITS = ['count', 'percentage', 'rate-per-10000', 'days', 'money'] as const;
export const Unit = z.enum(UNITS, { message: 'Choose a unit: count, percentage, rate per 10,000 children, days or money' });
export type Unit = z.infer<typeof Unit>;
export const UNIT_LABELS: Record<Unit, string> = {
  count: 'Count',
  percentage: 'Percentage',
  'rate-per-10000': 'Rate per 10,000 children',
  days: 'Days',
  money: 'Money (£)',
};

export const DIRECTIONS = ['higher', 'lower', 'range'] as const;
export const Direction = z.enum(DIRECTIONS, { message: 'Choose which is better: higher, lower or within a range' });
export type Direction = z.infer<typeof Direction>;
export const DIRECTION_LABELS: Record<Direction, string> = { higher: 'Higher is better', lower: 'Lower is better', range: 'Within a range is best' };

export const FREQUENCIES = ['quarterly', 'annually'] as const;
export const Frequency = z.enum(FREQUENCIES, { message: 'Choose how often it is reported: every quarter or once a year' });
export type Frequency = z.infer<typeof Frequency>;
export const FREQUENCY_LABELS: Record<Frequency, string> = { quarterly: 'Every quarter', annually: 'Once a year, in the fourth-quarter return (January to March)' };

/** RAG against target: three levels, unlike the five-point delivery confidence scale. */
export const MEASURE_RAGS = ['green', 'amber', 'red'] as const;
export type MeasureRag = (typeof MEASURE_RAGS)[number];
export const MEASURE_RAG_LABELS: Record<MeasureRag, string> = { green: 'On target', amber: 'Near target', red: 'Off target' };
export const MEASURE_RAG_MEANINGS: Record<MeasureRag, string> = {
  green: 'Green: the latest value meets the target.',
  amber: 'Amber: the latest value misses the target, but by no more than the tolerance the lead set.',
  red: 'Red: the latest value misses the target by more than the tolerance.',
};

/** The most indicators one agency reports in one workstream: what one return section takes. */
export const MAX_INDICATORS_PER_SECTION = 40;

/** The small-number threshold when the partnership has not set one: counts of 1 to 4 children are not recorded. */
export const DEFAULT_SMALL_NUMBER_THRESHOLD = 5;

/** Any number a person may type for a value, target or baseline; the unit's own rule is in rules.ts. */
const Num = z.number({ message: 'Enter a number' }).min(-1e12, 'Enter a larger number').max(1e12, 'Enter a smaller number');

export const Baseline = z.object({ value: Num, date: IsoDate }).strict();
export type Baseline = z.infer<typeof Baseline>;

/**
 * What the lead sets for an indicator. Rules across fields (a range needs both ends, a value fits
 * its unit, the reporting agency contributes to the workstream) are checked by the service on the
 * indicator that results, with {@link indicatorErrors} in rules.ts, for create and change alike.
 */
export const CreateIndicatorRequest = z
  .object({
    name: z.string().trim().min(1, 'Enter the name of the indicator').max(120, 'Indicator names must be 120 characters or fewer'),
    definition: z.string().trim().max(1000, 'Definitions must be 1,000 characters or fewer').default(''),
    unit: Unit,
    /** A count of children: values below the small-number threshold are refused. */
    countsChildren: z.boolean().default(false),
    direction: Direction,
    /** Higher or lower is better: the target. Within a range: its lower end. */
    target: Num.nullable().default(null),
    /** Within a range: its upper end. */
    targetMax: Num.nullable().default(null),
    /** How far from the target is still amber (in the unit); none: anything missing the target is red. */
    tolerance: Num.min(0, 'The tolerance cannot be negative').nullable().default(null),
    baseline: Baseline.nullable().default(null),
    reportingAgencyId: Slug,
    frequency: Frequency.default('quarterly'),
    source: z.string().trim().max(200, 'Sources must be 200 characters or fewer').default(''),
    publishedToExecutive: z.boolean().default(true),
  })
  .strict();
export type CreateIndicatorRequest = z.infer<typeof CreateIndicatorRequest>;

/** PATCH: only the fields sent change. */
export const UpdateIndicatorRequest = patchOf(CreateIndicatorRequest);
export type UpdateIndicatorRequest = z.infer<typeof UpdateIndicatorRequest>;

/** An indicator as stored and answered. */
export const Indicator = z.object({
  id: Slug,
  workstreamId: Slug,
  name: z.string(),
  definition: z.string(),
  unit: Unit,
  countsChildren: z.boolean(),
  direction: Direction,
  target: z.number().nullable(),
  targetMax: z.number().nullable(),
  tolerance: z.number().nullable(),
  baseline: Baseline.nullable(),
  reportingAgencyId: Slug,
  frequency: Frequency,
  source: z.string(),
  publishedToExecutive: z.boolean(),
  order: z.number().int().min(0),
  createdAt: z.string(),
  retiredAt: z.string().optional(),
  retiredBy: z.string().optional(),
  version: z.number().int().min(1),
});
export type Indicator = z.infer<typeof Indicator>;

export const IndicatorView = Indicator.extend({ reportingAgencyName: z.string(), retired: z.boolean() }).meta({ id: 'Indicator' });
export type IndicatorView = z.infer<typeof IndicatorView>;

/**
 * One indicator's value in a return section, as the agency enters it. `value` null with
 * `belowThreshold` false is "not available this quarter" (submission then needs a note saying
 * why). `confirmed` answers a query: the agency checked a value far from the recent range.
 */
export const IndicatorValueInput = z
  .object({
    indicatorId: Slug,
    value: Num.nullable().default(null),
    belowThreshold: z.boolean().default(false).describe('A count of children below the small-number threshold: recorded as "fewer than N", never as a number'),
    note: z.string().max(1000, 'Notes must be 1,000 characters or fewer').default('').describe('Why it moved, or why there is no value this quarter'),
    confirmed: z.boolean().default(false).describe('The agency checked a value the portal queried, and it is correct'),
    threshold: z.number().int().optional().describe('Answered with "fewer than N" values (N as it was when recorded); ignored when sent: the portal records it'),
  })
  .strict();
export type IndicatorValueInput = z.infer<typeof IndicatorValueInput>;

export const IndicatorValue = z.object({
  indicatorId: Slug,
  value: z.number().nullable(),
  belowThreshold: z.boolean(),
  note: z.string(),
  confirmed: z.boolean(),
  /**
   * With `belowThreshold`: the small-number threshold when it was recorded, so "fewer than 5" keeps
   * meaning 1 to 4 after the partnership changes its threshold (absent: the partnership's current one).
   */
  threshold: z.number().int().optional(),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

/** `PUT /measures/settings`. */
export const MeasureSettingsRequest = z
  .object({
    smallNumberThreshold: z
      .number({ message: 'Enter a whole number from 2 to 20' })
      .int('Enter a whole number from 2 to 20')
      .min(2, 'Enter a whole number from 2 to 20')
      .max(20, 'Enter a whole number from 2 to 20'),
  })
  .strict();
export type MeasureSettingsRequest = z.infer<typeof MeasureSettingsRequest>;

export const MeasureSettingsView = z
  .object({ smallNumberThreshold: z.number().int(), version: z.number().int().min(0).describe('Send back as If-Match (0: never set)') })
  .meta({ id: 'MeasureSettings' });
export type MeasureSettingsView = z.infer<typeof MeasureSettingsView>;

/** Whether a reported value is final (its return accepted) or provisional (submitted, not yet accepted; or history loaded as such). */
export const POINT_STATES = ['accepted', 'provisional'] as const;

export const MeasurePoint = z.object({
  periodId: PeriodId,
  value: z.number().nullable(),
  belowThreshold: z.boolean(),
  threshold: z.number().int().nullable().describe('With belowThreshold: the small-number threshold when it was recorded'),
  note: z.string(),
  state: z.enum(POINT_STATES),
});
export type MeasurePoint = z.infer<typeof MeasurePoint>;

export const IndicatorSeries = IndicatorView.extend({
  /** Every reported value, oldest first, up to the period asked for. */
  points: z.array(MeasurePoint),
  latest: MeasurePoint.nullable(),
  /** Latest value minus the one reported before it (both numbers), else null. */
  changeSinceLast: z.number().nullable(),
  changeSinceBaseline: z.number().nullable(),
  rag: z.enum(MEASURE_RAGS).nullable().describe('Against the target, from the latest value; null with no target or no value'),
}).meta({ id: 'IndicatorSeries' });
export type IndicatorSeries = z.infer<typeof IndicatorSeries>;

export const MeasuresView = z
  .object({
    upTo: PeriodId.nullable().describe('Values up to and including this period (null: all)'),
    settings: MeasureSettingsView,
    workstreams: z.array(z.object({ id: Slug, name: z.string(), retired: z.boolean(), indicators: z.array(IndicatorSeries) })),
  })
  .meta({ id: 'Measures' });
export type MeasuresView = z.infer<typeof MeasuresView>;

export const MeasuresQuery = z
  .object({
    workstreamId: Slug.optional().describe('One workstream (default: all)'),
    periodId: PeriodId.optional().describe('Values up to this period (default: all)'),
  })
  .strict();
