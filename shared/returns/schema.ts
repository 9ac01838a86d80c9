import { z } from 'zod';
import { Slug } from '../partnership/schema.js';
import { PeriodId } from '../periods/period.js';
import { Warning } from '../pii/detect.js';
import { IndicatorValue, IndicatorValueInput, MAX_INDICATORS_PER_SECTION } from '../measures/schema.js';
import { MILESTONE_STATUS_VALUES } from '../workstreams/milestone.js';

/**
 * Quarterly returns: one per agency per reporting period, with a section per workstream the agency
 * contributes to. Field names are the API contract (issue 3): later features and partners' own
 * tools rely on them, so rename nothing here without versioning the API.
 */

// ---------------------------------------------------------------------------------------------
// Delivery confidence

/** The five-point delivery confidence scale public-sector programmes use, best first. */
export const CONFIDENCE_LEVELS = ['green', 'amber-green', 'amber', 'amber-red', 'red'] as const;
export const Confidence = z.enum(CONFIDENCE_LEVELS, { message: 'Choose a delivery confidence: green, amber-green, amber, amber-red or red' });
export type Confidence = z.infer<typeof Confidence>;

export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  green: 'Green',
  'amber-green': 'Amber/Green',
  amber: 'Amber',
  'amber-red': 'Amber/Red',
  red: 'Red',
};

/**
 * What each level means, shown wherever a rating is shown: councillors complain when RAG
 * meanings are unclear, and a key beside every rating costs nothing.
 */
export const CONFIDENCE_MEANINGS: Record<Confidence, string> = {
  green: 'Successful delivery on time and as planned is highly likely. There are no major issues that threaten delivery.',
  'amber-green': 'Successful delivery is probable. Constant attention is needed so that risks do not become major issues.',
  amber: 'Successful delivery is feasible, but significant issues already exist. They need management attention and appear resolvable if dealt with promptly.',
  'amber-red': 'Successful delivery is in doubt, with major risks or issues in several key areas. Urgent action is needed to address them.',
  red: 'Successful delivery appears unachievable without changing the plan. There are major issues that cannot be resolved as things stand: the scope, timing or resources may need to be changed.',
};

/** Levels whose sections must say what is being done: at least one risk or escalation. */
export const CONFIDENCE_NEEDING_ACTION: readonly Confidence[] = ['amber-red', 'red'];

// ---------------------------------------------------------------------------------------------
// Milestone updates

/** Milestone statuses, shared with the workstreams' own milestones so the two never drift apart. */
export const MILESTONE_STATUSES = MILESTONE_STATUS_VALUES;
export const MilestoneStatus = z.enum(MILESTONE_STATUSES, { message: 'Choose a status: not started, on track, at risk, off track or complete' });
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  'not-started': 'Not started',
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  complete: 'Complete',
};

/** Milestone ids are slugs made by the lead; a little longer than agency slugs because they come from titles. */
export const MilestoneId = z
  .string()
  .min(1, 'Choose a milestone')
  .max(100, 'Milestone ids are 100 characters or fewer')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, numbers and single hyphens');

export const MilestoneUpdate = z
  .object({
    milestoneId: MilestoneId,
    status: MilestoneStatus,
    note: z.string().max(2000, 'Milestone notes must be 2,000 characters or fewer').default(''),
  })
  .strict();
export type MilestoneUpdate = z.infer<typeof MilestoneUpdate>;

// ---------------------------------------------------------------------------------------------
// Risks (the council's A-D x I-IV matrix)

export const LIKELIHOODS = ['A', 'B', 'C', 'D'] as const;
export const Likelihood = z.enum(LIKELIHOODS, { message: 'Choose a likelihood from A (very likely) to D (rare)' });
export type Likelihood = z.infer<typeof Likelihood>;

export const LIKELIHOOD_LABELS: Record<Likelihood, string> = { A: 'Very likely', B: 'Likely', C: 'Unlikely', D: 'Rare' };

