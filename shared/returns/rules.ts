import type { FieldError } from '../http/problem.js';
import { indicatorSubmitErrors } from '../measures/rules.js';
import type { IndicatorValue } from '../measures/schema.js';
import { CONFIDENCE_LABELS, CONFIDENCE_NEEDING_ACTION, type Confidence, type ReturnStatus, type SectionProgress } from './schema.js';

/**
 * The rules of a quarterly return that do not depend on storage: what submission needs, how far a
 * section has got, what carries into next quarter's draft, and which status changes are allowed.
 *
 * Functions take structural "section-like" values rather than the zod output type, so the API can
 * pass stored sections and the SPA can pass form state without conversion.
 */

/** The fields of a section these rules read. */
export interface SectionLike {
  workstreamId: string;
  confidence?: string | null;
  narrative?: string | null;
  carriedForward?: boolean;
  milestones?: readonly unknown[];
  risks?: readonly unknown[];
  escalations?: readonly unknown[];
  metrics?: readonly unknown[];
  indicators?: readonly IndicatorValue[];
}

/** An outcome indicator the agency reports in the section this quarter (shared/measures/rules.ts `dueIndicators`). */
export interface DueIndicator {
  id: string;
  name: string;
}

/** Workstream names for messages, by id. A plain record or a Map. */
export type WorkstreamNames = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

function nameOf(names: WorkstreamNames | undefined, id: string): string {
  const name = names instanceof Map ? names.get(id) : (names as Readonly<Record<string, string>> | undefined)?.[id];
  return name ?? id;
}

const blank = (s: string | null | undefined) => !s || s.trim() === '';
const needsAction = (c: string | null | undefined) => (CONFIDENCE_NEEDING_ACTION as readonly string[]).includes(c ?? '');

/**
 * Why a return cannot be submitted yet, as field errors for a 422 and the error summary. Empty when
 * it can be. Paths point at the field to fix (`sections[1].confidence`); a required workstream
 * with no section at all is reported on `sections`.
 *
 * Rules (issue 3): every required workstream has a section; each section has a delivery confidence
 * and a narrative; each red or amber/red section has at least one risk or escalation, so a poor
 * rating always comes with what is being done about it.
 */
export function submitErrors(sections: readonly SectionLike[], requiredWorkstreamIds: readonly string[], workstreamNames?: WorkstreamNames): FieldError[] {
  const errors: FieldError[] = [];
  sections.forEach((s, i) => {
    const name = nameOf(workstreamNames, s.workstreamId);
    if (blank(s.confidence)) {
      errors.push({ path: `sections[${i}].confidence`, message: `Choose a delivery confidence for ${name}` });
    }
    if (blank(s.narrative)) {
      errors.push({ path: `sections[${i}].narrative`, message: `Enter a progress narrative for ${name}: what has happened this quarter` });
    }
    if (needsAction(s.confidence) && !(s.risks?.length ?? 0) && !(s.escalations?.length ?? 0)) {
      const label = CONFIDENCE_LABELS[s.confidence as Confidence];
      errors.push({
        path: `sections[${i}].risks`,
        message: `Add at least one risk or escalation for ${name}: a ${label} delivery confidence needs to say what is in the way and what is being done`,
      });
    }
  });
  const present = new Set(sections.map((s) => s.workstreamId));
  for (const id of requiredWorkstreamIds) {
    if (!present.has(id)) errors.push({ path: 'sections', message: `Complete the section for ${nameOf(workstreamNames, id)}` });
  }
  return errors;
}

/**
 * A section's status in the task list.
 *
 * - `not-started`: nothing entered and nothing carried forward.
 * - `completed`: it would pass {@link submitErrors}, each outcome indicator `due` has its value
 *   (or "fewer than N", or a note why there is none), and its narrative is not still last quarter's.
 * - `in-progress`: anything in between.
 *
 * A carried-forward narrative keeps the section "in progress" until someone edits it: the task
 * list should send people to check last quarter's words, not tell them the work is done. Submission
 * does not refuse carried-forward text (the contract names only the rules in `submitErrors`, and
 * last quarter's words may still be right); the check-your-answers page shows the marker instead.
 */
