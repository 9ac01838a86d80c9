import type { ReturnSectionInput } from '../../../shared/returns/schema.js';
import { getRecordHistory, type AuditEvent } from './audit.js';
import { api, ifMatch, read, readWithEtag, seg, type OkOf, type WithEtag } from './client.js';

/**
 * Quarterly returns API (issue 3). Every write answers the whole return and its new ETag, which
 * the page keeps and sends back as `If-Match` with the next write.
 */

const one = api.api.returns[':periodId'][':agencyId'];
const ids = (periodId: string, agencyId: string) => ({ param: { periodId: seg(periodId), agencyId: seg(agencyId) } });

export type Period = OkOf<typeof api.api.periods.$get>[number];
export type ReturnListRow = OkOf<typeof api.api.returns.$get>[number];
export type ReturnView = OkOf<(typeof one)['$get']>;
export type WorkstreamWithMilestones = OkOf<(typeof api.api.workstreams)[':id']['$get']>;
export type { AuditEvent };

export const listPeriods = () => read(api.api.periods.$get());
export const listReturns = (periodId: string) => read(api.api.returns.$get({ query: { periodId } }));
export const getWorkstream = (id: string) => read(api.api.workstreams[':id'].$get({ param: { id: seg(id) } }));
export const listWorkstreams = () => read(api.api.workstreams.$get());

export const getReturn = (periodId: string, agencyId: string): Promise<WithEtag<ReturnView>> => readWithEtag(one.$get(ids(periodId, agencyId)));

/** Saves whole sections. `etag` is undefined for the first save of a return (version 0). */
export const saveReturn = (periodId: string, agencyId: string, sections: ReturnSectionInput[], etag: string | undefined) =>
  readWithEtag(one.$put({ ...ids(periodId, agencyId), json: { sections } }, ifMatch(etag)));

export const submitReturn = (periodId: string, agencyId: string, etag: string | undefined, acknowledgeWarnings = false) =>
  readWithEtag(one.submit.$post({ ...ids(periodId, agencyId), json: acknowledgeWarnings ? { acknowledgeWarnings: true } : {} }, ifMatch(etag)));

export const acceptReturn = (periodId: string, agencyId: string, etag: string | undefined) => readWithEtag(one.accept.$post(ids(periodId, agencyId), ifMatch(etag)));

export const sendBackReturn = (periodId: string, agencyId: string, comment: string, etag: string | undefined) =>
  readWithEtag(one.return.$post({ ...ids(periodId, agencyId), json: { comment } }, ifMatch(etag)));

export const getReturnHistory = (periodId: string, agencyId: string) => getRecordHistory('return', `${periodId}/${agencyId}`);
