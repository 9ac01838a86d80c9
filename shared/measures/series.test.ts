import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePeriodIds, formatPeriodId, type Quarter } from '../periods/period.js';
import type { Indicator, IndicatorValue } from './schema.js';
import { pointState, pointsOf, recentValues, seriesOf, type ValueGroup } from './series.js';

/** Fixed seeds: every run generates the same cases, so a failure is reproducible. */
const RUNS = { numRuns: 400 } as const;

const STATUSES = ['not-started', 'draft', 'awaiting-certification', 'submitted', 'returned', 'accepted'] as const;

const indicator = (over: Partial<Indicator> = {}): Indicator & { reportingAgencyName: string; retired: boolean } => ({
  id: 'in-area',
  workstreamId: 'placement-sufficiency',
  name: 'Children placed in the local area',
  definition: '',
  unit: 'count',
  countsChildren: true,
  direction: 'higher',
  target: 40,
  targetMax: null,
  tolerance: 5,
  baseline: { value: 30, date: '2026-03-31' },
  reportingAgencyId: 'medway-council',
  frequency: 'quarterly',
  source: '',
  publishedToExecutive: true,
  order: 0,
  createdAt: '2026-04-01T09:00:00.000Z',
  version: 1,
  reportingAgencyName: 'Medway Council',
  retired: false,
  ...over,
});
const IND = indicator();

const value = (v: number | null, over: Partial<IndicatorValue> = {}): IndicatorValue => ({
  indicatorId: IND.id,
  value: v,
  belowThreshold: false,
  note: '',
  confirmed: false,
  ...over,
});
const group = (periodId: string, status: string, values: IndicatorValue[], over: Partial<ValueGroup> = {}): ValueGroup => ({
  workstreamId: IND.workstreamId,
  periodId,
  agencyId: 'medway-council',
  status,
  values,
  ...over,
});

