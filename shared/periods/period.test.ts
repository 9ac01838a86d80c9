import { describe, expect, it, vi } from 'vitest';
import {
  comparePeriodIds,
  daysBetween,
  CreatePeriodRequest,
  formatDayLong,
  isOverdue,
  nextPeriodId,
  parsePeriodId,
  periodBounds,
  periodForDate,
  PeriodId,
  periodLabel,
  periodLongLabel,
  previousPeriodId,
  ukDate,
  ukToday,
} from './period.js';

describe('PeriodId', () => {
  it.each(['2026-27-Q1', '2026-27-Q3', '2027-28-Q4', '2099-00-Q2'])('when the id is %s, it is accepted', (id) => {
    expect(PeriodId.safeParse(id).success).toBe(true);
  });

  it.each(['2026-28-Q3', '2026-26-Q1', '2099-99-Q1'])('when the years of %s do not follow each other, it says so', (id) => {
    const r = PeriodId.safeParse(id);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain('The second year must follow the first, as in 2026-27');
  });

  it.each(['2026-27-Q5', '2026-27-Q0', '2026-27Q3', '2026/27-Q3', '26-27-Q3', ' 2026-27-Q3', '2026-27-q3', 'Q3', ''])(
    'when the id is malformed (%j), it is refused with the expected form in the message',
    (id) => {
      const r = PeriodId.safeParse(id);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/2026-27-Q3/);
    },
  );

  it('when a malformed id is parsed directly, it throws rather than inventing a period', () => {
    expect(() => parsePeriodId('2026-28-Q1')).toThrow(RangeError);
    expect(() => periodBounds('nonsense')).toThrow(RangeError);
  });
});

describe('periodBounds', () => {
  it.each([
    ['2026-27-Q1', '2026-04-01', '2026-06-30'],
    ['2026-27-Q2', '2026-07-01', '2026-09-30'],
    ['2026-27-Q3', '2026-10-01', '2026-12-31'],
    ['2026-27-Q4', '2027-01-01', '2027-03-31'],
    ['2099-00-Q4', '2100-01-01', '2100-03-31'],
  ])('when the period is %s, it runs from %s to %s', (id, start, end) => {
    expect(periodBounds(id)).toEqual({ start, end });
  });

  it('when every quarter of several years is laid end to end, there are no gaps or overlaps', () => {
    let id = '2019-20-Q1';
    for (let i = 0; i < 40; i++) {
      const next = nextPeriodId(id);
      const dayAfterEnd = new Date(`${periodBounds(id).end}T00:00:00Z`);
      dayAfterEnd.setUTCDate(dayAfterEnd.getUTCDate() + 1);
      expect(dayAfterEnd.toISOString().slice(0, 10)).toBe(periodBounds(next).start);
      id = next;
    }
  });
});

describe('periodForDate', () => {
  it.each([
    ['2026-04-01', '2026-27-Q1'],
    ['2026-06-30', '2026-27-Q1'],
    ['2026-07-01', '2026-27-Q2'],
    ['2026-12-31', '2026-27-Q3'],
    ['2027-01-01', '2026-27-Q4'],
    ['2027-03-31', '2026-27-Q4'],
    ['2000-02-29', '1999-00-Q4'],
  ])('when the day is %s, it falls in %s', (day, id) => {
    expect(periodForDate(day)).toBe(id);
  });

  it('when any day of a period is looked up, it falls within that period’s bounds', () => {
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2028, 0, 1); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      const { start, end } = periodBounds(periodForDate(day));
      expect(start <= day && day <= end).toBe(true);
    }
  });

  it('when an instant is just after midnight on 1 April in British Summer Time, it belongs to the new quarter', () => {
    // 23:30 UTC on 31 March is 00:30 BST on 1 April.
    expect(periodForDate(new Date('2027-03-31T23:30:00Z'))).toBe('2027-28-Q1');
    expect(ukDate(new Date('2027-03-31T23:30:00Z'))).toBe('2027-04-01');
    vi.useFakeTimers({ now: new Date('2027-03-31T23:30:00Z') });
    try {
      expect(ukToday()).toBe('2027-04-01');
    } finally {
      vi.useRealTimers();
    }
  });

  it('when the string is not a YYYY-MM-DD day, it throws', () => {
    expect(() => periodForDate('31/03/2027')).toThrow(RangeError);
  });
});

