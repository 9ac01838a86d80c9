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

/** What each status means, as the form's radios say it. */
export const ASSESSMENT_STATUS_HINTS: Record<AssessmentStatus, string> = {
  'not-started': 'Work on this has not begun.',
  'in-progress': 'Work has started but the criterion is not met yet.',
  ready: 'The criterion is met. Describe or link the evidence.',
  'not-applicable': 'The criterion does not apply to your agency. Say why.',
};

/** The id of the form's input a schema or API field path (`links.1`, `links[1]`) is about; `boxOf` gives a link's box. */
export function assessmentFieldId(path: string, boxOf: (index: number) => number | undefined): string {
  const [head, index] = path.split(/[.[\]]+/);
  if (head === 'links') return `link-${boxOf(Number(index)) ?? 0}`;
  if (head === 'targetDate') return 'target-date';
  if (head === 'status' || head === 'reason') return head;
  return 'evidence';
}
