import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changeBetween,
  dueIndicators,
  formatMeasure,
  formatPoint,
  indicatorErrors,
  indicatorSubmitErrors,
  isDue,
  QUERY_PERCENTAGE_POINTS,
  QUERY_RELATIVE_CHANGE,
  ragFor,
  targetWords,
  UNIT_RULES,
  unitError,
  valueError,
  valueQuery,
} from './rules.js';
import { type Direction, type Indicator, type IndicatorValue, type MeasureRag, UNITS, type Unit } from './schema.js';

/** Fixed seeds: every run generates the same cases, so a failure is reproducible. */
const RUNS = { numRuns: 500 } as const;

type Rated = Pick<Indicator, 'direction' | 'target' | 'targetMax' | 'tolerance'>;
const RANK: Record<MeasureRag, number> = { red: 0, amber: 1, green: 2 };
const point = (value: number | null, belowThreshold = false) => ({ value, belowThreshold });
const rag = (ind: Rated, value: number, threshold = 5) => ragFor(ind, point(value), threshold);

/** A value a person could type: whole, or with one or two decimal places, within ±10,000. */
const typed = fc.oneof(
  fc.integer({ min: -10_000, max: 10_000 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 10),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100),
);
const tolerance = fc.option(
  fc.oneof(
    fc.integer({ min: 0, max: 50 }),
    fc.integer({ min: 1, max: 500 }).map((n) => n / 10),
  ),
  { nil: null },
);
const oneWay = (direction: Exclude<Direction, 'range'>) => fc.record({ direction: fc.constant(direction), target: typed, targetMax: fc.constant(null), tolerance });
const range = fc
  .record({ a: typed, b: typed, tolerance })
  .map(({ a, b, tolerance }): Rated => ({ direction: 'range', target: Math.min(a, b), targetMax: Math.max(a, b), tolerance }));
const anyRated: fc.Arbitrary<Rated> = fc.oneof(oneWay('higher'), oneWay('lower'), range);

const indicator = (over: Partial<Indicator> = {}): Indicator => ({
  id: 'placements-in-area',
  workstreamId: 'placement-sufficiency',
  name: 'Children placed in the local area',
  definition: '',
  unit: 'count',
  countsChildren: false,
  direction: 'higher',
  target: null,
  targetMax: null,
  tolerance: null,
  baseline: null,
  reportingAgencyId: 'medway-council',
  frequency: 'quarterly',
  source: '',
  publishedToExecutive: true,
  order: 0,
  createdAt: '2026-10-01T09:00:00.000Z',
  version: 1,
  ...over,
});

describe('unitError', () => {
  it('when a count is a whole number from 0 to 10 million, it is accepted; any other number is refused', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -20_000_000, max: 20_000_000 }), fc.double({ min: -1e8, max: 1e8, noNaN: true }), fc.constantFrom(Number.NaN, Infinity, -Infinity)),
        (v) => {
          const accepted = unitError('count', v) === null;
          return accepted === (Number.isInteger(v) && v >= 0 && v <= 10_000_000);
        },
      ),
      { seed: 11, ...RUNS },
    );
  });

  it.each([
    ['percentage', 0, true],
    ['percentage', 100, true],
    ['percentage', 92.5, true],
    ['percentage', 100.1, false],
    ['percentage', -0.1, false],
    ['percentage', 92.55, false],
    ['rate-per-10000', 12.5, true],
    ['rate-per-10000', 10_000.1, false],
    ['days', 45.5, true],
    ['days', -1, false],
    ['days', 45.25, false],
    ['money', -2_500.75, true],
    ['money', 2_700_000, true],
    ['money', 0.125, false],
    ['count', 3.5, false],
  ] as const)('when the unit is %s and the value is %d, it is accepted: %s', (unit, value, ok) => {
    expect(unitError(unit, value) === null).toBe(ok);
  });

  it('when a value is refused, the message says what the unit takes', () => {
    for (const unit of UNITS) expect(unitError(unit, Number.NaN)).toBe(`Enter ${UNIT_RULES[unit].says}`);
  });

  it('when a percentage, rate or number of days has at most one decimal place within its bounds, it is accepted', () => {
    fc.assert(
      fc.property(fc.constantFrom<Unit>('percentage', 'rate-per-10000', 'days'), fc.integer({ min: 0, max: 1_000_000 }), (unit, tenths) => {
        const v = tenths / 10;
        return (unitError(unit, v) === null) === v <= UNIT_RULES[unit].max;
      }),
      { seed: 12, ...RUNS },
    );
  });
});

