import { describe, expect, it } from 'vitest';
import { placeUnplaced, sameName, swapPlaces, uniqueSlug } from './set-up.js';

describe('sameName', () => {
  const items = [
    { id: 'a', name: 'Family Help and Early Intervention' },
    { id: 'b', name: 'Kinship' },
  ];

  it('when a name differs only in case, spacing or punctuation, it is the same name', () => {
    expect(sameName(items, '  family help and early-intervention ')?.id).toBe('a');
    expect(sameName(items, 'KINSHIP.')?.id).toBe('b');
  });

  it('when the item is the one being renamed, its own name is no clash', () => {
    expect(sameName(items, 'Kinship', 'b')).toBeUndefined();
    expect(sameName(items, 'Youth Justice')).toBeUndefined();
  });
});

describe('uniqueSlug', () => {
  it('when the id made from the name is free, it is used; when taken, the next number is added', () => {
    expect(uniqueSlug('Youth Justice & Prevention', [])).toBe('youth-justice-prevention');
    expect(uniqueSlug('Youth Justice', ['youth-justice', 'youth-justice-2'])).toBe('youth-justice-3');
  });
});

describe('order', () => {
  it('when neighbours have orders, moving one swaps their orders and nothing else changes', () => {
    const list = [
      { id: 'a', order: 1 },
      { id: 'b', order: 2 },
      { id: 'd', order: 4 },
    ];
    expect([...swapPlaces(list, 2, 1)]).toEqual([
      ['d', 2],
      ['b', 4],
    ]);
  });

  it('when records from before have no order, they are numbered in the order shown and the move renumbers the list', () => {
    const list = [{ id: 'x' }, { id: 'y' }, { id: 'z' }];
    expect([...placeUnplaced(list)]).toEqual([
      ['x', 1],
      ['y', 2],
      ['z', 3],
    ]);
    expect([...swapPlaces(list, 0, 1)]).toEqual([
      ['y', 1],
      ['x', 2],
      ['z', 3],
    ]);
  });
});
