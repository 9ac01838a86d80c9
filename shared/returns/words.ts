import { count } from '../text/plural.js';
import { type SectionLike, sectionToDo } from './rules.js';
import {
  CONFIDENCE_LABELS,
  type Confidence,
  IMPACT_LABELS,
  type Impact,
  LIKELIHOOD_LABELS,
  type Likelihood,
  RETURN_STATUS_LABELS,
  type ReturnStatus,
  riskRating,
} from './schema.js';

/*
 * Returns in words, for the pages and anything else that reports on them: risk ratings, why a
 * section is still in progress, how many returns are in, and a return's history line by line.
 */

/** "likely, major". */
export function riskWords(likelihood: Likelihood, impact: Impact): string {
  return `${LIKELIHOOD_LABELS[likelihood].toLowerCase()}, ${IMPACT_LABELS[impact].toLowerCase()}`;
}

/** "BII – likely, major". */
export function riskRatingText(likelihood: Likelihood, impact: Impact): string {
  return `${riskRating(likelihood, impact)} – ${riskWords(likelihood, impact)}`;
}

/** Under a section in the task list: why it is still in progress ("Still needed: ..."), or null. */
export function taskHint(s: SectionLike): string | null {
  const rest = sectionToDo(s).slice(0, s.carriedForward ? -1 : undefined);
  const needed = rest.length ? `Still needed: ${rest.map((t) => t.charAt(0).toLowerCase() + t.slice(1)).join('; ')}.` : '';
  if (s.carriedForward) return `Carried forward from last quarter: check and update${needed ? `. ${needed}` : ''}`;
  return needed || null;
}

/** How a period's returns stand: in (submitted or accepted), waiting for review, accepted, still with agencies, overdue. */
export function returnCounts(rows: readonly { status: ReturnStatus | string; overdue?: boolean }[]) {
  const of = (...statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).length;
  return {
    total: rows.length,
    received: of('submitted', 'accepted'),
    waiting: of('submitted'),
    accepted: of('accepted'),
    withAgencies: of('draft', 'returned', 'not-started', 'awaiting-certification'),
    overdue: rows.filter((r) => r.overdue).length,
  };
}

/** "3 of 7 returns submitted, 2 waiting for your review, 1 overdue." */
export function returnsSummary(rows: readonly { status: ReturnStatus | string; overdue?: boolean }[]): string {
  const c = returnCounts(rows);
  return `${c.received} of ${c.total} returns submitted${c.waiting ? `, ${c.waiting} waiting for your review` : ''}${c.overdue ? `, ${c.overdue} overdue` : ''}.`;
}

const FIELD_LABELS: Record<string, string> = {
  confidence: 'delivery confidence',
  narrative: 'progress narrative',
  milestones: 'milestones',
  risks: 'risks',
  escalations: 'escalations',
  metrics: 'measures',
};

const statusLabel = (v: unknown) => RETURN_STATUS_LABELS[v as ReturnStatus] ?? String(v);
const confidenceLabel = (v: unknown) => (typeof v === 'string' && v in CONFIDENCE_LABELS ? CONFIDENCE_LABELS[v as Confidence] : 'none');

/** The parts of an audit event a return's history reads. */
export interface ReturnEventLike {
  changes?: Record<string, { from?: unknown; to?: unknown }> | undefined;
  meta?: Record<string, unknown> | undefined;
}

/** One event's changes as lines: "Kinship: delivery confidence from Amber to Green". */
export function describeReturnChanges(e: ReturnEventLike, wsName: (id: string) => string): string[] {
  const out: string[] = [];
  for (const [key, change] of Object.entries(e.changes ?? {})) {
    if (key === 'status') {
      out.push(`Status from ${statusLabel(change.from)} to ${statusLabel(change.to)}`);
      continue;
    }
    const [ws, field] = key.split('.') as [string, string | undefined];
    const label = field ? (FIELD_LABELS[field] ?? field) : key;
    out.push(field === 'confidence' ? `${wsName(ws)}: ${label} from ${confidenceLabel(change.from)} to ${confidenceLabel(change.to)}` : `${wsName(ws)}: ${label} changed`);
  }
  const meta = e.meta ?? {};
  if (typeof meta.comment === 'string') out.push(`Comment: “${meta.comment}”`);
  const acknowledged = Array.isArray(meta.acknowledgedWarnings) ? meta.acknowledgedWarnings.length : 0;
  if (acknowledged) out.push(`Confirmed that ${count(acknowledged, 'possible personal-data warning')} ${acknowledged === 1 ? 'was' : 'were'} not personal details`);
  return out;
}