describe('valueError and the small-number threshold', () => {
  const children = { unit: 'count' as const, countsChildren: true };

  it('when a count of children is from 1 to threshold - 1 it is refused, 0 and threshold or more are accepted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }), fc.integer({ min: 0, max: 100 }), (threshold, v) => {
        const refused = valueError(children, point(v), threshold) !== null;
        return refused === (v >= 1 && v < threshold);
      }),
      { seed: 21, ...RUNS },
    );
  });

  it('when the threshold is 5 and the value is 3, the message tells the agency to choose "fewer than 5"', () => {
    expect(valueError(children, point(3), 5)).toContain('Choose "fewer than 5" instead');
    expect(valueError(children, point(3), 3)).toBeNull();
    expect(valueError(children, point(2), 3)).toContain('Counts of 1 to 2 children');
  });

  it('when a value is not a count of children, small numbers are accepted', () => {
    expect(valueError({ unit: 'count', countsChildren: false }, point(3), 5)).toBeNull();
  });

  it('when "fewer than N" is chosen, it is accepted only for counts of children with no value', () => {
    expect(valueError(children, point(null, true), 5)).toBeNull();
    expect(valueError(children, point(3, true), 5)).toContain('not both');
    expect(valueError({ unit: 'count', countsChildren: false }, point(null, true), 5)).toContain('Only counts of children');
  });

  it('when there is no value, it is not an error (submission asks for a note instead)', () => {
    expect(valueError(children, point(null), 5)).toBeNull();
  });

  it('when a value does not fit its unit, the unit rule is the error', () => {
    expect(valueError(children, point(7.5), 5)).toBe('Enter a whole number, 0 or more');
    expect(valueError({ unit: 'percentage', countsChildren: false }, point(101), 5)).toContain('from 0 to 100');
  });
});

describe('indicatorErrors', () => {
  type Checked = Parameters<typeof indicatorErrors>[0];
  const base: Checked = {
    unit: 'count',
    countsChildren: false,
    direction: 'higher',
    target: 10,
    targetMax: null,
    tolerance: null,
    baseline: null,
    reportingAgencyId: 'medway-council',
  };
  const paths = (over: Partial<Checked>, reporting = ['medway-council']) => indicatorErrors({ ...base, ...over }, reporting).map((e) => e.path);

  it('when everything fits, there are no errors', () => {
    expect(paths({})).toEqual([]);
    expect(paths({ direction: 'range', target: 2, targetMax: 2, tolerance: 1 })).toEqual([]);
  });

  it.each([
    ['a percentage target of 150', { unit: 'percentage', target: 150 }, ['target']],
    ['a range without its upper end', { direction: 'range', target: 10 }, ['targetMax']],
    ['a range without its lower end', { direction: 'range', target: null, targetMax: 10 }, ['target']],
    ['a range whose upper end is below its lower end', { direction: 'range', target: 10, targetMax: 5 }, ['targetMax']],
    ['an upper end on a target that is not a range', { targetMax: 20 }, ['targetMax']],
    ['a count of children in percentages', { unit: 'percentage', countsChildren: true, target: 50 }, ['countsChildren']],
    ['a tolerance without a target', { target: null, tolerance: 2 }, ['tolerance']],
    ['a baseline that is not a whole count', { baseline: { value: 2.5, date: '2026-04-01' } }, ['baseline.value']],
    ['a reporting agency that does not report on the workstream', { reportingAgencyId: 'kent-police' }, ['reportingAgencyId']],
  ] as const)('when the lead sets %s, it names %j', (_what, over, expected) => {
    expect(paths(over as Partial<Checked>)).toEqual(expected);
  });

  it('when several things are wrong at once, each field is named', () => {
    expect(paths({ unit: 'percentage', countsChildren: true, direction: 'range', target: 150, targetMax: null, reportingAgencyId: 'kent-police' })).toEqual([
      'countsChildren',
      'target',
      'targetMax',
      'reportingAgencyId',
    ]);
  });

  it('when no agency reports on the workstream, the message says to add one first; otherwise it lists them by name', () => {
    expect(indicatorErrors(base, [])[0]?.message).toContain('No agency reports on this workstream yet');
    const names = new Map([['nhs-kent-medway', 'NHS Kent and Medway']]);
    expect(indicatorErrors(base, ['nhs-kent-medway'], names)[0]?.message).toContain('NHS Kent and Medway');
  });
});

