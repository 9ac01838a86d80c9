import { describe, expect, it } from 'vitest';
import { periodBounds } from '../periods/period.js';
import { contributorsDuring, inUse, inUseDuring, periodScope, reportingAgencyIds, requiredWorkstreamIds, retirementPeriods, withContributors } from './period-scope.js';

const Q2 = periodBounds('2026-27-Q2');
const Q3 = periodBounds('2026-27-Q3');
const Q4 = periodBounds('2026-27-Q4');
// 3 December 2026, mid-morning in the UK; 1 January 2027 just after midnight in the UK.
const DEC3 = '2026-12-03T10:00:00.000Z';
const JAN1 = '2027-01-01T00:30:00.000Z';

const ws = (id: string, contributingAgencyIds: string[], more: Record<string, unknown> = {}) => ({ id, contributingAgencyIds, ...more });

describe('inUseDuring', () => {
  it('when there are no dates, it was there from the start and still is: in every period', () => {
    expect(inUseDuring({}, Q2)).toBe(true);
    expect(inUseDuring({}, Q4)).toBe(true);
  });

  it('when retired on 3 December, it stays in the quarter it was retired in and earlier ones, and is left out of the next', () => {
    expect(inUseDuring({ until: DEC3 }, Q2)).toBe(true);
    expect(inUseDuring({ until: DEC3 }, Q3)).toBe(true);
    expect(inUseDuring({ until: DEC3 }, Q4)).toBe(false);
  });

  it('when retired on the first day of a quarter, it is not in that quarter (not in use on any of its days)', () => {
    expect(inUseDuring({ until: JAN1 }, Q3)).toBe(true);
    expect(inUseDuring({ until: JAN1 }, Q4)).toBe(false);
  });

  it('when added on 3 December, it is in the quarter it was added in and later ones, and not in earlier ones', () => {
    expect(inUseDuring({ from: DEC3 }, Q2)).toBe(false);
    expect(inUseDuring({ from: DEC3 }, Q3)).toBe(true);
    expect(inUseDuring({ from: DEC3 }, Q4)).toBe(true);
  });

  it('when added and retired on the same day, it was never in use: in no period', () => {
    expect(inUseDuring({ from: DEC3, until: '2026-12-03T16:00:00.000Z' }, Q3)).toBe(false);
  });

  it('when an instant is late in the evening in British Summer Time, its UK day decides (not the UTC one)', () => {
    // 23:30 UTC on 30 September is 00:30 on 1 October in the UK: Q3's first day.
    expect(inUseDuring({ until: '2026-09-30T23:30:00.000Z' }, Q3)).toBe(false);
    expect(inUseDuring({ until: '2026-09-30T22:30:00.000Z' }, Q3)).toBe(false);
    expect(inUseDuring({ until: '2026-10-01T23:30:00.000Z' }, Q3)).toBe(true);
  });
});

describe('periodScope', () => {
  const data = {
    agencies: [{ id: 'council' }, { id: 'police' }, { id: 'schools', retiredAt: DEC3 }, { id: 'charity', createdAt: DEC3 }],
    workstreams: [
      ws('family-help', ['council', 'police', 'schools']),
      ws('kinship', ['council', 'schools'], { retiredAt: DEC3 }),
      ws('youth', ['council', 'charity'], { createdAt: DEC3 }),
    ],
  };

  it('when the period is before any change, it has what was there from the start and nothing added later', () => {
    const s = periodScope(data, Q2);
    expect(s.agencies.map((a) => a.id)).toEqual(['council', 'police', 'schools']);
    expect(s.workstreams.map((w) => [w.id, w.contributingAgencyIds])).toEqual([
      ['family-help', ['council', 'police', 'schools']],
      ['kinship', ['council', 'schools']],
    ]);
  });

  it('when the period is the quarter of the changes, it has the retired ones and the new ones', () => {
    const s = periodScope(data, Q3);
    expect(s.workstreams.map((w) => w.id)).toEqual(['family-help', 'kinship', 'youth']);
    expect(reportingAgencyIds(s)).toEqual(['council', 'police', 'schools', 'charity']);
  });

  it('when the period begins after the retirements, retired workstreams and agencies are left out, also as contributors', () => {
    const s = periodScope(data, Q4);
    expect(s.workstreams.map((w) => [w.id, w.contributingAgencyIds])).toEqual([
      ['family-help', ['council', 'police']],
      ['youth', ['council', 'charity']],
    ]);
    expect(requiredWorkstreamIds(s, 'schools')).toEqual([]);
    expect(requiredWorkstreamIds(s, 'council')).toEqual(['family-help', 'youth']);
    expect(reportingAgencyIds(s)).toEqual(['council', 'police', 'charity']);
  });

  it('when records are listed, inUse leaves out the retired ones and keeps the order', () => {
    expect(inUse(data.agencies).map((a) => a.id)).toEqual(['council', 'police', 'charity']);
  });
});

describe('withContributors', () => {
  it('when an agency leaves and another joins, the periods before keep the one who left and do not get the one who joined', () => {
    const before = ws('family-help', ['council', 'police']);
    const after = withContributors(before, ['council', 'schools'], DEC3);
    expect(after.contributingAgencyIds).toEqual(['council', 'schools']);
    expect(contributorsDuring(after, Q2)).toEqual(['council', 'police']);
    expect(contributorsDuring(after, Q3)).toEqual(['council', 'schools', 'police']);
    expect(contributorsDuring(after, Q4)).toEqual(['council', 'schools']);
  });

  it('when an agency rejoins, each span it reported in is kept', () => {
    const left = withContributors(ws('w', ['council', 'police']), ['council'], '2026-08-01T09:00:00.000Z');
    const back = withContributors(left, ['council', 'police'], JAN1);
    expect(contributorsDuring(back, periodBounds('2026-27-Q1'))).toEqual(['council', 'police']);
    expect(contributorsDuring(back, Q3)).toEqual(['council']);
    expect(contributorsDuring(back, Q4)).toEqual(['council', 'police']);
  });

  it('when an agency is added by mistake and taken off the same day, it reports in no period', () => {
    const added = withContributors(ws('w', ['council']), ['council', 'police'], DEC3);
    const undone = withContributors(added, ['council'], '2026-12-03T10:05:00.000Z');
    expect(contributorsDuring(undone, Q3)).toEqual(['council']);
    expect(contributorsDuring(undone, Q4)).toEqual(['council']);
  });
});

describe('retirementPeriods', () => {
  it('when retired during a quarter, it stays in that quarter and is left out of the next; retired on its first day, it is left out of it', () => {
    expect(retirementPeriods('2026-12-03')).toEqual({ lastIn: '2026-27-Q3', firstOut: '2026-27-Q4' });
    expect(retirementPeriods('2027-01-01')).toEqual({ lastIn: '2026-27-Q3', firstOut: '2026-27-Q4' });
  });
});
