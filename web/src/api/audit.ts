import type { z } from 'zod';
import type { AuditPageView } from '../../../shared/audit/events.js';
import type { AuditPeopleView, AuditQuery } from '../../../shared/audit/query.js';
import { api } from './client.js';

export type AuditPage = z.infer<typeof AuditPageView>;
export type AuditEvent = AuditPage['events'][number];
export type AuditPeople = z.infer<typeof AuditPeopleView>;

/** `GET /api/audit`: the lead's search of the audit trail (empty values are left out). */
export function searchAudit(query: AuditQuery): Promise<AuditPage> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return api<AuditPage>(`/api/audit${s ? `?${s}` : ''}`);
}

/** `GET /api/audit/people`: the partnership's people by name, to search by person. */
export const listAuditPeople = () => api<AuditPeople>('/api/audit/people');
