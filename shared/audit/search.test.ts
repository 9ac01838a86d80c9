import { describe, expect, it } from 'vitest';
import { AuditQuery } from './query.js';
import { auditQueryOf, auditSearchHref, NO_AUDIT_FILTERS } from './search.js';

describe('the audit trail search in the address', () => {
  it('when no filter is applied, the API is asked for the newest events, a page at a time', () => {
    expect(auditQueryOf(NO_AUDIT_FILTERS, '', 25)).toEqual({ order: 'newest', limit: 25 });
    expect(auditSearchHref(NO_AUDIT_FILTERS, null)).toBe('/audit');
  });

  it('when every filter is applied, the query names the record, person, action and dates, and the API accepts it', () => {
    const v = { type: 'return', id: '2026-27-Q3/kent-police', person: 'u-1', action: 'return.submit', from: '2026-10-01', to: '2026-10-31' };
    const query = auditQueryOf(v, 'next-page', 25);
    expect(query).toEqual({
      entityType: 'return',
      entityId: '2026-27-Q3/kent-police',
      person: 'u-1',
      action: 'return.submit',
      from: '2026-10-01',
      to: '2026-10-31',
      cursor: 'next-page',
      order: 'newest',
      limit: 25,
    });
    expect(AuditQuery.safeParse(query).success).toBe(true);
  });

  it('when only half a record is given, the record is left out of the query', () => {
    expect(auditQueryOf({ ...NO_AUDIT_FILTERS, type: 'return' }, '', 25)).toEqual({ order: 'newest', limit: 25 });
    expect(auditQueryOf({ ...NO_AUDIT_FILTERS, id: 'x' }, '', 25)).toEqual({ order: 'newest', limit: 25 });
  });

  it('when a later page is linked, its address keeps the filters applied and adds the cursor', () => {
    const v = { ...NO_AUDIT_FILTERS, type: 'return', id: '2026-27-Q3/kent-police', from: '2026-10-01' };
    expect(auditSearchHref(v, 'abc=')).toBe('/audit?type=return&id=2026-27-Q3%2Fkent-police&from=2026-10-01&cursor=abc%3D');
    expect(auditSearchHref(v, null)).toBe('/audit?type=return&id=2026-27-Q3%2Fkent-police&from=2026-10-01');
  });
});
