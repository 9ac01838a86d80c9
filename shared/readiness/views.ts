import { z } from 'zod';
import { ASSESSMENT_STATUSES, DERIVATIONS } from './schema.js';

/** Readiness as the API answers it. Requests are in schema.ts. */

export const CriterionView = z
  .object({
    id: z.string(),
    workstreamId: z.string(),
    title: z.string(),
    description: z.string(),
    agencyIds: z.array(z.string()),
    evidenceExpected: z.string(),
    targetDate: z.string().nullable(),
    derivedFrom: z.enum(DERIVATIONS).nullable().describe('Set when the criterion follows another record instead of being self-assessed'),
    version: z.number().int(),
  })
  .meta({ id: 'ReadinessCriterion' });

/** The lead's confirmation or challenge of a self-assessment. */
export const ValidationView = z
  .object({ outcome: z.enum(['confirmed', 'challenged']), comment: z.string(), by: z.string(), byName: z.string(), at: z.string() })
  .meta({ id: 'AssessmentValidation' });

/** An agency's self-assessment against one criterion. */
export const AssessmentView = z
  .object({
    criterionId: z.string(),
    agencyId: z.string(),
    workstreamId: z.string(),
    status: z.enum(ASSESSMENT_STATUSES),
    evidence: z.string(),
    links: z.array(z.string()),
    targetDate: z.string().nullable(),
    reason: z.string().nullable(),
    updatedBy: z.string(),
    updatedByName: z.string().nullable().optional(),
    updatedAt: z.string(),
    validation: ValidationView.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Assessment' });

/** Counts and whole percentages of the criteria that apply. */
export const ScoreView = z
  .object({
    applicable: z.number().int(),
    confirmed: z.number().int(),
    selfAssessed: z.number().int(),
    confirmedPercent: z.number().int(),
    selfAssessedPercent: z.number().int(),
    overdue: z.number().int(),
  })
  .meta({ id: 'ReadinessScore' });
export const AgencyScoreView = ScoreView.extend({ agencyId: z.string() }).meta({ id: 'AgencyReadinessScore' });

/** The criteria x agencies matrix of one workstream, with statuses and scores. */
export const ReadinessMatrixView = z
  .object({
    workstreamId: z.string(),
    workstreamName: z.string(),
    macpt: z.boolean().describe('Set when this is the partnership’s MACPT workstream (its readiness is “MACPT readiness”)'),
    agencies: z.array(z.object({ id: z.string(), name: z.string() })),
    criteria: z.array(
      CriterionView.extend({
        derived: z.boolean(),
        derivedState: z.object({ ready: z.boolean(), evidence: z.string() }).nullable(),
        overdue: z.boolean(),
        assessments: z.array(
          z.object({
            agencyId: z.string(),
            status: z.enum(ASSESSMENT_STATUSES),
            evidence: z.string(),
            links: z.array(z.string()),
            reason: z.string().nullable(),
            targetDate: z.string().nullable(),
            overdue: z.boolean(),
            validation: ValidationView.nullable(),
            updatedBy: z.string().nullable(),
            updatedByName: z.string().nullable().optional(),
            updatedAt: z.string().nullable(),
            version: z.number().int().describe('0 until the agency first saves it'),
          }),
        ),
      }),
    ),
    scores: z.array(
      AgencyScoreView.extend({
        confirmed: z.number().int().describe('Whole percentage confirmed by the lead'),
        selfAssessed: z.number().int().describe('Whole percentage self-assessed ready'),
        confirmedCount: z.number().int(),
        selfAssessedCount: z.number().int(),
      }),
    ),
    workstreamScore: ScoreView,
  })
  .meta({ id: 'ReadinessMatrix' });
