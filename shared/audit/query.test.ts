import { describe, expect, it } from 'vitest';
import { AuditQuery, nextDay, ukDayStart } from './query.js';

describe('UK days of the audit search', () => {
  it.each([
    ['2026-01-15', '2026-01-15T00:00:00.000Z'],
    ['2026-07-01', '2026-06-30T23:00:00.000Z'],
    // Clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026: midnight is before either.
    ['2026-03-29', '2026-03-29T00:00:00.000Z'],
    ['2026-03-30', '2026-03-29T23:00:00.000Z'],
    ['2026-10-25', '2026-10-24T23:00:00.000Z'],
    ['2026-10-26', '2026-10-26T00:00:00.000Z'],
  ])('when the day is %s, it starts at %s', (day, instant) => {
    expect(ukDayStart(day)).toBe(instant);
  });

  it('when a day is the last of its month or year, the next day is the first of the next', () => {
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });

  it('when a record is half given, or the dates are the wrong way round or not real, the query is refused', () => {
    expect(AuditQuery.safeParse({ entityType: 'return' }).success).toBe(false);
    expect(AuditQuery.safeParse({ entityId: 'x' }).success).toBe(false);
    expect(AuditQuery.safeParse({ from: '2026-10-02', to: '2026-10-01' }).success).toBe(false);
    expect(AuditQuery.safeParse({ from: '2026-02-29' }).success).toBe(false);
    expect(AuditQuery.safeParse({ entityType: 'return', entityId: '2026-27-Q3/kent-police', from: '2026-10-01', to: '2026-10-01', action: 'return.submit' }).success).toBe(true);
  });
});
