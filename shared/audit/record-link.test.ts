import { describe, expect, it } from 'vitest';
import { recordHref, recordLabel } from './record-link.js';

describe('recordHref', () => {
  it('when the record has a page, the link goes to it, with each part of the id encoded', () => {
    expect(recordHref('return', '2026-27-Q3/kent-police')).toBe('/returns/2026-27-Q3/kent-police');
    expect(recordHref('period', '2026-27-Q3')).toBe('/returns/2026-27-Q3');
    expect(recordHref('kinship-item', 'a b')).toBe('/kinship/a%20b');
    expect(recordHref('threshold-document', 'v4-1')).toBe('/threshold');
    expect(recordHref('criterion', 'c1')).toBe('/readiness');
    expect(recordHref('milestone', 'm1')).toBe('/programme');
    expect(recordHref('workstream', 'w1/2026-27-Q3')).toBe('/tracker');
    expect(recordHref('workstream', 'w1')).toBe('/programme');
    expect(recordHref('agency', 'kent-police')).toBe('/programme');
  });

  it('when the id is not enough or the record has no page, there is no link', () => {
    expect(recordHref('return', '2026-27-Q3')).toBeNull();
    expect(recordHref('user', 'u1')).toBeNull();
    expect(recordHref('something-new', 'x')).toBeNull();
  });
});

describe('recordLabel', () => {
  it('when the type is known, it is named in words; otherwise as recorded', () => {
    expect(recordLabel('return', '2026-27-Q3/kent-police')).toBe('Return 2026-27-Q3/kent-police');
    expect(recordLabel('something-new', 'x')).toBe('something-new x');
  });
});