const periodId = fc.record({ year: fc.integer({ min: 2015, max: 2035 }), quarter: fc.constantFrom<Quarter>(1, 2, 3, 4) }).map(formatPeriodId);
const arbitraryGroup: fc.Arbitrary<ValueGroup> = fc
  .record({
    workstreamId: fc.constantFrom('placement-sufficiency', 'kinship'),
    periodId,
    agencyId: fc.constantFrom('medway-council', 'nhs-kent-medway'),
    status: fc.constantFrom(...STATUSES),
    values: fc.array(
      fc.record({
        indicatorId: fc.constantFrom('in-area', 'stability'),
        value: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
        belowThreshold: fc.boolean(),
        note: fc.constant(''),
        confirmed: fc.boolean(),
      }),
      { maxLength: 3 },
    ),
    history: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map(({ history, ...g }) => (history === undefined ? g : { ...g, history }));
/** Groups as stored: one item per workstream, period and agency. */
const groupsOf = (maxLength: number) => fc.uniqueArray(arbitraryGroup, { maxLength, selector: (g) => `${g.workstreamId}#${g.periodId}#${g.agencyId}` });

describe('pointState', () => {
  it('when a return is accepted (or the values were loaded from before the portal) they are final; submitted, provisional; otherwise not shown', () => {
    expect(STATUSES.map((status) => pointState({ status }))).toEqual([null, null, null, 'provisional', null, 'accepted']);
    expect(pointState({ status: 'draft', history: true })).toBe('accepted');
  });
});

describe('pointsOf', () => {
  it('when any mix of returns is read, no point comes from a return that has not reached the lead, and points are in period order, one per period', () => {
    fc.assert(
      fc.property(groupsOf(12), fc.option(periodId, { nil: null }), (groups, upTo) => {
        const points = pointsOf(IND, groups, upTo);
        const ordered = points.every((p, i) => i === 0 || comparePeriodIds(points[i - 1]!.periodId, p.periodId) < 0);
        const fromLead = points.every((p) =>
          groups.some((g) => g.periodId === p.periodId && g.workstreamId === IND.workstreamId && pointState(g) === p.state && g.values.some((v) => v.indicatorId === IND.id)),
        );
        const inScope = points.every((p) => upTo === null || comparePeriodIds(p.periodId, upTo) <= 0);
        return ordered && fromLead && inScope;
      }),
      { seed: 61, ...RUNS },
    );
  });

  it('when every group of a period is a draft, returned or awaiting certification, the period has no point', () => {
    fc.assert(
      fc.property(
        groupsOf(12).map((gs) => gs.map((g) => ({ ...g, status: g.status === 'submitted' || g.status === 'accepted' ? 'draft' : g.status, history: false }))),
        (groups) => pointsOf(IND, groups, null).length === 0,
      ),
      { seed: 62, ...RUNS },
    );
  });

  it('when values come in any order, the points are the same', () => {
    fc.assert(
      fc.property(
        groupsOf(10).chain((gs) => fc.tuple(fc.constant(gs), fc.shuffledSubarray(gs, { minLength: gs.length, maxLength: gs.length }))),
        ([groups, shuffled]) => {
          expect(pointsOf(IND, shuffled, null)).toEqual(pointsOf(IND, groups, null));
        },
      ),
      { seed: 63, ...RUNS },
    );
  });

  it('when a workstream has values over several periods, only the indicator’s own accepted and submitted ones show, oldest first, up to the period asked', () => {
    const groups = [
      group('2026-27-Q3', 'submitted', [value(44)]),
      group('2026-27-Q1', 'accepted', [value(38, { note: 'New data system' })]),
      group('2026-27-Q2', 'accepted', [value(null, { belowThreshold: true })]),
      group('2026-27-Q4', 'draft', [value(50)]),
      group('2026-27-Q2', 'accepted', [value(99)], { workstreamId: 'kinship' }),
      group('2025-26-Q4', 'accepted', [value(7, { indicatorId: 'stability' })]),
    ];
    expect(pointsOf(IND, groups, null)).toEqual([
      { periodId: '2026-27-Q1', value: 38, belowThreshold: false, threshold: null, note: 'New data system', state: 'accepted' },
      { periodId: '2026-27-Q2', value: null, belowThreshold: true, threshold: null, note: '', state: 'accepted' },
      { periodId: '2026-27-Q3', value: 44, belowThreshold: false, threshold: null, note: '', state: 'provisional' },
    ]);
    expect(pointsOf(IND, groups, '2026-27-Q2').map((p) => p.periodId)).toEqual(['2026-27-Q1', '2026-27-Q2']);
  });

  it('when the reporting agency changed mid-period and both agencies reported, the accepted value wins over a provisional one', () => {
    const groups = [group('2026-27-Q3', 'submitted', [value(10)], { agencyId: 'medway-council' }), group('2026-27-Q3', 'accepted', [value(20)], { agencyId: 'nhs-kent-medway' })];
    expect(pointsOf(IND, groups, null)).toEqual([expect.objectContaining({ value: 20, state: 'accepted' })]);
    expect(pointsOf(IND, [...groups].reverse(), null)).toEqual([expect.objectContaining({ value: 20, state: 'accepted' })]);
  });

  it('when both agencies’ values for a period are equally final, the agency reporting it now wins, else the later agency id, whatever order they are read in', () => {
    const groups = [group('2026-27-Q3', 'accepted', [value(10)], { agencyId: 'medway-council' }), group('2026-27-Q3', 'accepted', [value(20)], { agencyId: 'nhs-kent-medway' })];
    const reportedBy = (reportingAgencyId: string) => ({ ...IND, reportingAgencyId });
    for (const order of [groups, [...groups].reverse()]) {
      expect(pointsOf(reportedBy('medway-council'), order, null).map((p) => p.value)).toEqual([10]);
      expect(pointsOf(reportedBy('nhs-kent-medway'), order, null).map((p) => p.value)).toEqual([20]);
      expect(pointsOf(reportedBy('kent-police'), order, null).map((p) => p.value)).toEqual([20]);
    }
  });

  it('when a count of children was stored below the threshold now in force, it reads "fewer than N" with that N, never the number', () => {
    const children = { ...IND, countsChildren: true };
    const points = pointsOf(
      children,
      [group('2026-27-Q1', 'accepted', [value(3)]), group('2026-27-Q2', 'accepted', [value(0)]), group('2026-27-Q3', 'accepted', [value(7)])],
      null,
      5,
    );
    expect(points.map((p) => [p.value, p.belowThreshold, p.threshold])).toEqual([
      [null, true, 5],
      [0, false, null],
      [7, false, null],
    ]);
    // Not a count of children: the number stands.
    expect(pointsOf({ ...IND, countsChildren: false }, [group('2026-27-Q1', 'accepted', [value(3)])], null, 5)[0]).toMatchObject({ value: 3, belowThreshold: false });
  });
});

describe('recentValues', () => {
  it('when a period is being reported, it lists the numbers before it, newest first, leaving out "fewer than N" and missing values', () => {
    const points = pointsOf(
      IND,
      [
        group('2026-27-Q1', 'accepted', [value(38)]),
        group('2026-27-Q2', 'accepted', [value(null, { belowThreshold: true })]),
        group('2026-27-Q3', 'accepted', [value(41)]),
        group('2026-27-Q4', 'submitted', [value(44)]),
        group('2027-28-Q1', 'submitted', [value(null)]),
      ],
      null,
    );
    expect(recentValues(points, '2026-27-Q4')).toEqual([
      { periodId: '2026-27-Q3', value: 41 },
      { periodId: '2026-27-Q1', value: 38 },
    ]);
    expect(recentValues(points, '2026-27-Q1')).toEqual([]);
  });

  it('when any points are given, the values listed are before the period and newest first', () => {
    fc.assert(
      fc.property(groupsOf(12), periodId, (groups, at) => {
        const recent = recentValues(pointsOf(IND, groups, null), at);
        return recent.every((r, i) => comparePeriodIds(r.periodId, at) < 0 && (i === 0 || comparePeriodIds(recent[i - 1]!.periodId, r.periodId) > 0));
      }),
      { seed: 64, ...RUNS },
    );
  });
});

describe('seriesOf', () => {
  it('when an indicator has values, the series has the latest point, the changes since the last value and the baseline, and the RAG rating', () => {
    const s = seriesOf(IND, [group('2026-27-Q1', 'accepted', [value(33)]), group('2026-27-Q2', 'submitted', [value(37)])], null, 5);
    expect(s).toMatchObject({
      id: IND.id,
      reportingAgencyName: 'Medway Council',
      latest: { periodId: '2026-27-Q2', value: 37, state: 'provisional' },
      changeSinceLast: 4,
      changeSinceBaseline: 7,
      rag: 'amber',
    });
    expect(s.points).toHaveLength(2);
  });

  it('when asked up to an earlier period, the latest point and changes are as they were then', () => {
    const s = seriesOf(IND, [group('2026-27-Q1', 'accepted', [value(33)]), group('2026-27-Q2', 'accepted', [value(41)])], '2026-27-Q1', 5);
    expect(s).toMatchObject({ latest: { periodId: '2026-27-Q1', value: 33 }, changeSinceLast: null, changeSinceBaseline: 3, rag: 'red' });
  });

  it('when the latest value is "fewer than N" or missing, there is no change, and "fewer than N" is rated only when the whole span rates alike', () => {
    const low = seriesOf(IND, [group('2026-27-Q1', 'accepted', [value(33)]), group('2026-27-Q2', 'accepted', [value(null, { belowThreshold: true })])], null, 5);
    expect(low).toMatchObject({ changeSinceLast: null, changeSinceBaseline: null, rag: 'red' });
    const missing = seriesOf(IND, [group('2026-27-Q1', 'accepted', [value(null, { note: 'System outage' })])], null, 5);
    expect(missing).toMatchObject({ latest: { value: null, note: 'System outage' }, rag: null });
  });

  it('when there are no values, the series is empty with no rating', () => {
    expect(seriesOf(IND, [], null, 5)).toMatchObject({ points: [], latest: null, changeSinceLast: null, changeSinceBaseline: null, rag: null });
  });
});
