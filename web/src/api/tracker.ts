import type { Score } from '../../../shared/readiness/schema.js';
import type { ConfidenceLevel, CellState } from '../../../shared/tracker/compute.js';
import type { Impact, Likelihood, MilestoneStatus, ReturnStatus } from '../../../shared/returns/schema.js';
import type { Period } from '../../../shared/periods/period.js';
import type { Category } from '../../../shared/kinship/schema.js';
import { ApiError, api, sendWithEtag } from './client.js';
import { getSession } from './session.js';

export interface TrackerCell {
  agencyId: string;
  confidence: ConfidenceLevel | null;
  state: CellState;
}

export interface OverallConfidence {
  confidence: ConfidenceLevel | null;
  /** lead: set by the programme lead; accepted/submitted: worst of those returns; none: nothing yet. */
  source: 'lead' | 'accepted' | 'submitted' | 'none';
  note: string | null;
  version: number;
}

/** Readiness counts and percentages: the shared Score without the agency. */
export type ReadinessScore = Omit<Score, 'agencyId'>;

export interface TrackerMilestone {
  id: string;
  title: string;
  description: string;
  workstreamId: string;
  workstreamName: string;
  ownerAgencyId: string;
  ownerName: string;
  dueDate: string;
  status: MilestoneStatus;
}

export interface TrackerRisk {
  title: string;
  description: string;
  mitigation: string;
  owner: string;
  likelihood: Likelihood;
  impact: Impact;
  rating: string;
  agencyId: string;
  agencyName: string;
  workstreamId: string;
  workstreamName: string;
}

/** `GET /api/tracker?periodId=`: the whole shared tracker for one period. */
export interface Tracker {
  period: Period;
  periods: { id: string; status: string }[];
  generatedAt: string;
  agencies: { id: string; name: string; statutory: boolean }[];
  workstreams: { id: string; name: string; contributingAgencyIds: string[] }[];
  matrix: { workstreamId: string; name: string; cells: TrackerCell[]; overall: OverallConfidence }[];
  trend: { workstreamId: string; name: string; points: { periodId: string; confidence: ConfidenceLevel | null }[] }[];
  returns: { agencyId: string; agencyName: string; status: ReturnStatus; overdue: boolean; dueDate: string; submittedAt: string | null; acceptedAt: string | null }[];
  readiness: { workstreamId: string; name: string; highlighted: boolean; criteriaCount: number; overall: ReadinessScore; agencies: Score[] }[];
  threshold: {
    id: string;
    versionLabel: string;
    status: string;
    signedOffAt: string | null;
    required: { agencyId: string; agencyName: string; decision: { decision: 'approve' | 'request-changes'; at: string; byName: string; comment: string } | null }[];
  } | null;
  kinship: {
    categories: { category: Category; label: string; statutory: boolean; publishedCount: number; covered: boolean }[];
    gaps: Category[];
    complete: boolean;
    overdueReviews: { id: string; title: string; nextReviewDue: string }[];
    lastPublishedAt: string | null;
  };
  risks: TrackerRisk[];
  riskCount: number;
  escalations: { summary: string; agencyId: string; agencyName: string; workstreamId: string; workstreamName: string }[];
  milestones: { nextQuarter: { periodId: string; start: string; end: string; items: TrackerMilestone[] }; overdue: TrackerMilestone[] };
}

export const getTracker = (periodId?: string) => api<Tracker>(`/api/tracker${periodId ? `?periodId=${encodeURIComponent(periodId)}` : ''}`);

/** The lead sets (or clears with null) a workstream's overall confidence for a period. */
export const setOverallConfidence = (periodId: string, workstreamId: string, body: { confidence: ConfidenceLevel | null; note: string }, version: number) =>
  sendWithEtag(`/api/tracker/overall/${encodeURIComponent(periodId)}/${encodeURIComponent(workstreamId)}`, 'PUT', body, version > 0 ? `"${version}"` : undefined);

export const EXPORTS = [
  { file: 'returns.csv', label: 'Returns (CSV)' },
  { file: 'risks.csv', label: 'Risks (CSV)' },
  { file: 'readiness.csv', label: 'Readiness (CSV)' },
  { file: 'milestones.csv', label: 'Milestones (CSV)' },
  { file: 'tracker.xlsx', label: 'Everything as an Excel workbook' },
] as const;
export type ExportFile = (typeof EXPORTS)[number]['file'];

export const exportUrl = (file: ExportFile, periodId: string) => `/api/exports/${file}?periodId=${encodeURIComponent(periodId)}`;

/**
 * Downloads an export. The API needs the bearer token, which a plain link cannot send, so fetch it
 * and hand the bytes to the browser through a short-lived Blob URL with `a.download`.
 */
export async function downloadExport(file: ExportFile, periodId: string): Promise<void> {
  const session = getSession();
  if (!session) throw new ApiError(401, { detail: 'Your session has ended. Sign in again to continue.' });
  let res: Response;
  try {
    res = await fetch(exportUrl(file, periodId), { headers: { Authorization: `Bearer ${session.token}` } });
  } catch {
    throw new ApiError(0, {});
  }
  if (!res.ok) throw new ApiError(res.status, {});
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
