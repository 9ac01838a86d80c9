import { describe, expect, it } from 'vitest';
import { currentOpenPeriod, periodChoice } from './choice.js';

const periods = [
  { id: '2026-27-Q4', status: 'open' as const, start: '2027-01-01' },
  { id: '2026-27-Q3', status: 'open' as const, start: '2026-10-01' },
  { id: '2026-27-Q2', status: 'closed' as const, start: '2026-07-01' },
];

describe('choosing a period', () => {
  it('when the address names a period, that one (or nothing); otherwise the newest open one', () => {
    expect(periodChoice(periods, '2026-27-Q2')?.id).toBe('2026-27-Q2');
    expect(periodChoice(periods, '2020-21-Q1')).toBeUndefined();
    expect(periodChoice(periods, undefined)?.id).toBe('2026-27-Q4');
    expect(periodChoice([periods[2]!], undefined)?.id).toBe('2026-27-Q2');
  });

  it('when an agency looks for its current period, an open one that has started comes first', () => {
    expect(currentOpenPeriod(periods, '2026-11-15')?.id).toBe('2026-27-Q3');
    expect(currentOpenPeriod(periods, '2026-09-01')?.id).toBe('2026-27-Q4');
    expect(currentOpenPeriod([periods[2]!], '2026-09-01')).toBeUndefined();
  });
});
