import { api, etagOfVersion, ifMatch, readWithEtag, read, saveResponse, seg, type OkOf } from './client.js';
import { createKeyedResource, invalidate, QUERY } from './queries.js';

/** The shared tracker for one period, the lead's overall confidence, and the exports. */

/** `GET /api/tracker?periodId=`: the whole shared tracker for one period. */
export type Tracker = OkOf<typeof api.api.tracker.$get>;
export type TrackerCell = Tracker['matrix'][number]['cells'][number];
export type OverallConfidence = Tracker['matrix'][number]['overall'];
export type ReadinessScore = Tracker['readiness'][number]['overall'];
export type TrackerMilestone = Tracker['milestones']['overdue'][number];
export type TrackerRisk = Tracker['risks'][number];

export const getTracker = (periodId?: string) => read(api.api.tracker.$get({ query: periodId ? { periodId } : {} }));

/** The lead sets (or clears with null) a workstream's overall confidence for a period. */
export const setOverallConfidence = (periodId: string, workstreamId: string, json: { confidence: OverallConfidence['confidence']; note: string }, version: number) =>
  readWithEtag(
    api.api.tracker.overall[':periodId'][':workstreamId'].$put({ param: { periodId: seg(periodId), workstreamId: seg(workstreamId) }, json }, ifMatch(etagOfVersion(version))),
  );

export const EXPORTS = [
  { file: 'returns.csv', label: 'Returns (CSV)' },
  { file: 'confidence.csv', label: 'Delivery confidence by quarter (CSV)' },
  { file: 'risks.csv', label: 'Risks (CSV)' },
  { file: 'readiness.csv', label: 'Readiness (CSV)' },
  { file: 'milestones.csv', label: 'Milestones (CSV)' },
  { file: 'measures.csv', label: 'Outcome measures (CSV)' },
  { file: 'tracker.xlsx', label: 'Everything as an Excel workbook' },
] as const;
export type ExportFile = (typeof EXPORTS)[number]['file'];

/** Downloads an export (fetched with the bearer token, then saved: {@link saveResponse}, named as the portal names it). */
export async function downloadExport(file: ExportFile, periodId: string): Promise<void> {
  const res = await api.api.exports[file].$get({ query: { periodId } });
  await saveResponse(res, `${file.replace(/\.(\w+)$/, '')}-${periodId}.${file.split('.').pop()}`);
}

/* The shared tracker through the query cache: one period's figures, and what the lead's rating changes. */

/**
 * The tracker for a period (undefined: the current one). A period chosen shows the loading state
 * until its figures arrive, never the last period's figures under the new choice; a refetch after
 * a save keeps the page as it is. No period open yet answers 404.
 */
export const useTracker = (periodId: () => string | undefined) =>
  createKeyedResource(
    QUERY.tracker,
    () => ({ periodId: periodId() }),
    (k) => getTracker(k.periodId),
  );

/** After the lead sets a workstream's overall confidence: the tracker on show (and the board report), and the audit trail. */
export const overallConfidenceChanged = () => invalidate(QUERY.tracker, QUERY.audit);
