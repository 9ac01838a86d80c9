import type { Milestone } from '../../../shared/workstreams/milestone.js';
import type { Period } from '../../../shared/periods/period.js';
import type { ReturnListRow, ReturnSectionInput, ReturnView } from '../../../shared/returns/schema.js';
import type { Workstream } from '../../../shared/partnership/schema.js';
import { api, getWithEtag, sendWithEtag, type WithEtag } from './client.js';

/**
 * Quarterly returns API (issue 3). Every write answers the whole return and its new ETag, which
 * the page keeps and sends back as `If-Match` with the next write.
 */

export type { Period, ReturnListRow, ReturnView };


export type WorkstreamWithMilestones = Workstream & { milestones: Milestone[] };

/** One entry of a return's history (`GET /api/audit`). */
export interface AuditEvent {
  eventId: string;
  action: string;
  summary: string;
  at: string;
  actor: { email: string; name: string; role: string; agencyId: string | null };
  changes?: Record<string, { from: unknown; to: unknown }>;
  meta?: Record<string, unknown>;
}

const returnPath = (periodId: string, agencyId: string) => `/api/returns/${encodeURIComponent(periodId)}/${encodeURIComponent(agencyId)}`;

export const listPeriods = () => api<Period[]>('/api/periods');
export const listReturns = (periodId: string) => api<ReturnListRow[]>(`/api/returns?periodId=${encodeURIComponent(periodId)}`);
export const getWorkstream = (id: string) => api<WorkstreamWithMilestones>(`/api/workstreams/${encodeURIComponent(id)}`);
export const listWorkstreams = () => api<WorkstreamWithMilestones[]>('/api/workstreams');

export const getReturn = (periodId: string, agencyId: string): Promise<WithEtag<ReturnView>> => getWithEtag<ReturnView>(returnPath(periodId, agencyId));

/** Saves whole sections. `etag` is undefined for the first save of a return (version 0). */
export const saveReturn = (periodId: string, agencyId: string, sections: ReturnSectionInput[], etag: string | undefined) =>
  sendWithEtag<ReturnView>(returnPath(periodId, agencyId), 'PUT', { sections }, etag);

export const submitReturn = (periodId: string, agencyId: string, etag: string | undefined, acknowledgeWarnings = false) =>
  sendWithEtag<ReturnView>(`${returnPath(periodId, agencyId)}/submit`, 'POST', acknowledgeWarnings ? { acknowledgeWarnings: true } : {}, etag);

export const acceptReturn = (periodId: string, agencyId: string, etag: string | undefined) =>
  sendWithEtag<ReturnView>(`${returnPath(periodId, agencyId)}/accept`, 'POST', {}, etag);

export const sendBackReturn = (periodId: string, agencyId: string, comment: string, etag: string | undefined) =>
  sendWithEtag<ReturnView>(`${returnPath(periodId, agencyId)}/return`, 'POST', { comment }, etag);

export const getReturnHistory = (periodId: string, agencyId: string) =>
  api<{ events: AuditEvent[]; cursor: string | null }>(`/api/audit?entityType=return&entityId=${encodeURIComponent(`${periodId}/${agencyId}`)}&limit=500`);
