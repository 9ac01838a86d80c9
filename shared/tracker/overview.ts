import type { z } from 'zod';
import { count } from '../text/plural.js';
import { VERSION_STATUS_LABELS } from '../threshold/schema.js';
import { awaitingSignOff, concernCount } from './figures.js';
import type { TrackerView } from './views.js';

/*
 * The programme lead's overview: each area's status in a few words and a sentence on what is
 * waiting, from the tracker for the current period (none before the first period is opened).
 */

type Tracker = z.infer<typeof TrackerView>;

export interface AreaSummary {
  status: string;
  note: string;
}

export function thresholdSummary(t: Tracker | undefined): AreaSummary {
  const th = t?.threshold;
  if (!th) return { status: 'No version issued', note: "Issue the refreshed threshold document here, then follow each statutory partner's sign-off." };
  const waiting = awaitingSignOff(th);
  return {
    status: `${th.versionLabel}: ${VERSION_STATUS_LABELS[th.status as keyof typeof VERSION_STATUS_LABELS] ?? th.status}`,
    note: waiting.length ? `Waiting for: ${waiting.join(', ')}.` : 'Every statutory partner has recorded a decision.',
  };
}

export function kinshipSummary(t: Tracker | undefined): AreaSummary {
  const overdue = t?.kinship.overdueReviews.length ?? 0;
  return {
    status: t?.kinship.complete ? 'All statutory categories covered' : `${count(t?.kinship.gaps.length ?? 0, 'statutory category', 'statutory categories')} not covered`,
    note: overdue > 0 ? `${count(overdue, 'published item')} overdue for review.` : 'No reviews overdue.',
  };
}

export function macptSummary(t: Tracker | undefined): AreaSummary {
  const m = t?.readiness.find((r) => r.highlighted)?.overall;
  if (!m) return { status: 'No criteria yet', note: '' };
  return { status: `${m.confirmedPercent}% confirmed ready`, note: `${m.selfAssessedPercent}% self-assessed ready across agencies; ${count(m.overdue, 'target date')} overdue.` };
}

export function concernSummary(t: Tracker | undefined): string {
  const n = concernCount(t?.matrix ?? []);
  return n ? `${count(n, 'workstream')} amber/red or red` : 'No workstream at amber/red or red';
}
