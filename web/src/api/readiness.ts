import type { Score } from '../../../shared/readiness/schema.js';
import type { AssessmentStatus, Criterion, Validation } from '../../../shared/readiness/schema.js';
import { api, sendWithEtag, type WithEtag } from './client.js';

/** One (criterion, agency) cell of the readiness matrix; version 0 means never assessed. */
export interface MatrixAssessment {
  agencyId: string;
  status: AssessmentStatus;
  evidence: string;
  links: string[];
  reason: string | null;
  targetDate: string | null;
  overdue: boolean;
  validation: Validation | null;
  updatedBy: string | null;
  updatedByName: string | null;
  updatedAt: string | null;
  version: number;
}

export interface MatrixCriterion extends Criterion {
  derived: boolean;
  /** For criteria that follow another record (threshold sign-off, kinship coverage). */
  derivedState: { ready: boolean; evidence: string } | null;
  overdue: boolean;
  assessments: MatrixAssessment[];
}

export interface AgencyReadiness {
  agencyId: string;
  applicable: number;
  confirmedPercent: number;
  selfAssessedPercent: number;
  confirmedCount: number;
  selfAssessedCount: number;
  overdue: number;
}

/** A whole workstream's score: the shared Score without the agency. */
export type WorkstreamReadinessScore = Omit<Score, 'agencyId'>;

/** `GET /api/workstreams/{id}/readiness`. */
export interface ReadinessMatrix {
  workstreamId: string;
  workstreamName: string;
  agencies: { id: string; name: string }[];
  criteria: MatrixCriterion[];
  scores: AgencyReadiness[];
  workstreamScore: WorkstreamReadinessScore;
}

/** What the agency sends (`PUT /api/readiness/{criterionId}/{agencyId}`). */
export interface AssessmentBody {
  status: AssessmentStatus;
  evidence: string;
  links: string[];
  targetDate: string | null;
  reason: string | null;
}

export interface AuditEvent {
  eventId: string;
  at: string;
  action: string;
  summary: string;
  actor: { name: string; email: string; role: string; agencyId: string | null };
  changes?: Record<string, { from: unknown; to: unknown }>;
  meta?: Record<string, unknown>;
}

const seg = encodeURIComponent;
const etagOf = (version: number) => (version > 0 ? `"${version}"` : undefined);

export const getReadiness = (workstreamId: string) => api<ReadinessMatrix>(`/api/workstreams/${seg(workstreamId)}/readiness`);

/** Saves the agency's assessment; `version` is the one shown (0 for a first assessment: no If-Match). */
export const saveAssessment = (criterionId: string, agencyId: string, body: AssessmentBody, version: number): Promise<WithEtag<unknown>> =>
  sendWithEtag(`/api/readiness/${seg(criterionId)}/${seg(agencyId)}`, 'PUT', body, etagOf(version));

/** The lead confirms or challenges the version they were shown. */
export const validateAssessment = (criterionId: string, agencyId: string, body: { outcome: 'confirmed' | 'challenged'; comment: string }, version: number): Promise<WithEtag<unknown>> =>
  sendWithEtag(`/api/readiness/${seg(criterionId)}/${seg(agencyId)}/validate`, 'POST', body, etagOf(version));

/** Every change to one assessment, oldest first (lead only). */
export const getAssessmentHistory = (criterionId: string, agencyId: string) =>
  api<{ events: AuditEvent[]; cursor: string | null }>(`/api/audit?entityType=assessment&entityId=${seg(`${criterionId}/${agencyId}`)}`);

/** What the lead sends to add a criterion (`POST /api/workstreams/{id}/criteria`); the id is made from the title. */
export interface CriterionBody {
  title: string;
  description: string;
  agencyIds: string[];
  evidenceExpected: string;
  targetDate: string | null;
}

/** The lead adds a criterion to a workstream. */
export const createCriterion = (workstreamId: string, body: CriterionBody) => api<Criterion>(`/api/workstreams/${seg(workstreamId)}/criteria`, { body });

/** The lead changes some fields of a criterion, based on the version they were shown (412 if someone else saved first). */
export const updateCriterion = (workstreamId: string, criterionId: string, body: Partial<CriterionBody>, version: number): Promise<WithEtag<Criterion>> =>
  sendWithEtag(`/api/workstreams/${seg(workstreamId)}/criteria/${seg(criterionId)}`, 'PATCH', body, `"${version}"`);