describe('previous, next and ordering', () => {
  it('when stepping across a financial year, Q4 is followed by the next year’s Q1 and back again', () => {
    expect(nextPeriodId('2026-27-Q4')).toBe('2027-28-Q1');
    expect(previousPeriodId('2027-28-Q1')).toBe('2026-27-Q4');
    expect(nextPeriodId('2026-27-Q2')).toBe('2026-27-Q3');
    expect(previousPeriodId('2026-27-Q3')).toBe('2026-27-Q2');
    expect(nextPeriodId('2099-00-Q4')).toBe('2100-01-Q1');
  });

  it('when next and previous are composed, they return the original id', () => {
    for (const id of ['2025-26-Q1', '2025-26-Q4', '2030-31-Q2']) {
      expect(previousPeriodId(nextPeriodId(id))).toBe(id);
      expect(nextPeriodId(previousPeriodId(id))).toBe(id);
    }
  });

  it('when periods are sorted, it orders them oldest first across years', () => {
    const ids = ['2027-28-Q1', '2026-27-Q3', '2026-27-Q4', '2025-26-Q2'];
    expect([...ids].sort(comparePeriodIds)).toEqual(['2025-26-Q2', '2026-27-Q3', '2026-27-Q4', '2027-28-Q1']);
    expect(comparePeriodIds('2026-27-Q3', '2026-27-Q3')).toBe(0);
  });
});

describe('labels', () => {
  it('when a period is labelled, it reads "2026-27 Q3" short and by months in full', () => {
    expect(periodLabel('2026-27-Q3')).toBe('2026-27 Q3');
    expect(periodLongLabel('2026-27-Q1')).toBe('April to June 2026');
    expect(periodLongLabel('2026-27-Q2')).toBe('July to September 2026');
    expect(periodLongLabel('2026-27-Q3')).toBe('October to December 2026');
    expect(periodLongLabel('2026-27-Q4')).toBe('January to March 2027');
  });

  it('when a day is formatted for people, it has no leading zero', () => {
    expect(formatDayLong('2026-04-01')).toBe('1 April 2026');
  });
});

describe('CreatePeriodRequest', () => {
  it('when the id and due date are good, it parses', () => {
    expect(CreatePeriodRequest.parse({ id: '2027-28-Q1', dueDate: '2027-07-31' })).toEqual({ id: '2027-28-Q1', dueDate: '2027-07-31' });
  });

  it('when the due date is the first day of the period, it is allowed', () => {
    expect(CreatePeriodRequest.safeParse({ id: '2027-28-Q1', dueDate: '2027-04-01' }).success).toBe(true);
  });

  it('when the due date is before the period starts, the error is on dueDate and names the start', () => {
    const r = CreatePeriodRequest.safeParse({ id: '2027-28-Q1', dueDate: '2027-03-31' });
    expect(r.error?.issues).toEqual([expect.objectContaining({ path: ['dueDate'], message: expect.stringContaining('1 April 2027') })]);
  });

  it('when the id is malformed or the years do not pair, it fails on id and does not throw', () => {
    expect(CreatePeriodRequest.safeParse({ id: '2027-29-Q1', dueDate: '2027-07-31' }).error?.issues[0]?.path).toEqual(['id']);
    expect(CreatePeriodRequest.safeParse({ id: 'Q1', dueDate: '2027-07-31' }).error?.issues[0]?.path).toEqual(['id']);
  });

  it('when the due date is not a real date, it fails on dueDate', () => {
    expect(CreatePeriodRequest.safeParse({ id: '2027-28-Q1', dueDate: '2027-02-30' }).error?.issues[0]?.path).toEqual(['dueDate']);
    expect(CreatePeriodRequest.safeParse({ id: '2027-28-Q1', dueDate: '31/07/2027' }).error?.issues[0]?.path).toEqual(['dueDate']);
  });

  it('when start, end or status are sent, they are refused because they follow from the id', () => {
    const r = CreatePeriodRequest.safeParse({ id: '2027-28-Q1', dueDate: '2027-07-31', start: '2027-04-01' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.code).toBe('unrecognized_keys');
  });
});

describe('isOverdue', () => {
  const period = { dueDate: '2027-01-31' };
  it('when the due date is today, it is not overdue yet', () => {
    expect(isOverdue(period, 'draft', '2027-01-31')).toBe(false);
  });
  it.each(['not-started', 'draft', 'returned'])('when the due date has passed and the return is %s, it is overdue', (status) => {
    expect(isOverdue(period, status, '2027-02-01')).toBe(true);
  });
  it.each(['submitted', 'accepted'])('when the due date has passed but the return is %s, it is not overdue', (status) => {
    expect(isOverdue(period, status, '2027-02-01')).toBe(false);
  });
  it('when today is given as an instant, it uses the UK day', () => {
    expect(isOverdue(period, 'draft', new Date('2027-01-31T23:59:00Z'))).toBe(false);
    expect(isOverdue(period, 'draft', new Date('2027-02-01T00:01:00Z'))).toBe(true);
  });
});

describe('daysBetween', () => {
  it('when counting UK days across the clocks going back, a day is still a day', () => {
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-03-02', '2026-11-30')).toBe(273);
    expect(daysBetween('2026-11-30', '2026-11-29')).toBe(-1);
  });
});
