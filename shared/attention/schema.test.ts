import { describe, expect, it } from 'vitest';
import { byUrgency } from './schema.js';

describe('byUrgency', () => {
  it('when items are sorted, overdue come first, then due soon, each keeping the order they were found in', () => {
    const item = (key: string, urgency: 'overdue' | 'soon' | 'normal') => ({ key, text: key, href: '/', urgency });
    expect(byUrgency([item('a', 'normal'), item('b', 'soon'), item('c', 'overdue'), item('d', 'soon')]).map((i) => i.key)).toEqual(['c', 'b', 'd', 'a']);
  });
});
