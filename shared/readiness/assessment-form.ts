import type { AssessmentStatus } from './schema.js';

/*
 * An agency's self-assessment as its form holds it (every answer as text, a box per link) and as
 * the API takes it: blank links dropped, a blank date as null, and a reason only when the
 * criterion does not apply.
 */

export interface AssessmentFormValues {
  status: AssessmentStatus;
  evidence: string;
  links: string[];
  targetDate: string;
  reason: string;
}

/** The request body, and `boxOf`: the box a link in the body was typed in (so an error points at that box). */
export function assessmentFromForm(v: AssessmentFormValues) {
  const kept = v.links.map((l, i) => ({ l: l.trim(), i })).filter((x) => x.l);
  return {
    body: {
      status: v.status,
      evidence: v.evidence,
      links: kept.map((x) => x.l),
      targetDate: v.targetDate || null,
      reason: v.status === 'not-applicable' ? v.reason.trim() || null : null,
    },
    boxOf: (index: number): number | undefined => kept[index]?.i,
  };
}