describe('isDue and dueIndicators', () => {
  it('when an indicator is quarterly it is due every quarter; annually, only in Q4 (January to March)', () => {
    for (const q of [1, 2, 3, 4]) {
      expect(isDue({ frequency: 'quarterly' }, `2026-27-Q${q}`)).toBe(true);
      expect(isDue({ frequency: 'annually' }, `2026-27-Q${q}`)).toBe(q === 4);
    }
  });

  it("when an agency's section is built, only its own indicators in use for that workstream and due then are listed, in the lead's order", () => {
    const list = [
      indicator({ id: 'third', order: 2 }),
      indicator({ id: 'first', order: 0 }),
      indicator({ id: 'retired', order: 1, retiredAt: '2026-11-01T00:00:00.000Z' }),
      indicator({ id: 'annual', order: 3, frequency: 'annually' }),
      indicator({ id: 'police', order: 4, reportingAgencyId: 'kent-police' }),
      indicator({ id: 'elsewhere', order: 5, workstreamId: 'kinship' }),
    ];
    expect(dueIndicators(list, 'placement-sufficiency', 'medway-council', '2026-27-Q3').map((i) => i.id)).toEqual(['first', 'third']);
    expect(dueIndicators(list, 'placement-sufficiency', 'medway-council', '2026-27-Q4').map((i) => i.id)).toEqual(['first', 'third', 'annual']);
  });
});

