import type { z } from 'zod';
import type { AssessmentStatus, CreateCriterionRequest, Derivation } from './schema.js';

/*
 * Readiness in words and the small rules the pages apply: the MACPT workstream and its title, the
 * records derived criteria follow, the lead's check of an assessment, an agency's score in one sentence, and what an edit changed.
 */

/** A workstream as the readiness words need it: its name, and whether it is the partnership's MACPT workstream (the `macpt` mark, from data). */
interface Named {
  name: string;
  macpt?: boolean | undefined;
}

/** "MACPT readiness" for the workstream marked MACPT, "<name> readiness" for the others. */
export const readinessTitle = (w: Named) => (w.macpt ? 'MACPT readiness' : `${w.name} readiness`);

/** Where "MACPT readiness" links: the MACPT workstream's matrix while it is in use, otherwise the list of every workstream's readiness. */
export function macptReadinessHref(workstreams: readonly { id: string; macpt?: boolean | undefined; retiredAt?: string | undefined }[]): string {
  const w = workstreams.find((x) => x.macpt === true && !x.retiredAt);
  return w ? `/readiness/${w.id}` : '/readiness';
}

/** Where a derived criterion's state comes from, and where to read that record. */
export const DERIVATION_SOURCES: Record<Derivation, { text: string; href: string }> = {
  'threshold-signed-off': { text: 'Follows the threshold document sign-off record', href: '/threshold' },
  'kinship-offer-complete': { text: 'Follows the Kinship Local Offer coverage', href: '/kinship' },
};

/** Workstreams in the order the readiness pages list them: MACPT first (the Act makes it the priority), then by order. */
export function macptFirst<W extends { order: number; macpt?: boolean | undefined }>(workstreams: readonly W[]): W[] {
  return [...workstreams].sort((a, b) => Number(b.macpt === true) - Number(a.macpt === true) || a.order - b.order);
}

/** An assessment waits for the lead once the agency says it is ready or that the criterion does not apply. */
export const awaitsCheck = (a: { status: AssessmentStatus; version: number }) => a.version > 0 && (a.status === 'ready' || a.status === 'not-applicable');

/** The lead's view of a ready (or not applicable) assessment, in words. */
export function validationText(a: { status: AssessmentStatus; version: number; validation: { outcome: 'confirmed' | 'challenged' } | null }): string | null {
  if (a.validation?.outcome === 'confirmed') return 'Confirmed by the lead';
  if (a.validation?.outcome === 'challenged') return 'Challenged by the lead';
  return awaitsCheck(a) ? 'Not yet confirmed' : null;
}

/** "3 of 11 ready, 1 confirmed" under the agency's name (the text alternative behind the bars). */
export function scoreSentence(s: { applicable: number; overdue: number; selfAssessedCount: number; confirmedCount: number }): string {
  if (s.applicable === 0) return 'No criteria apply';
  const overdue = s.overdue > 0 ? `; ${s.overdue} overdue` : '';
  return `${s.selfAssessedCount} of ${s.applicable} ready, ${s.confirmedCount} confirmed${overdue}`;
}

/** A criterion's fields as a form sends them (before the schema's defaults). */
type CriterionBody = Omit<z.input<typeof CreateCriterionRequest>, 'id'>;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Only the fields of a criterion that an edit changed, against the version shown (agencies compared as a set). */
export function criterionChanges(shown: CriterionBody, edited: CriterionBody): Partial<CriterionBody> {
  const changes: Partial<CriterionBody> = {};
  if (edited.title !== shown.title) changes.title = edited.title;
  if (edited.description !== shown.description) changes.description = edited.description;
  if (!sameSet(edited.agencyIds, shown.agencyIds)) changes.agencyIds = edited.agencyIds;
  if (edited.evidenceExpected !== shown.evidenceExpected) changes.evidenceExpected = edited.evidenceExpected;
  if (edited.targetDate !== shown.targetDate) changes.targetDate = edited.targetDate;
  return changes;
}

/** A criterion's fields in the order its form asks for them. */
export const CRITERION_FIELDS = ['title', 'description', 'agencyIds', 'evidenceExpected', 'targetDate'] as const;
export type CriterionField = (typeof CRITERION_FIELDS)[number];

/** Plain-English messages for what the schema rejects in a criterion, by field. */
export function criterionProblem(field: CriterionField, body: Pick<CriterionBody, 'title'>): string {
  switch (field) {
    case 'title':
      return body.title.trim() ? 'Title must be 200 characters or fewer' : 'Enter a title for the criterion';
    case 'description':
      return 'Description must be 2,000 characters or fewer';
    case 'agencyIds':
      return 'Choose at least one agency that must assess this criterion';
    case 'evidenceExpected':
      return 'Evidence expected must be 2,000 characters or fewer';
    case 'targetDate':
      return 'Target date must be a real date, for example 31 March 2027';
  }
}
