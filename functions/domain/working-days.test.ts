import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isBankHoliday, isWorkingDay, workingDaysBefore, workingDaysBetween } from './working-days.js';

describe('working days in England and Wales', () => {
  it('when a date is a weekend day or a bank holiday (substitute days included), it is not a working day', () => {
    expect(isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-29')).toBe(false); // Sunday
    expect(isWorkingDay('2026-11-30')).toBe(true);
    expect(isBankHoliday('2026-08-31')).toBe(true); // Summer bank holiday
    expect(isBankHoliday('2026-12-28')).toBe(true); // Boxing Day (substitute day)
    expect(isWorkingDay('2027-03-26')).toBe(false); // Good Friday 2027
    expect(isWorkingDay('2027-03-29')).toBe(false); // Easter Monday 2027
  });

  it('when counting back from a due date, weekends and bank holidays are skipped', () => {
    // Due Friday 14 October 2026: 5 working days before is Wednesday 7 October.
    expect(workingDaysBefore('2026-10-14', 5)).toBe('2026-10-07');
    // Due Tuesday 5 January 2027: back over New Year's Day (Friday 1 January 2027) and Christmas.
    expect(workingDaysBefore('2027-01-05', 3)).toBe('2026-12-30');
    // Due Tuesday 1 September 2026: the Summer bank holiday (Monday 31 August) is skipped.
    expect(workingDaysBefore('2026-09-01', 1)).toBe('2026-08-28');
    expect(workingDaysBefore('2026-09-01', 0)).toBe('2026-09-01');
  });

  it('when n working days are counted back, that day is a working day with n - 1 working days between it and the due date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2025-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 30 }), (d, n) => {
        const due = d.toISOString().slice(0, 10);
        const start = workingDaysBefore(due, n);
        if (n === 0) return start === due;
        // (start, due) holds n - 1 working days; workingDaysBetween counts (start, due].
        return start < due && isWorkingDay(start) && workingDaysBetween(start, due) === n - 1 + (isWorkingDay(due) ? 1 : 0);
      }),
    );
  });

  it('when a date is not a date, it is refused', () => {
    expect(() => addDays('14/10/2026', 1)).toThrow(RangeError);
    expect(() => workingDaysBefore('2026-10-14', -1)).toThrow(RangeError);
  });
});