describe('ragFor', () => {
  it('when there is no target or no value, there is no rating', () => {
    expect(ragFor({ direction: 'higher', target: null, targetMax: null, tolerance: null }, point(5), 5)).toBeNull();
    expect(ragFor({ direction: 'range', target: 1, targetMax: null, tolerance: null }, point(5), 5)).toBeNull();
    expect(ragFor({ direction: 'higher', target: 1, targetMax: null, tolerance: null }, point(null), 5)).toBeNull();
    expect(ragFor({ direction: 'higher', target: 1, targetMax: null, tolerance: null }, null, 5)).toBeNull();
  });

  it('when a value is on the target (or either end of a range), it is green', () => {
    fc.assert(
      fc.property(anyRated, (ind) => rag(ind, ind.target!) === 'green' && (ind.targetMax === null || rag(ind, ind.targetMax) === 'green')),
      { seed: 31, ...RUNS },
    );
  });

  it('when higher is better, a higher value never rates worse; when lower is better, never better', () => {
    fc.assert(
      fc.property(fc.oneof(oneWay('higher'), oneWay('lower')), typed, typed, (ind, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const [rLo, rHi] = [RANK[rag(ind, lo)!], RANK[rag(ind, hi)!]];
        return ind.direction === 'higher' ? rHi >= rLo : rHi <= rLo;
      }),
      { seed: 32, ...RUNS },
    );
  });

  it('when within a range is best, a value further outside the range never rates better', () => {
    const outside = (ind: Rated, v: number) => (v < ind.target! ? ind.target! - v : v > ind.targetMax! ? v - ind.targetMax! : 0);
    fc.assert(
      fc.property(range, typed, typed, (ind, a, b) => {
        const [near, far] = outside(ind, a) <= outside(ind, b) ? [a, b] : [b, a];
        return RANK[rag(ind, far)!] <= RANK[rag(ind, near)!];
      }),
      { seed: 33, ...RUNS },
    );
  });

  it('when a value misses the target by no more than the tolerance it is amber, by more it is red, and with no tolerance it is red', () => {
    const higher = { direction: 'higher' as const, target: 90, targetMax: null, tolerance: 5 };
    expect([rag(higher, 90), rag(higher, 85), rag(higher, 84.9)]).toEqual(['green', 'amber', 'red']);
    const lower = { direction: 'lower' as const, target: 20, targetMax: null, tolerance: 2 };
    expect([rag(lower, 20), rag(lower, 22), rag(lower, 22.1)]).toEqual(['green', 'amber', 'red']);
    const band = { direction: 'range' as const, target: 10, targetMax: 20, tolerance: 3 };
    expect([rag(band, 6.9), rag(band, 7), rag(band, 15), rag(band, 23), rag(band, 23.1)]).toEqual(['red', 'amber', 'green', 'amber', 'red']);
    expect(rag({ ...higher, tolerance: null }, 89.9)).toBe('red');
    expect(rag({ ...higher, tolerance: 0 }, 89.9)).toBe('red');
  });

  it('when a value is recorded as "fewer than N" and rated, every count from 1 to N-1 has that rating', () => {
    fc.assert(
      fc.property(anyRated, fc.integer({ min: 2, max: 20 }), (ind, threshold) => {
        const r = ragFor(ind, point(null, true), threshold);
        if (r === null) return true;
        for (let v = 1; v < threshold; v++) if (rag(ind, v, threshold) !== r) return false;
        return true;
      }),
      { seed: 34, numRuns: 2000 },
    );
  });

  it('when every count from 1 to N-1 has one rating, "fewer than N" is given that rating', () => {
    fc.assert(
      fc.property(anyRated, fc.integer({ min: 2, max: 20 }), (ind, threshold) => {
        const ratings = new Set(Array.from({ length: threshold - 1 }, (_, i) => rag(ind, i + 1, threshold)));
        return ratings.size !== 1 || ragFor(ind, point(null, true), threshold) === [...ratings][0];
      }),
      { seed: 35, numRuns: 2000 },
    );
  });

  it('when "fewer than 5" spans more than one rating, it is not rated (the rating would give the number away)', () => {
    expect(ragFor({ direction: 'lower', target: 2, targetMax: null, tolerance: null }, point(null, true), 5)).toBeNull();
    expect(ragFor({ direction: 'lower', target: 10, targetMax: null, tolerance: null }, point(null, true), 5)).toBe('green');
    expect(ragFor({ direction: 'range', target: 2, targetMax: 3, tolerance: null }, point(null, true), 5)).toBeNull();
  });
});

