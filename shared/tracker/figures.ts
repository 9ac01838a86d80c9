import { CONFIDENCE_NEEDING_ACTION, type Confidence } from '../returns/schema.js';

/*
 * Headline figures drawn from the tracker, for its sections and the lead's home page: workstreams
 * giving concern, who has still to sign the threshold document, and the Kinship Local Offer's coverage.
 */

/** Where a workstream's overall confidence comes from, in words. */
export const OVERALL_SOURCE_TEXT = {
  lead: 'Set by the programme lead',
  accepted: 'Worst of the accepted returns',
  submitted: 'Provisional: worst of the submitted returns, none accepted yet',
  none: 'No returns submitted yet',
} as const;

/** How many workstreams are at amber/red or red overall. */
export function concernCount(matrix: readonly { overall: { confidence: Confidence | null } }[]): number {
  return matrix.filter((m) => m.overall.confidence !== null && CONFIDENCE_NEEDING_ACTION.includes(m.overall.confidence)).length;
}

/** The statutory partners that have not recorded a decision on the threshold document. */
export function awaitingSignOff(threshold: { required: readonly { agencyName: string; decision: unknown }[] } | null | undefined): string[] {
  return threshold?.required.filter((r) => !r.decision).map((r) => r.agencyName) ?? [];
}

/** The partners that approved the threshold document. */
export const approvedCount = (threshold: { required: readonly { decision: { decision: string } | null }[] }) =>
  threshold.required.filter((r) => r.decision?.decision === 'approve').length;

/** The statutory categories of the Kinship Local Offer: how many, how many covered, and the labels of those not covered. */
export function statutoryCoverage(kinship: { categories: readonly { label: string; statutory: boolean; covered: boolean }[] }) {
  const statutory = kinship.categories.filter((c) => c.statutory);
  const missing = statutory.filter((c) => !c.covered).map((c) => c.label);
  return { total: statutory.length, covered: statutory.length - missing.length, missing };
}