export const IMPACTS = ['I', 'II', 'III', 'IV'] as const;
export const Impact = z.enum(IMPACTS, { message: 'Choose an impact from I (catastrophic) to IV (minor)' });
export type Impact = z.infer<typeof Impact>;

export const IMPACT_LABELS: Record<Impact, string> = { I: 'Catastrophic', II: 'Major', III: 'Moderate', IV: 'Minor' };

/** A risk's rating as the council writes it: likelihood letter then impact numeral, e.g. "BII". */
export type RiskRating = `${Likelihood}${Impact}`;

/** "B" and "II" -> "BII". */
export function riskRating(likelihood: Likelihood, impact: Impact): RiskRating {
  return `${likelihood}${impact}`;
}

/** Reads "BII" back into its parts, or null when it is not a rating (case-insensitive). */
export function parseRiskRating(rating: string): { likelihood: Likelihood; impact: Impact } | null {
  const m = /^([A-D])(I{1,3}|IV)$/i.exec(rating.trim());
  return m ? { likelihood: m[1]!.toUpperCase() as Likelihood, impact: m[2]!.toUpperCase() as Impact } : null;
}

/** Plain-English reading of a rating, for tooltips and screen readers: "BII: likely, major impact". */
export function riskRatingLabel(likelihood: Likelihood, impact: Impact): string {
  return `${riskRating(likelihood, impact)}: ${LIKELIHOOD_LABELS[likelihood].toLowerCase()}, ${IMPACT_LABELS[impact].toLowerCase()} impact`;
}

/**
 * A risk's severity for sorting, 1 (DIV) to 16 (AI): likelihood weight (A 4 .. D 1) times impact
 * weight (I 4 .. IV 1), the usual reading of a 4x4 matrix. Sort descending for "worst first"; use
 * {@link compareRisks} when ties must break consistently.
 */
export function riskScore(likelihood: Likelihood, impact: Impact): number {
  return (4 - LIKELIHOODS.indexOf(likelihood)) * (4 - IMPACTS.indexOf(impact));
}

/**
 * Comparator putting the worst risk first: higher score, then the graver impact (a rare
 * catastrophe outranks a likely minor problem of the same score), then the likelier.
 */
export function compareRisks(a: { likelihood: Likelihood; impact: Impact }, b: { likelihood: Likelihood; impact: Impact }): number {
  return (
    riskScore(b.likelihood, b.impact) - riskScore(a.likelihood, a.impact) ||
    IMPACTS.indexOf(a.impact) - IMPACTS.indexOf(b.impact) ||
    LIKELIHOODS.indexOf(a.likelihood) - LIKELIHOODS.indexOf(b.likelihood)
  );
}

export const Risk = z
  .object({
    title: z.string().trim().min(1, 'Enter a title for the risk').max(200, 'Risk titles must be 200 characters or fewer'),
    description: z.string().max(2000, 'Risk descriptions must be 2,000 characters or fewer').default(''),
    likelihood: Likelihood,
    impact: Impact,
    mitigation: z.string().max(2000, 'Mitigations must be 2,000 characters or fewer').default(''),
    owner: z.string().max(200, 'Risk owners must be 200 characters or fewer').default(''),
  })
  .strict();
export type Risk = z.infer<typeof Risk>;

// ---------------------------------------------------------------------------------------------
// Escalations and metrics

export const Escalation = z
  .object({ summary: z.string().trim().min(1, 'Enter what you are escalating, or remove the escalation').max(1000, 'Escalations must be 1,000 characters or fewer') })
  .strict();
export type Escalation = z.infer<typeof Escalation>;

export const Metric = z
  .object({
    name: z.string().trim().min(1, 'Enter the name of the measure').max(200, 'Measure names must be 200 characters or fewer'),
    // z.number() refuses NaN and Infinity, which JSON cannot carry anyway.
    value: z.number({ message: 'Enter the value as a number' }),
  })
  .strict();
export type Metric = z.infer<typeof Metric>;