describe('valueQuery', () => {
  const count = { unit: 'count' as const };
  const pct = { unit: 'percentage' as const };
  const history = (values: number[]) => values.map((value, i) => ({ periodId: `20${25 - i}-${26 - i}-Q1`, value }));
  const recent = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 });

  it('when a value lies inside the range of the last four values, it is never queried', () => {
    fc.assert(
      fc.property(fc.constantFrom(count, pct, { unit: 'money' as const }), recent, fc.double({ min: 0, max: 1, noNaN: true }), (ind, values, at) => {
        const window = values.slice(0, 4);
        const [lo, hi] = [Math.min(...window), Math.max(...window)];
        return valueQuery(ind, lo + (hi - lo) * at, history(values)) === null;
      }),
      { seed: 41, ...RUNS },
    );
  });

  it('when a value moved more than 25% from the last one and lies outside the recent range, it is queried; otherwise not', () => {
    fc.assert(
      fc.property(recent, fc.integer({ min: 0, max: 20_000 }), (values, v) => {
        const window = values.slice(0, 4);
        const last = values[0]!;
        const outside = v < Math.min(...window) || v > Math.max(...window);
        // A quarter of a whole number is exact in floating point: |v - last| > 25% of last (of 1 when last is 0).
        const moved = Math.abs(v - last) > QUERY_RELATIVE_CHANGE * Math.max(last, 1);
        return (valueQuery(count, v, history(values)) !== null) === (outside && moved);
      }),
      { seed: 42, ...RUNS },
    );
  });

  it('when a percentage moved more than 10 points from the last one and lies outside the recent range, it is queried; otherwise not', () => {
    // Percentages are typed to one decimal place: generated as tenths, so "more than 10 points" is
    // exact; moves of exactly 10 points (and 10.1) are generated often, as that is where it could go wrong.
    const tenths = fc.integer({ min: 0, max: 1000 });
    const move = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(-101, -100, 100, 101));
    fc.assert(
      fc.property(fc.array(tenths, { minLength: 1, maxLength: 8 }), move, (values, by) => {
        const v = Math.min(1000, Math.max(0, values[0]! + by));
        const window = values.slice(0, 4);
        const outside = v < Math.min(...window) || v > Math.max(...window);
        const moved = Math.abs(v - values[0]!) > QUERY_PERCENTAGE_POINTS * 10;
        const queried = valueQuery(
          pct,
          v / 10,
          values.map((x, i) => ({ periodId: history(values)[i]!.periodId, value: x / 10 })),
        );
        return (queried !== null) === (outside && moved);
      }),
      { seed: 43, ...RUNS },
    );
  });

  it('when a rate moved by one decimal place amounts, more than 25% is queried and exactly 25% is not', () => {
    const rate = { unit: 'rate-per-10000' as const };
    const tenths = fc.integer({ min: 10, max: 4000 });
    fc.assert(
      fc.property(tenths, fc.boolean(), fc.integer({ min: 0, max: 2 }), (last, up, extra) => {
        // last / 4 moved exactly 25%; one tenth more is over 25%.
        fc.pre(last % 4 === 0);
        const by = last / 4 + extra;
        const v = up ? last + by : last - by;
        const queried = valueQuery(rate, v / 10, [{ periodId: '2026-27-Q2', value: last / 10 }]);
        return (queried !== null) === extra > 0;
      }),
      { seed: 44, ...RUNS },
    );
  });

  it('when a percentage moved exactly 10 points (20.1% against 10.1%), it is not queried', () => {
    expect(valueQuery(pct, 20.1, history([10.1]))).toBeNull();
    expect(valueQuery(pct, 10.1, history([20.1]))).toBeNull();
  });

  it('when a rate moved exactly 25% (1.5 against 1.2 per 10,000), it is not queried', () => {
    expect(valueQuery({ unit: 'rate-per-10000' }, 1.5, history([1.2]))).toBeNull();
  });

  it('when there is no value or no history, nothing is queried', () => {
    expect(valueQuery(count, null, history([10]))).toBeNull();
    expect(valueQuery(count, 1_000, [])).toBeNull();
  });

  it('when only older values (beyond the last four) were near, the value is still queried', () => {
    expect(valueQuery(count, 100, history([40, 42, 41, 40, 100]))).not.toBeNull();
  });

  it('when a value is queried, the message names the change, both values and the period of the last one', () => {
    expect(valueQuery(count, 80, [{ periodId: '2026-27-Q2', value: 40 }])).toBe(
      'This is 100% higher than the last value reported (80 against 40 in 2026-27 Q2). Check it: if it is right, confirm it; if not, correct it',
    );
    expect(valueQuery(pct, 50, [{ periodId: '2026-27-Q1', value: 72.5 }])).toContain('22.5 percentage points lower');
  });
});

describe('formatMeasure and formatPoint', () => {
  it.each([
    ['count', 539, '539'],
    ['count', 12_345, '12,345'],
    ['percentage', 92, '92%'],
    ['percentage', 92.5, '92.5%'],
    ['rate-per-10000', 12.5, '12.5 per 10,000'],
    ['days', 45, '45 days'],
    ['days', 1, '1 day'],
    ['money', 2_700_000, '£2,700,000'],
    ['money', 1_234.5, '£1,234.50'],
    ['money', -5.5, '-£5.50'],
  ] as const)('when a %s of %d is shown, it reads "%s"', (unit, value, text) => {
    expect(formatMeasure(unit, value)).toBe(text);
  });

  it('when a point is below the threshold or has no value, it says so in words', () => {
    expect(formatPoint('count', point(null, true), 5)).toBe('Fewer than 5');
    expect(formatPoint('count', point(null), 5)).toBe('Not available');
    expect(formatPoint('percentage', point(81.5), 5)).toBe('81.5%');
  });
});