export function sectionProgress(section: SectionLike, due: readonly DueIndicator[] = []): SectionProgress {
  const empty =
    blank(section.confidence) &&
    blank(section.narrative) &&
    !section.milestones?.length &&
    !section.risks?.length &&
    !section.escalations?.length &&
    !section.metrics?.length &&
    !section.indicators?.length;
  if (empty) return 'not-started';
  if (section.carriedForward) return 'in-progress';
  return submitErrors([section], []).length === 0 && indicatorSubmitErrors(0, due, section.indicators ?? []).length === 0 ? 'completed' : 'in-progress';
}

/**
 * What a section still needs before it counts as completed, in plain English for the person
 * filling it in ("Choose a delivery confidence"). Empty when the section is completed or not
 * started. The same rules as {@link sectionProgress}, so the list and the task-list status agree.
 */
export function sectionToDo(section: SectionLike, due: readonly DueIndicator[] = []): string[] {
  if (sectionProgress(section, due) !== 'in-progress') return [];
  const todo = [
    ...submitErrors([section], []).map((e) => e.message.replace(/ for [^:]+(:|$)/, '$1')),
    ...indicatorSubmitErrors(0, due, section.indicators ?? []).map((e) => e.message),
  ];
  if (section.carriedForward) todo.push("Check last quarter's progress narrative and update it for this quarter");
  return todo;
}

/** A section of a new draft, as {@link carryForward} builds it. */
export interface CarriedSection<M, R, C extends string> {
  workstreamId: string;
  confidence: C | null;
  narrative: string;
  carriedForward: boolean;
  milestones: M[];
  risks: R[];
  escalations: never[];
  metrics: never[];
}

export interface CarryForwardOptions {
  /**
   * Milestones still open for reporting. When given, updates for other milestones (closed or
   * moved since) are dropped, because the form has nowhere to show them.
   */
  openMilestoneIds?: Iterable<string>;
}

/**
 * The sections of a new quarter's draft, one per required workstream in the order given, filled
 * from the agency's last accepted return so people edit rather than retype (issue 3).
 *
 * - Carried: delivery confidence, the narrative (marked `carriedForward` until edited), milestone
 *   updates, and risks. Risks have no open/closed flag: every risk listed on an accepted return is
 *   open, and an agency closes one by removing it, so all of them carry.
 * - Not carried: escalations, which ask the executive for a decision this quarter and would be
 *   raised twice; and metrics, whose values are a quarter's figures and would be reported as
 *   current if copied.
 * - Required workstreams with nothing to carry get empty sections; previous sections for
 *   workstreams no longer required are dropped.
 */
