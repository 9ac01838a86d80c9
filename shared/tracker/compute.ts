import { CONFIDENCE_LEVELS } from '../returns/schema.js';

/**
 * Pure rules behind the shared tracker: what each cell of the workstreams x agencies matrix shows,
 * each workstream's overall confidence and the trend. Kept free of I/O so the API, exports and
 * tests agree.
 */

/** Best to worst: the five-point delivery confidence scale (the same list returns use). */
export const CONFIDENCE_SCALE = CONFIDENCE_LEVELS;
export type ConfidenceLevel = (typeof CONFIDENCE_SCALE)[number];

export const confidenceRank = (c: string | null | undefined) => (c ? CONFIDENCE_SCALE.indexOf(c as ConfidenceLevel) : -1);

/** The worst of a set of levels, or null when none is given. */
export function worstConfidence(levels: (string | null | undefined)[]): ConfidenceLevel | null {
  let worst = -1;
  for (const l of levels) worst = Math.max(worst, confidenceRank(l));
  return worst < 0 ? null : CONFIDENCE_SCALE[worst]!;
}

export type CellState = 'accepted' | 'submitted' | 'not-reported';

export interface HeaderLike {
  periodId: string;
  agencyId: string;
  status: string;
  confidence: Record<string, string | null>;
}

export interface MatrixCell {
  agencyId: string;
  confidence: ConfidenceLevel | null;
  /** Accepted returns count; submitted-not-yet-accepted are shown distinctly; others are not reported. */
  state: CellState;
}

export function cellFor(header: HeaderLike | undefined, workstreamId: string): Omit<MatrixCell, 'agencyId'> {
  if (!header || (header.status !== 'accepted' && header.status !== 'submitted')) return { confidence: null, state: 'not-reported' };
  const c = header.confidence[workstreamId] ?? null;
  return { confidence: confidenceRank(c) >= 0 ? (c as ConfidenceLevel) : null, state: header.status as CellState };
}

/**
 * A workstream's overall confidence for a period: the lead's setting when there is one, otherwise
 * the worst of the accepted returns (or, when none is accepted yet, of the submitted ones, marked
 * provisional).
 */
export function overallConfidence(
  cells: MatrixCell[],
  override: { confidence: ConfidenceLevel; note?: string } | undefined,
): { confidence: ConfidenceLevel | null; source: 'lead' | 'accepted' | 'submitted' | 'none' } {
  if (override) return { confidence: override.confidence, source: 'lead' };
  const accepted = worstConfidence(cells.filter((c) => c.state === 'accepted').map((c) => c.confidence));
  if (accepted) return { confidence: accepted, source: 'accepted' };
  const submitted = worstConfidence(cells.filter((c) => c.state === 'submitted').map((c) => c.confidence));
  return submitted ? { confidence: submitted, source: 'submitted' } : { confidence: null, source: 'none' };
}

/** Formula injection guard: a cell starting with = + - @ tab or CR is prefixed with a quote. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
