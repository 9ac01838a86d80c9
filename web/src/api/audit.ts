import type { AuditQuery } from '../../../shared/audit/query.js';
import { api, read, type OkOf } from './client.js';
import { createApiQuery, createKeyedResource, QUERY } from './queries.js';

export type AuditPage = OkOf<typeof api.api.audit.$get>;
export type AuditEvent = AuditPage['events'][number];
export type AuditPeople = OkOf<typeof api.api.audit.people.$get>;

/** `GET /api/audit`: the lead's search of the audit trail (empty values are left out). */
export function searchAudit(query: AuditQuery): Promise<AuditPage> {
  // Empty filters are left out of the address (the API treats '' as a value to match).
  const q = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '')) as AuditQuery;
  return read(api.api.audit.$get({ query: q }));
}

/** One record's history (a return, an assessment...), newest first. */
export const getRecordHistory = (entityType: 'return' | 'assessment', entityId: string) => read(api.api.audit.$get({ query: { entityType, entityId, limit: 500 } }));

/** `GET /api/audit/people`: the partnership's people by name, to search by person. */
export const listAuditPeople = () => read(api.api.audit.people.$get());

/* The audit trail through the query cache: a page of a search's events, and the people to search by. */

/** One page of events for the search given (only ever that search's events). */
export const useAuditSearch = (query: () => AuditQuery) => createKeyedResource(QUERY.audit, query, searchAudit);

/** The partnership's people by name, to search by person. */
export const useAuditPeople = () => createApiQuery(QUERY.auditPeople, listAuditPeople);
