import type { ErasableEntity, EraseRequest } from '../../../shared/pii/erasure.js';
import { api, read } from './client.js';
import { invalidate, QUERY, type QueryName } from './queries.js';

/** `POST /api/erasures`: the lead removes personal data from a record and its history. */
export const erasePersonalData = (json: EraseRequest) => read(api.api.erasures.$post({ json }));

/** What shows each kind of record, to fetch again once text is erased from it (its history is in the audit trail). */
const SHOWN_IN: Record<ErasableEntity, QueryName[]> = {
  return: [QUERY.return, QUERY.returns, QUERY.tracker, QUERY.measures],
  'kinship-item': [QUERY.kinshipItems, QUERY.kinshipItem, QUERY.publicOffer, QUERY.kinshipCoverage, QUERY.tracker],
  'threshold-document': [QUERY.thresholdVersions, QUERY.thresholdContent, QUERY.tracker],
  criterion: [QUERY.readiness, QUERY.tracker],
  assessment: [QUERY.readiness, QUERY.tracker],
  milestone: [QUERY.workstreams, QUERY.return, QUERY.tracker],
  workstream: [QUERY.workstreams, QUERY.partnership, QUERY.return, QUERY.tracker],
  indicator: [QUERY.measures, QUERY.tracker],
  // Shown on the report pages only, which erased() always fetches again.
  'yearly-report': [],
};

/**
 * Text was erased from a record: wherever the record shows, its history, the audit trail, and the
 * yearly reports (which quote records and name them: erasure reaches them too).
 */
export const erased = (entityType: ErasableEntity) => invalidate(...SHOWN_IN[entityType], QUERY.history, QUERY.audit, QUERY.reports, QUERY.report);