// ---------------------------------------------------------------------------------------------
// Sections and requests

/** Longest progress narrative: about two pages, enough for a quarter without becoming a report. */
export const NARRATIVE_MAX = 5000;

/**
 * One workstream's section as the agency saves it. A draft may be incomplete: confidence may be
 * missing and the narrative empty; {@link submitErrors} in `rules.ts` decides what submission
 * needs. Arrays may be left out and default to empty.
 */
export const ReturnSectionInput = z
  .object({
    workstreamId: Slug,
    confidence: Confidence.nullable().optional(),
    narrative: z.string().max(NARRATIVE_MAX, 'The progress narrative must be 5,000 characters or fewer').default(''),
    milestones: z.array(MilestoneUpdate).max(50, 'Update at most 50 milestones in one section').default([]),
    risks: z.array(Risk).max(20, 'Record at most 20 risks in one section: keep the most significant').default([]),
    escalations: z.array(Escalation).max(10, 'Raise at most 10 escalations in one section').default([]),
    metrics: z.array(Metric).max(20, 'Report at most 20 measures in one section').default([]),
    /** Values of the outcome indicators the agency reports in this section (shared/measures). */
    indicators: z.array(IndicatorValueInput).max(MAX_INDICATORS_PER_SECTION, `A section reports at most ${MAX_INDICATORS_PER_SECTION} indicators`).default([]),
    /** What the API answers beside the values: accepted and ignored, so a section read can be sent back as it is. */
    indicatorsDue: z
      .array(z.object({ id: Slug, name: z.string().max(200) }).strict())
      .max(MAX_INDICATORS_PER_SECTION)
      .optional()
      .describe('Answered by the API (the indicators due in the section); ignored when sent'),
  })
  .strict()
  .superRefine((s, ctx) => {
    const indicators = new Set<string>();
    s.indicators.forEach((v, j) => {
      if (indicators.has(v.indicatorId))
        ctx.addIssue({ code: 'custom', path: ['indicators', j, 'indicatorId'], message: 'This indicator already has a value above: send each indicator once' });
      indicators.add(v.indicatorId);
    });
    // Two updates for one milestone would leave the lead guessing which is current.
    const seen = new Set<string>();
    s.milestones.forEach((m, j) => {
      if (seen.has(m.milestoneId))
        ctx.addIssue({ code: 'custom', path: ['milestones', j, 'milestoneId'], message: 'This milestone is already updated above: keep one update per milestone' });
      seen.add(m.milestoneId);
    });
  });
export type ReturnSectionInput = z.infer<typeof ReturnSectionInput>;

/**
 * Part of a save: start one section from the agency's answer in another partnership the person
 * works in, for the same period (copy, then edit). Only ids: the server reads the answer from its
 * own records of that partnership, never from the request.
 */
export const CopySectionRequest = z
  .object({
    workstreamId: Slug.describe('The section of this return to start from the copy'),
    fromPartnershipId: Slug.describe('The other partnership, where you are a partner at an agency'),
    fromWorkstreamId: Slug.describe("The workstream there whose section of your agency's return to copy"),
  })
  .strict();
export type CopySectionRequest = z.infer<typeof CopySectionRequest>;

/**
 * `PUT /api/returns/{periodId}/{agencyId}`: whole sections, any subset of the agency's workstreams,
 * and optionally one more section started from the agency's answer in another partnership (`copy`).
 */
export const SaveReturnRequest = z
  .object({
    sections: z.array(ReturnSectionInput).max(20, 'A return has at most 20 sections'),
    copy: CopySectionRequest.optional().describe("Start this section from your own agency's answer in another partnership, for the same period; send `sections: []` to copy only"),
  })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.sections.forEach((s, i) => {
      if (seen.has(s.workstreamId))
        ctx.addIssue({ code: 'custom', path: ['sections', i, 'workstreamId'], message: 'This workstream already has a section: send each workstream once' });
      seen.add(s.workstreamId);
    });
    if (v.copy && seen.has(v.copy.workstreamId))
      ctx.addIssue({ code: 'custom', path: ['copy', 'workstreamId'], message: 'This section is also sent in sections: copy into it or send its answers, not both' });
  });
