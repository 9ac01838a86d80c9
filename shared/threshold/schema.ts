import { z } from 'zod';
import { IsoDate } from '../workstreams/milestone.js';

export const DECISIONS = ['approve', 'request-changes'] as const;
export const Decision = z.enum(DECISIONS);
export type Decision = z.infer<typeof Decision>;

export const VERSION_STATUSES = ['awaiting-sign-off', 'changes-requested', 'signed-off', 'superseded'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
  'awaiting-sign-off': 'Awaiting sign-off',
  'changes-requested': 'Changes requested',
  'signed-off': 'Signed off',
  superseded: 'Superseded',
};

/** One statutory partner's permanent decision on one version, bound to the content hash. */
export interface SignOff {
  agencyId: string;
  decision: Decision;
  comment: string;
  by: string;
  byName: string;
  at: string;
  sha256: string;
}

export interface ThresholdVersion {
  id: string;
  title: string;
  versionLabel: string;
  summaryOfChanges: string;
  effectiveFrom: string;
  issuedBy: string;
  issuedAt: string;
  sha256: string;
  contentType: 'text/markdown' | 'application/pdf';
  /** Bytes of the document (markdown UTF-8 or PDF). */
  size: number;
  requiredAgencyIds: string[];
  status: VersionStatus;
  signedOffAt: string | null;
  decisions: SignOff[];
}

export const IssueVersionRequest = z
  .object({
    title: z.string().trim().min(1).max(200),
    versionLabel: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .regex(/^[A-Za-z0-9._ -]+$/, 'Use letters, numbers, dots and hyphens, e.g. v4.0'),
    summaryOfChanges: z.string().trim().min(1).max(4000),
    effectiveFrom: IsoDate,
    content: z.string().min(1).max(200_000),
  })
  .strict();
export type IssueVersionRequest = z.infer<typeof IssueVersionRequest>;

export const SignOffRequest = z
  .object({
    decision: Decision,
    comment: z.string().trim().max(2000).default(''),
    /** The hash the signatory saw; when given it must match the version's. */
    sha256: z
      .string()
      .regex(/^[a-f0-9]{64}$/)
      .optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === 'request-changes' && v.comment.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Say what needs to change' });
    }
  });
export type SignOffRequest = z.infer<typeof SignOffRequest>;

export const ThresholdConfigRequest = z.object({ requiredAgencyIds: z.array(z.string().min(2).max(64)).min(1).max(20) }).strict();
export type ThresholdConfigRequest = z.infer<typeof ThresholdConfigRequest>;

/** Version id from its label: "v4.1" -> "v4-1". */
export const versionIdFor = (label: string) =>
  label
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'version';

/**
 * Status follows from the decisions: superseded once a newer version is issued; otherwise
 * changes-requested if any required partner asked for changes, signed-off when every required
 * partner approved, else awaiting sign-off. Signed-off date is the last approval.
 */
export function deriveStatus(
  v: { requiredAgencyIds: string[] },
  decisions: Pick<SignOff, 'agencyId' | 'decision' | 'at'>[],
  isCurrent: boolean,
): { status: VersionStatus; signedOffAt: string | null } {
  const approvals = decisions.filter((d) => d.decision === 'approve' && v.requiredAgencyIds.includes(d.agencyId));
  const signedOff = v.requiredAgencyIds.length > 0 && v.requiredAgencyIds.every((a) => approvals.some((d) => d.agencyId === a));
  const signedOffAt = signedOff
    ? (approvals
        .map((d) => d.at)
        .sort()
        .at(-1) ?? null)
    : null;
  if (!isCurrent) return { status: 'superseded', signedOffAt };
  if (decisions.some((d) => d.decision === 'request-changes')) return { status: 'changes-requested', signedOffAt: null };
  return { status: signedOff ? 'signed-off' : 'awaiting-sign-off', signedOffAt };
}
