import type { z } from 'zod';
import { approvedCount, statutoryCoverage } from './figures.js';
import type { TrackerView } from './views.js';

/*
 * The tracker's headline strip (issue 16): the figures an executive reads first, each of which the
 * page links to its detail. Worked out from the tracker response alone, so the page, the board
 * report and any test read the same numbers.
 */

type Tracker = z.infer<typeof TrackerView>;

export interface HeadlineWorkstream {
  id: string;
  name: string;
  confidence: Tracker['matrix'][number]['overall']['confidence'];
  source: Tracker['matrix'][number]['overall']['source'];
  provisional: boolean;
  /** Contributing agencies whose return is accepted, of all that contribute. */
  accepted: number;
  contributing: number;
}

export interface Headline {
  workstreams: HeadlineWorkstream[];
  /** Returns of the period: in (submitted or accepted), accepted, expected, overdue. */
  returns: { received: number; accepted: number; expected: number; overdue: number };
  /** The MACPT workstream's readiness (null when no workstream is marked MACPT or it has no criteria). */
  readiness: { workstreamId: string; name: string; confirmedPercent: number; selfAssessedPercent: number } | null;
  /** The current threshold document version: partners approving it, of those who must. */
  threshold: { versionLabel: string; approved: number; required: number; signedOff: boolean } | null;
  kinship: { covered: number; categories: number; overdueReviews: number };
  /** Outcome measures by their latest rating against target. */
  measures: { offTarget: number; nearTarget: number; onTarget: number; notRated: number };
  /** The gravest risks (the tracker lists them worst first). */
  topRisks: Tracker['risks'];
}

const TOP_RISKS = 3;

/** The headline figures of a tracker response. */
export function trackerHeadline(t: Tracker): Headline {
  const macpt = t.readiness.find((r) => r.highlighted && r.criteriaCount > 0);
  const coverage = statutoryCoverage(t.kinship);
  const latest = t.measures.flatMap((w) => w.indicators);
  const rated = (rag: string) => latest.filter((i) => i.rag === rag).length;
  return {
    workstreams: t.matrix.map((m) => ({
      id: m.workstreamId,
      name: m.name,
      confidence: m.overall.confidence,
      source: m.overall.source,
      provisional: m.overall.provisional,
      accepted: m.cells.filter((c) => c.state === 'accepted').length,
      contributing: m.cells.length,
    })),
    returns: {
      received: t.returns.filter((r) => r.status === 'submitted' || r.status === 'accepted').length,
      accepted: t.returns.filter((r) => r.status === 'accepted').length,
      expected: t.returns.length,
      overdue: t.returns.filter((r) => r.overdue).length,
    },
    readiness: macpt
      ? { workstreamId: macpt.workstreamId, name: macpt.name, confirmedPercent: macpt.overall.confirmedPercent, selfAssessedPercent: macpt.overall.selfAssessedPercent }
      : null,
    threshold: t.threshold
      ? { versionLabel: t.threshold.versionLabel, approved: approvedCount(t.threshold), required: t.threshold.required.length, signedOff: t.threshold.status === 'signed-off' }
      : null,
    kinship: { covered: coverage.covered, categories: coverage.total, overdueReviews: t.kinship.overdueReviews.length },
    measures: { offTarget: rated('red'), nearTarget: rated('amber'), onTarget: rated('green'), notRated: latest.filter((i) => i.rag === null).length },
    topRisks: t.risks.slice(0, TOP_RISKS),
  };
}
