import { z } from 'zod';
import { patchOf } from '../http/patch.js';
import { Slug } from '../partnership/schema.js';
import { IsoDate } from '../workstreams/milestone.js';

export const ASSESSMENT_STATUSES = ['not-started', 'in-progress', 'ready', 'not-applicable'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  ready: 'Ready',
  'not-applicable': 'Not applicable',
};
export const DERIVATIONS = ['threshold-signed-off', 'kinship-offer-complete'] as const;
export type Derivation = (typeof DERIVATIONS)[number];

export interface Criterion {
  id: string;
  workstreamId: string;
  title: string;
  description: string;
  agencyIds: string[];
  evidenceExpected: string;
  targetDate: string | null;
  derivedFrom: Derivation | null;
  version: number;
}

export interface Validation {
  outcome: 'confirmed' | 'challenged';
  comment: string;
  by: string;
  byName: string;
  at: string;
}

export interface Assessment {
  criterionId: string;
  agencyId: string;
  workstreamId: string;
  status: AssessmentStatus;
  evidence: string;
  links: string[];
  targetDate: string | null;
  reason: string | null;
  updatedBy: string;
  /** Who last changed it, for display (emails identify, names are shown). */
  updatedByName?: string | null;
  updatedAt: string;
  validation: Validation | null;
  version: number;
}

/** A web address; one check and one message, so a bad link never gets two contradicting errors. */
const isWebAddress = (u: string) => {
  if (!/^https?:\/\//i.test(u)) return false;
  try {
    return Boolean(new URL(u).hostname.includes('.'));
  } catch {
    return false;
  }
};
const Link = z
  .string()
  .trim()
  .max(500, 'Use a web address of 500 characters or fewer')
  .refine(isWebAddress, 'Enter a full web address starting with https://, for example https://www.example.org/evidence');

export const AssessmentRequest = z
  .object({
    status: z.enum(ASSESSMENT_STATUSES),
    evidence: z.string().trim().max(4000).default(''),
    links: z.array(Link).max(10).default([]),
    targetDate: IsoDate.nullable().default(null),
    reason: z.string().trim().max(1000).nullable().default(null),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.status === 'not-applicable' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why this criterion does not apply to your agency' });
    if (v.status === 'ready' && !v.evidence && v.links.length === 0)
      ctx.addIssue({ code: 'custom', path: ['evidence'], message: 'Describe or link the evidence that shows you are ready' });
  });
export type AssessmentRequest = z.infer<typeof AssessmentRequest>;

export const ValidateRequest = z
  .object({ outcome: z.enum(['confirmed', 'challenged']), comment: z.string().trim().max(2000).default('') })
  .strict()
  .superRefine((v, ctx) => {
    if (v.outcome === 'challenged' && !v.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Say what evidence is missing or needs to change' });
  });
export type ValidateRequest = z.infer<typeof ValidateRequest>;

export const CreateCriterionRequest = z
  .object({
    id: Slug.optional(),
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).default(''),
    agencyIds: z.array(Slug).min(1).max(50),
    evidenceExpected: z.string().trim().max(2000).default(''),
    targetDate: IsoDate.nullable().default(null),
  })
  .strict();
export type CreateCriterionRequest = z.infer<typeof CreateCriterionRequest>;

/** PATCH: the create fields (no defaults); only the fields sent change, agency ids checked as on create. */
export const UpdateCriterionRequest = patchOf(CreateCriterionRequest.omit({ id: true }));
export type UpdateCriterionRequest = z.infer<typeof UpdateCriterionRequest>;

export interface Score {
  agencyId: string;
  applicable: number;
  confirmed: number;
  selfAssessed: number;
  /** Whole percentages, 0 when nothing applies. */
  confirmedPercent: number;
  selfAssessedPercent: number;
  overdue: number;
}

const pct = (n: number, d: number) => (d === 0 ? 0 : Math.round((100 * n) / d));

/**
 * Readiness score of one agency: of the criteria that apply to it (not marked not-applicable),
 * how many are ready as the agency says (self-assessed) and as the lead confirmed.
 */
export function scoreAgency(agencyId: string, criteria: Criterion[], assessments: Assessment[], today: string): Score {
  let applicable = 0;
  let confirmed = 0;
  let selfAssessed = 0;
  let overdue = 0;
  for (const c of criteria) {
    if (c.derivedFrom || !c.agencyIds.includes(agencyId)) continue;
    const a = assessments.find((x) => x.criterionId === c.id && x.agencyId === agencyId);
    if (a?.status === 'not-applicable') continue;
    applicable += 1;
    if (a?.status === 'ready') {
      selfAssessed += 1;
      if (a.validation?.outcome === 'confirmed') confirmed += 1;
    } else {
      const target = a?.targetDate ?? c.targetDate;
      if (target && target < today) overdue += 1;
    }
  }
  return { agencyId, applicable, confirmed, selfAssessed, confirmedPercent: pct(confirmed, applicable), selfAssessedPercent: pct(selfAssessed, applicable), overdue };
}

/** Whole-workstream score: every (criterion, agency) cell that applies, plus derived criteria. */
export function scoreWorkstream(criteria: Criterion[], assessments: Assessment[], derived: Record<string, boolean>, today: string) {
  const agencies = [...new Set(criteria.flatMap((c) => c.agencyIds))];
  const parts = agencies.map((a) => scoreAgency(a, criteria, assessments, today));
  const derivedCriteria = criteria.filter((c) => c.derivedFrom);
  const derivedReady = derivedCriteria.filter((c) => derived[c.id]).length;
  const applicable = parts.reduce((n, p) => n + p.applicable, 0) + derivedCriteria.length;
  const confirmed = parts.reduce((n, p) => n + p.confirmed, 0) + derivedReady;
  const selfAssessed = parts.reduce((n, p) => n + p.selfAssessed, 0) + derivedReady;
  return {
    applicable,
    confirmed,
    selfAssessed,
    confirmedPercent: pct(confirmed, applicable),
    selfAssessedPercent: pct(selfAssessed, applicable),
    overdue: parts.reduce((n, p) => n + p.overdue, 0),
  };
}

/** Derived criterion: the current threshold document version is signed off by every required partner. */
export function deriveThresholdSignedOff(versions: { versionLabel: string; status: string; signedOffAt: string | null }[]): { ready: boolean; evidence: string } {
  const current = versions.find((v) => v.status !== 'superseded');
  if (!current) return { ready: false, evidence: 'No threshold document version has been issued.' };
  return current.status === 'signed-off'
    ? { ready: true, evidence: `${current.versionLabel} signed off by every statutory partner on ${current.signedOffAt?.slice(0, 10)}.` }
    : { ready: false, evidence: `${current.versionLabel} is ${current.status.replace(/-/g, ' ')}.` };
}

/** Derived criterion: the Kinship Local Offer has published support in every statutory category. */
export function deriveKinshipOfferComplete(coverage: { complete: boolean; gaps: string[]; overdueReviews: unknown[] }): { ready: boolean; evidence: string } {
  return coverage.complete
    ? { ready: true, evidence: `Every statutory category has published support${coverage.overdueReviews.length ? `; ${coverage.overdueReviews.length} review(s) overdue` : ''}.` }
    : { ready: false, evidence: `Categories without published support: ${coverage.gaps.join(', ')}.` };
}