export type SaveReturnRequest = z.infer<typeof SaveReturnRequest>;

/** `POST .../submit`. `acknowledgeWarnings` confirms possible personal data that is not (never NHS or NI numbers). */
export const SubmitRequest = z.object({ acknowledgeWarnings: z.boolean().optional() }).strict();
export type SubmitRequest = z.infer<typeof SubmitRequest>;

/** `POST .../return`: the lead sends a submitted return back to the agency, saying what to change. */
export const ReturnReturnRequest = z
  .object({
    comment: z.string().trim().min(1, 'Enter a comment telling the agency what to change').max(2000, 'Comments must be 2,000 characters or fewer'),
  })
  .strict();
export type ReturnReturnRequest = z.infer<typeof ReturnReturnRequest>;

/** The lead reopens an accepted return, saying what must be corrected (the agency sees it). */
export const ReturnReopenRequest = z
  .object({
    reason: z.string().trim().min(1, 'Enter what needs correcting, so the agency knows what to change').max(2000, 'The reason must be 2,000 characters or fewer'),
  })
  .strict();

/** A signatory at the agency sends the return back to whoever prepared it, instead of certifying it. */
export const SendBackRequest = z
  .object({
    comment: z.string().trim().min(1, 'Enter a comment telling your colleague what to change').max(2000, 'Comments must be 2,000 characters or fewer'),
  })
  .strict();
export type SendBackRequest = z.infer<typeof SendBackRequest>;

// ---------------------------------------------------------------------------------------------
// Status and the response

export const RETURN_STATUSES = ['not-started', 'draft', 'awaiting-certification', 'submitted', 'returned', 'accepted'] as const;
export const ReturnStatus = z.enum(RETURN_STATUSES);
export type ReturnStatus = z.infer<typeof ReturnStatus>;

export const RETURN_STATUS_LABELS: Record<ReturnStatus, string> = {
  'not-started': 'Not started',
  draft: 'Draft',
  'awaiting-certification': 'Awaiting certification',
  submitted: 'Submitted',
  returned: 'Returned',
  accepted: 'Accepted',
};

/** Task-list status of one section (GOV.UK task list pattern). */
export const SECTION_PROGRESS = ['not-started', 'in-progress', 'completed'] as const;
export type SectionProgress = (typeof SECTION_PROGRESS)[number];
export const SECTION_PROGRESS_LABELS: Record<SectionProgress, string> = { 'not-started': 'Not started', 'in-progress': 'In progress', completed: 'Completed' };

/** One of the lead's review comments, kept in order on the return. */
export const ReviewComment = z.object({
  comment: z.string(),
  by: z.string(),
  /** Display name at the time; older records (and the seed) may lack it, so show `by` instead. */
  byName: z.string().optional(),
  at: z.string(),
});
export type ReviewComment = z.infer<typeof ReviewComment>;

/**
 * Certification inside the agency, when the partnership requires it: who sent the return for
 * certification (the preparer), who certified it, and what certifiers said when they sent it back.
 * Emails identify people; names are for display.
 */
export const ReturnCertification = z.object({
  preparedBy: z.string().nullable(),
  preparedByName: z.string().nullable(),
  sentAt: z.string().nullable(),
  certifiedBy: z.string().nullable(),
  certifiedByName: z.string().nullable(),
  certifiedAt: z.string().nullable(),
  comments: z.array(ReviewComment),
});
export type ReturnCertification = z.infer<typeof ReturnCertification>;

/**
 * Where a section started when it was copied from the agency's answer in another partnership (copy,
 * then edit). It stays on the section when the section is saved again, because it says where the
 * text started, not that it is unchanged; copying again replaces it. Names are as they were then.
 */
