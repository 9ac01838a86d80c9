import { z } from 'zod';
import { Period } from '../periods/period.js';
import { Impact, Likelihood, ReturnStatus } from '../returns/schema.js';
import { VERSION_STATUSES } from '../threshold/schema.js';
import { SignOffView } from '../threshold/views.js';
import { MILESTONE_STATUS_VALUES } from '../workstreams/milestone.js';
import { MeasuresView } from '../measures/schema.js';
import { CoverageView } from '../kinship/views.js';
import { AgencyScoreView, ScoreView } from '../readiness/views.js';
import { CONFIDENCE_SCALE } from './compute.js';

/** The shared tracker as the API answers it (`GET /api/tracker`); the exports are built from it. */

const Confidence = z.enum(CONFIDENCE_SCALE);

/** One cell of the workstreams x agencies matrix. */
export const MatrixCellView = z
  .object({ agencyId: z.string(), confidence: Confidence.nullable(), state: z.enum(['accepted', 'submitted', 'not-reported']) })
  .meta({ id: 'TrackerMatrixCell' });

/** A milestone with the names the tracker shows beside it. */
const TrackerMilestone = z.object({
  id: z.string(),
  workstreamId: z.string(),
  workstreamName: z.string(),
  title: z.string(),
  description: z.string(),
  ownerAgencyId: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  status: z.enum(MILESTONE_STATUS_VALUES),
  closed: z.boolean(),
  version: z.number().int(),
});

export const TrackerView = z
  .object({
    period: Period,
    periods: z.array(z.object({ id: z.string(), status: z.enum(['open', 'closed']) })),
    generatedAt: z.string(),
    agencies: z
      .array(z.object({ id: z.string(), name: z.string(), statutory: z.boolean(), retired: z.boolean().describe('Retired since: shown for the periods it was in use during') }))
      .describe("The period's agencies (shared/partnership/period-scope.ts)"),
    workstreams: z
      .array(
        z.object({ id: z.string(), name: z.string(), contributingAgencyIds: z.array(z.string()).describe('The agencies that reported on it in the period'), retired: z.boolean() }),
      )
      .describe("The period's workstreams"),
    matrix: z.array(
      z.object({
        workstreamId: z.string(),
        name: z.string(),
        retired: z.boolean(),
        cells: z.array(MatrixCellView),
        overall: z.object({
          confidence: Confidence.nullable(),
          source: z.enum(['lead', 'accepted', 'submitted', 'none']).describe("The lead's setting, else the worst accepted (or, provisionally, submitted) return"),
          provisional: z.boolean().describe("The returns may still change it: it does not rest on every contributing agency's accepted return (the lead's setting is final)"),
          note: z.string().nullable(),
          version: z.number().int().describe("Send back as If-Match when changing the lead's setting (0: never set)"),
        }),
      }),
    ),
    trend: z.array(
      z.object({
        workstreamId: z.string(),
        name: z.string(),
        retired: z.boolean(),
        points: z.array(z.object({ periodId: z.string(), confidence: Confidence.nullable(), provisional: z.boolean().describe('Not yet resting on every accepted return') })),
      }),
    ),
    returns: z.array(
      z.object({
        agencyId: z.string(),
        agencyName: z.string(),
        status: ReturnStatus.describe("The return's status"),
        overdue: z.boolean(),
        dueDate: z.string(),
        submittedAt: z.string().nullable(),
        acceptedAt: z.string().nullable(),
        reopened: z.boolean().describe('Reopened by the lead after acceptance, and not yet accepted again'),
      }),
    ),
    readiness: z.array(
      z.object({
        workstreamId: z.string(),
        name: z.string(),
        highlighted: z.boolean(),
        criteriaCount: z.number().int(),
        overall: ScoreView,
        agencies: z.array(AgencyScoreView),
      }),
    ),
    threshold: z
      .object({
        id: z.string(),
        versionLabel: z.string(),
        status: z.enum(VERSION_STATUSES),
        signedOffAt: z.string().nullable(),
        required: z.array(
          z.object({
            agencyId: z.string(),
            agencyName: z.string(),
            decision: SignOffView.nullable(),
          }),
        ),
      })
      .nullable(),
    kinship: CoverageView,
    risks: z
      .array(
        z.object({
          title: z.string(),
          description: z.string(),
          likelihood: Likelihood,
          impact: Impact,
          mitigation: z.string(),
          owner: z.string(),
          rating: z.string().describe('Likelihood then impact, e.g. "BII"'),
          agencyId: z.string(),
          agencyName: z.string(),
          workstreamId: z.string(),
          workstreamName: z.string(),
        }),
      )
      .describe('The 50 gravest risks in submitted and accepted returns, worst first'),
    riskCount: z.number().int(),
    measures: MeasuresView.shape.workstreams.describe(
      'Outcome indicators of the workstreams that have them, with values up to the period (the executive: those published to them)',
    ),
    measuresThreshold: z.number().int().describe('The small-number threshold: values of counts of children below it read "fewer than N"'),
    escalations: z.array(z.object({ summary: z.string(), agencyId: z.string(), agencyName: z.string(), workstreamId: z.string(), workstreamName: z.string() })),
    milestones: z.object({
      thisQuarter: z
        .object({ periodId: z.string(), start: z.string(), end: z.string(), items: z.array(TrackerMilestone) })
        .describe('Open milestones due in the period shown, complete ones included'),
      nextQuarter: z.object({ periodId: z.string(), start: z.string(), end: z.string(), items: z.array(TrackerMilestone) }),
      overdue: z.array(TrackerMilestone),
      all: z.array(TrackerMilestone).describe('Every milestone of the workstreams in use, closed ones too, by due date'),
    }),
  })
  .meta({ id: 'Tracker' });

/** The lead's overall confidence for a workstream in a period, after setting or clearing it. */
export const OverallSettingView = z
  .object({
    periodId: z.string(),
    workstreamId: z.string(),
    confidence: z
      .string()
      .nullable()
      .describe(`The lead's setting (${CONFIDENCE_SCALE.join(', ')}), or null when cleared`),
    note: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'OverallConfidenceSetting' });
