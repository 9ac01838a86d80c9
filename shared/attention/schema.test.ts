import { describe, expect, it } from 'vitest';
import { byUrgency, daysBetween } from './schema.js';

describe('byUrgency', () => {
  it('when items are sorted, overdue come first, then due soon, each keeping the order they were found in', () => {
    const item = (key: string, urgency: 'overdue' | 'soon' | 'normal') => ({ key, text: key, href: '/', urgency });
    expect(byUrgency([item('a', 'normal'), item('b', 'soon'), item('c', 'overdue'), item('d', 'soon')]).map((i) => i.key)).toEqual(['c', 'b', 'd', 'a']);
  });
});

describe('daysBetween', () => {
  it('when counting UK days across the clocks going back, a day is still a day', () => {
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-03-02', '2026-11-30')).toBe(273);
    expect(daysBetween('2026-11-30', '2026-11-29')).toBe(-1);
  });
});
