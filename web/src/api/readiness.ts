import { api, etagOfVersion, ifMatch, read, readWithEtag, seg, type OkOf } from './client.js';
import { getRecordHistory } from './audit.js';
import { createKeyedResource, invalidate, QUERY } from './queries.js';

/** Readiness criteria, agencies' self-assessments and the lead's validation. */

const workstream = api.api.workstreams[':id'];
const assessment = api.api.readiness[':criterionId'][':agencyId'];

export type ReadinessMatrix = OkOf<(typeof workstream)['readiness']['$get']>;
export type MatrixCriterion = ReadinessMatrix['criteria'][number];
export type MatrixAssessment = MatrixCriterion['assessments'][number];
export type AgencyReadiness = ReadinessMatrix['scores'][number];
export type WorkstreamReadinessScore = ReadinessMatrix['workstreamScore'];
export type AssessmentBody = Parameters<(typeof assessment)['$put']>[0]['json'];
/** A criterion as the lead writes it (the server names new ones). */
export type CriterionBody = Omit<Parameters<(typeof workstream)['criteria']['$post']>[0]['json'], 'id'>;
export type Criterion = OkOf<(typeof workstream)['criteria']['$post']>;

export const getReadiness = (workstreamId: string) => read(workstream.readiness.$get({ param: { id: seg(workstreamId) } }));

/** The agency saves its assessment; `version` is the one it was shown (0 for the first save). */
export const saveAssessment = (criterionId: string, agencyId: string, json: AssessmentBody, version: number) =>
  readWithEtag(assessment.$put({ param: { criterionId: seg(criterionId), agencyId: seg(agencyId) }, json }, ifMatch(etagOfVersion(version))));

/** The lead confirms or challenges an assessment, based on the version they read. */
export const validateAssessment = (criterionId: string, agencyId: string, json: { outcome: 'confirmed' | 'challenged'; comment: string }, version: number) =>
  readWithEtag(assessment.validate.$post({ param: { criterionId: seg(criterionId), agencyId: seg(agencyId) }, json }, ifMatch(etagOfVersion(version))));

export const getAssessmentHistory = (criterionId: string, agencyId: string) => getRecordHistory('assessment', `${criterionId}/${agencyId}`);

export const createCriterion = (workstreamId: string, json: CriterionBody) => read(workstream.criteria.$post({ param: { id: seg(workstreamId) }, json }));

/** The lead changes some fields of a criterion, based on the version they were shown (412 if someone else saved first). */
export const updateCriterion = (workstreamId: string, criterionId: string, json: Partial<CriterionBody>, version: number) =>
  readWithEtag(workstream.criteria[':criterionId'].$patch({ param: { id: seg(workstreamId), criterionId: seg(criterionId) }, json }, ifMatch(etagOfVersion(version))));

/* Readiness data through the query cache: a workstream's matrix, one cell of it, and a cell's history. */

export type MatrixAgency = ReadinessMatrix['agencies'][number];

export interface AssessmentContext {
  matrix: ReadinessMatrix;
  criterion: MatrixCriterion;
  agency: MatrixAgency;
  assessment: MatrixAssessment;
}

/** Where one assessment is: the workstream's matrix, the criterion (row) and the agency (column). */
export interface AssessmentAddress {
  workstreamId: string;
  criterionId: string;
  agencyId: string;
}

/**
 * One workstream's matrix (criteria, agencies, assessments and scores), from the cache the matrix,
 * detail and form pages share. No workstream (false) fetches nothing. Only this workstream's
 * matrix is ever handed back: another one's never shows under its address.
 */
export const useMatrix = (workstreamId: () => string | false) => createKeyedResource(QUERY.readiness, workstreamId, getReadiness);

/**
 * After a criterion or an assessment is saved or validated: the matrix and its scores, the
 * tracker's readiness column and the record's history all change. Resolves once the pages on show
 * have the new data, so the page navigated to next shows it at once.
 */
export const readinessChanged = () => invalidate(QUERY.readiness, QUERY.tracker, QUERY.history);

/**
 * One cell of the matrix, for the detail and form pages: null when the criterion does not exist or
 * does not apply to that agency. There is no single-assessment endpoint: the matrix is one bounded
 * read and carries each cell's version for If-Match.
 */
export function assessmentIn(m: ReadinessMatrix, at: AssessmentAddress): AssessmentContext | null {
  const criterion = m.criteria.find((c) => c.id === at.criterionId);
  const agency = m.agencies.find((a) => a.id === at.agencyId);
  const assessment = criterion?.assessments.find((a) => a.agencyId === at.agencyId);
  return criterion && agency && assessment ? { matrix: m, criterion, agency, assessment } : null;
}

/** Every change to an assessment (the lead's audit trail), fetched again after each save or decision. */
export const useAssessmentHistory = (criterionId: () => string, agencyId: () => string) =>
  createKeyedResource(
    QUERY.history,
    () => ({ entityType: 'assessment', criterionId: criterionId(), agencyId: agencyId() }),
    (k) => getAssessmentHistory(k.criterionId, k.agencyId),
  );