describe('targetWords', () => {
  const target = (unit: Unit, direction: Direction, t: number | null, max: number | null = null) => targetWords({ unit, direction, target: t, targetMax: max });

  it.each([
    ['count', 'higher', 200, null, '200 or more'],
    ['percentage', 'higher', 95, null, '95% or more'],
    ['count', 'lower', 520, null, '520 or fewer'],
    ['days', 'lower', 45, null, '45 days or less'],
    ['money', 'lower', 2_700_000, null, '£2,700,000 or less'],
    ['rate-per-10000', 'range', 309.8, 339.7, 'Between 309.8 and 339.7 per 10,000'],
    ['days', 'range', 1, 5, 'Between 1 and 5 days'],
    ['percentage', 'range', 40, 60, 'Between 40% and 60%'],
    ['money', 'range', -5, 5, 'Between -£5 and £5'],
    ['count', 'range', 12, 12, '12'],
  ] as const)('when a %s target with %s better is %d (upper end: %s), it reads "%s"', (unit, direction, t, max, text) => {
    expect(target(unit, direction, t, max)).toBe(text);
  });

  it('when there is no target, there are no words for one (the page says "No target set")', () => {
    for (const direction of ['higher', 'lower', 'range'] as const) expect(target('count', direction, null)).toBeNull();
  });

  it('when a range has only its lower end, it reads as that or more', () => {
    expect(target('percentage', 'range', 40)).toBe('40% or more');
  });

  it('when any target is set, the words carry its number as formatted for the unit', () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNITS), fc.constantFrom<Direction>('higher', 'lower'), typed, (unit, direction, t) => {
        expect(target(unit, direction, t)).toContain(formatMeasure(unit, t));
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.constantFrom(...UNITS), typed, typed, (unit, a, b) => {
        fc.pre(a < b);
        const words = target(unit, 'range', a, b) ?? '';
        expect(words.startsWith('Between ') && words.endsWith(` and ${formatMeasure(unit, b)}`)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('indicatorSubmitErrors', () => {
  const due = [
    { id: 'in-area', name: 'Children placed in the local area' },
    { id: 'stability', name: 'Placement stability' },
  ];
  const value = (over: Partial<IndicatorValue>): IndicatorValue => ({ indicatorId: 'in-area', value: null, belowThreshold: false, note: '', confirmed: false, ...over });

  it('when every due indicator has a value, "fewer than N" or a note, submission may go ahead', () => {
    expect(indicatorSubmitErrors(2, due, [value({ value: 40 }), value({ indicatorId: 'stability', note: 'The data system was being replaced this quarter.' })])).toEqual([]);
    expect(indicatorSubmitErrors(2, due, [value({ belowThreshold: true }), value({ indicatorId: 'stability', value: 0 })])).toEqual([]);
  });

  it('when a due indicator is missing, or has no value and no note (or only spaces), each is named at its path', () => {
    const errors = indicatorSubmitErrors(3, due, [value({ indicatorId: 'stability', note: '   ' })]);
    expect(errors.map((e) => e.path)).toEqual(['sections[3].indicators', 'sections[3].indicators[0].note']);
    expect(errors[0]?.message).toContain('"Children placed in the local area"');
    expect(errors[1]?.message).toContain('"Placement stability"');
  });
});

describe('changeBetween', () => {
  it('when both values are numbers it is their difference without float noise; otherwise null', () => {
    expect(changeBetween(0.3, 0.1)).toBe(0.2);
    expect(changeBetween(40, 52)).toBe(-12);
    expect(changeBetween(null, 1)).toBeNull();
    expect(changeBetween(1, undefined)).toBeNull();
  });

  it('when values are typed to two decimal places, the change is exact to two decimal places', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: -1_000_000, max: 1_000_000 }), (a, b) => changeBetween(a / 100, b / 100) === (a - b) / 100),
      { seed: 51, ...RUNS },
    );
  });
});
