import { describe, expect, it } from 'vitest';
import { count, hasOrHave, listOf } from './plural.js';

describe('count', () => {
  it('when there is one, it uses the singular; otherwise the plural', () => {
    expect(count(1, 'item')).toBe('1 item');
    expect(count(0, 'item')).toBe('0 items');
    expect(count(3, 'published item')).toBe('3 published items');
    expect(count(2, 'person', 'people')).toBe('2 people');
  });
  it('when one partner of three has approved, the verb agrees with one', () => {
    expect(`1 of 3 partners ${hasOrHave(1)} approved`).toBe('1 of 3 partners has approved');
    expect(`2 of 3 partners ${hasOrHave(2)} approved`).toBe('2 of 3 partners have approved');
  });
});

describe('listOf', () => {
  it('when names are listed, they are joined the English way', () => {
    expect(listOf([])).toBe('');
    expect(listOf(['A'])).toBe('A');
    expect(listOf(['A', 'B'])).toBe('A and B');
    expect(listOf(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