export const CopiedFrom = z.object({
  partnershipId: Slug,
  partnershipName: z.string(),
  agencyId: Slug,
  agencyName: z.string(),
  periodId: PeriodId,
  workstreamId: Slug,
  workstreamName: z.string(),
  /** When the copied section was last saved there (its return's last save for sections saved before this was recorded). */
  sectionSavedAt: z.string().nullable(),
  copiedAt: z.string(),
  /** Email of the person who copied it (the identity); the name is for display. */
  copiedBy: z.string(),
  copiedByName: z.string(),
  /** Milestone updates left out because their milestones belong to the other partnership's plan. */
  milestoneUpdatesLeftOut: z.number().int().min(0),
});
export type CopiedFrom = z.infer<typeof CopiedFrom>;

/** A section as the API answers it. `carriedForward` marks a narrative copied from the last accepted return and not yet edited. */
export const ReturnSectionView = z.object({
  workstreamId: Slug,
  confidence: Confidence.nullable(),
  narrative: z.string(),
  carriedForward: z.boolean().optional(),
  milestones: z.array(MilestoneUpdate),
  risks: z.array(Risk),
  escalations: z.array(Escalation),
  metrics: z.array(Metric),
  /** Values of the section's outcome indicators (none carried forward: each quarter has its own). */
  indicators: z.array(IndicatorValue),
  /** The outcome indicators the agency reports in this section this quarter, in the lead's order. */
  indicatorsDue: z.array(z.object({ id: Slug, name: z.string() })).optional(),
  /** Task-list status, computed by the API with `sectionProgress`. */
  progress: z.enum(SECTION_PROGRESS).optional(),
  /** When the section's answers last changed; absent for sections not changed since this was recorded. */
  savedAt: z.string().optional(),
  /** Set when the section was started from the agency's answer in another partnership. */
  copiedFrom: CopiedFrom.nullable().optional(),
});
export type ReturnSectionView = z.infer<typeof ReturnSectionView>;

/** `GET /api/returns/{periodId}/{agencyId}` and the answer to every write on a return. */
export const ReturnView = z.object({
  periodId: PeriodId,
  agencyId: Slug,
  status: ReturnStatus,
  /** 0 until first saved; the ETag is derived from it. */
  version: z.number().int().min(0),
  sections: z.array(ReturnSectionView),
  review: z.object({ comments: z.array(ReviewComment) }),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable().optional(),
  /** Names of the people who acted, for display (the emails above identify them). */
  submittedByName: z.string().nullable().optional(),
  acceptedByName: z.string().nullable().optional(),
  updatedByName: z.string().nullable().optional(),
  /** Period facts the pages show beside the return. */
  dueDate: z.string().optional(),
  overdue: z.boolean().optional(),
  requiredWorkstreamIds: z.array(Slug).optional(),
  /** Possible personal data in the free text, by field path. */
  warnings: z.array(Warning),
  /** The lead reopened it after acceptance, for a correction: shown as reopened until accepted again. */
  reopened: z.object({ at: z.string(), byName: z.string(), reason: z.string() }).nullable().optional(),
  /** Whether this partnership requires a signatory at the agency to certify the return before the lead sees it. */
  certificationRequired: z.boolean().optional(),
  certification: ReturnCertification.nullable().optional(),
  /** While it awaits certification: the names of the agency's active signatories who can certify it (never the preparer). */
  certifiers: z.array(z.string()).optional(),
});
export type ReturnView = z.infer<typeof ReturnView>;

/** `GET /api/returns?periodId=`: one row per reporting agency (partners: their own only). */
export interface ReturnListRow {
  periodId: string;
  agencyId: string;
  agencyName: string;
  status: ReturnStatus;
  version: number;
  dueDate: string;
  overdue: boolean;
  submittedAt: string | null;
  acceptedAt: string | null;
  updatedAt: string | null;
  confidence: Record<string, string | null>;
  /** Reopened by the lead after acceptance and not yet accepted again. */
  reopened: boolean;
}
