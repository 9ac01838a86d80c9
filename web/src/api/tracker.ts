import { api, etagOfVersion, ifMatch, readWithEtag, read, seg, type OkOf } from './client.js';

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
  { file: 'risks.csv', label: 'Risks (CSV)' },
  { file: 'readiness.csv', label: 'Readiness (CSV)' },
  { file: 'milestones.csv', label: 'Milestones (CSV)' },
  { file: 'tracker.xlsx', label: 'Everything as an Excel workbook' },
] as const;
export type ExportFile = (typeof EXPORTS)[number]['file'];

/**
 * Downloads an export. The API needs the bearer token, which a plain link cannot send, so fetch it
 * and hand the bytes to the browser through a short-lived Blob URL with `a.download`.
 */
export async function downloadExport(file: ExportFile, periodId: string): Promise<void> {
  const res = await api.api.exports[file].$get({ query: { periodId } });
  const blob = await res.blob();
  const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? `${file.replace(/\.(\w+)$/, '')}-${periodId}.${file.split('.').pop()}`;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