export function carryForward<M extends { milestoneId: string }, R, C extends string = Confidence>(
  previousAcceptedSections: readonly {
    workstreamId: string;
    confidence?: C | null;
    narrative?: string | null;
    milestones?: readonly M[];
    risks?: readonly R[];
  }[],
  requiredWorkstreamIds: readonly string[],
  opts: CarryForwardOptions = {},
): CarriedSection<M, R, C>[] {
  const previous = new Map(previousAcceptedSections.map((s) => [s.workstreamId, s]));
  const open = opts.openMilestoneIds ? new Set(opts.openMilestoneIds) : null;
  return requiredWorkstreamIds.map((workstreamId) => {
    const p = previous.get(workstreamId);
    const narrative = p?.narrative ?? '';
    return {
      workstreamId,
      confidence: p?.confidence ?? null,
      narrative,
      carriedForward: !blank(narrative),
      // Copies, so editing the draft can never change the accepted return held in memory.
      milestones: (p?.milestones ?? []).filter((m) => !open || open.has(m.milestoneId)).map((m) => ({ ...m })),
      risks: (p?.risks ?? []).map((r) => (typeof r === 'object' && r !== null ? { ...r } : r)),
      escalations: [],
      metrics: [],
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

export const RETURN_ACTIONS = ['save', 'submit', 'send-for-certification', 'certify', 'send-back', 'accept', 'return', 'reopen'] as const;
export type ReturnAction = (typeof RETURN_ACTIONS)[number];

/**
 * Allowed status changes: from -> action -> to. Anything not listed is refused (409).
 *
 * - The agency saves a `not-started` or `draft` return (it is then `draft`) or a `returned` one.
 * - A `returned` return stays `returned` when the agency saves it, until it is resubmitted. That
 *   keeps "sent back and awaiting the agency's changes" visible to the lead on the period list
 *   (a plain draft has never been submitted) and lets the audit say "resubmitted". It is fully
 *   editable meanwhile; {@link isEditable} is what forms check.
 * - Only `draft` and `returned` returns are submitted; only `submitted` ones are accepted or
 *   returned by the lead. `accepted` locks the return, until the lead reopens it with a reason (a
 *   correction found after acceptance): it is then `returned` to the agency, marked reopened until
 *   it is accepted again.
 * - Where the partnership requires certification, the agency sends a complete return for
 *   certification instead of submitting it: it is then `awaiting-certification` and locked, until a
 *   signatory at the agency other than the preparer certifies it (it is then `submitted` to the
 *   lead) or sends it back with a comment (it is a `draft` again, for the preparer to change).
 */
export const RETURN_TRANSITIONS: Readonly<Record<ReturnStatus, Partial<Record<ReturnAction, ReturnStatus>>>> = {
  'not-started': { save: 'draft' },
  draft: { save: 'draft', submit: 'submitted', 'send-for-certification': 'awaiting-certification' },
  returned: { save: 'returned', submit: 'submitted', 'send-for-certification': 'awaiting-certification' },
  'awaiting-certification': { certify: 'submitted', 'send-back': 'draft' },
  submitted: { accept: 'accepted', return: 'returned' },
  accepted: { reopen: 'returned' },
};

/** Whether `action` is allowed on a return in status `from`. */
export function canTransition(from: ReturnStatus, action: ReturnAction): boolean {
  return RETURN_TRANSITIONS[from]?.[action] !== undefined;
}

/** The status after `action`, or null when the action is not allowed from `from`. */
export function nextStatus(from: ReturnStatus, action: ReturnAction): ReturnStatus | null {
  return RETURN_TRANSITIONS[from]?.[action] ?? null;
}

/** Whether the agency can change its answers (not-started, draft or returned). */
export function isEditable(status: ReturnStatus): boolean {
  return canTransition(status, 'save');
}

/** Whether the partner can change the return now: a status that allows it, in an open period. */
export function editableIn(view: { status: ReturnStatus }, period: { status: string } | null | undefined): boolean {
  return isEditable(view.status) && period?.status === 'open';
}

/** The person a certification rule reads: the signed-in user as the API or the SPA knows them. */
export interface CertifierLike {
  role: string;
  email: string;
  agencyId: string | null;
  signatory: boolean;
}

/**
 * Why `user` may not certify (or send back) the agency's return awaiting certification, in words
 * for a 403 and for the page; null when they may. The certifier is a signatory at the agency who
 * did not prepare the return: preparer and certifier are always different people.
 */
export function certifyRefusal(user: CertifierLike, agencyId: string, preparedBy: string | null | undefined): string | null {
  if (user.role !== 'partner' || user.agencyId !== agencyId) return "Only a signatory at the agency can certify the agency's return.";
  if (!user.signatory) return 'Only a signatory at your agency can certify this return. Ask one of them to check and certify it.';
  if (preparedBy && preparedBy.toLowerCase() === user.email.toLowerCase())
    return 'You sent this return for certification, so another signatory at your agency must certify it: the person who prepares a return cannot also certify it.';
  return null;
}
