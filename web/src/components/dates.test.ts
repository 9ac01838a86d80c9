import { describe, expect, it } from 'vitest';
import { dateError, partsOf, readDate, dateValueOf } from './dates.js';

describe('GOV.UK date input rules', () => {
  it('shows an ISO date in the boxes without leading zeros, and reads it back', () => {
    expect(partsOf('2026-03-07')).toEqual({ day: '7', month: '3', year: '2026' });
    expect(dateValueOf({ day: '7', month: '3', year: '2026' })).toBe('2026-03-07');
    expect(dateValueOf({ day: '07', month: '03', year: '2026' })).toBe('2026-03-07');
  });

  it('is empty when every box is, and keeps a partly typed date as typed', () => {
    expect(dateValueOf({ day: ' ', month: '', year: '' })).toBe('');
    expect(partsOf('')).toEqual({ day: '', month: '', year: '' });
    const typed = dateValueOf({ day: '31', month: '', year: '2026' });
    expect(typed).toBe('2026--31');
    expect(partsOf(typed)).toEqual({ day: '31', month: '', year: '2026' });
  });

  it("names what is missing or impossible in GOV.UK's words", () => {
    expect(readDate({ day: '1', month: '', year: '' }, 'Start date').error).toBe('Start date must include a month and a year');
    expect(dateError(dateValueOf({ day: '31', month: '', year: '2026' }), 'Due date')).toBe('Due date must include a month');
    expect(dateError(dateValueOf({ day: '31', month: '2', year: '2026' }), 'Due date')).toBe('Due date must be a real date');
    expect(dateError('2026-02-31', 'Due date')).toBe('Due date must be a real date');
    expect(dateError(dateValueOf({ day: 'x', month: '2', year: '26' }), 'Due date')).toBe('Due date must be a real date');
    expect(dateError('1-2-3-4', 'Due date')).toBe('Due date must be a real date');
  });

  it('has no error for a real date or an empty field', () => {
    expect(dateError('2028-02-29', 'Due date')).toBeUndefined();
    expect(dateError('', 'Due date')).toBeUndefined();
    expect(dateError(null, 'Due date')).toBeUndefined();
  });
});
