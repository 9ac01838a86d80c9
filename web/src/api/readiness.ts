import { api, etagOfVersion, ifMatch, read, readWithEtag, seg, type OkOf } from './client.js';
import { getRecordHistory } from './audit.js';

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
