import { count } from '../../../../shared/text/plural.js';
import { CONFIDENCE_LABELS, RETURN_STATUS_LABELS, type Confidence, type ReturnStatus } from '../../../../shared/returns/schema.js';
import type { AuditEvent } from '../../api/returns.js';
import { RecordHistory } from '../../components/record-history.js';
import type { KeyedResource } from '../../api/queries.js';
import type { ReturnHistoryData } from './data.js';

/* A return's history for the lead: who changed what and when, in words (names, never emails). */

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

/** One event's changes as lines: "Kinship: delivery confidence from Amber to Green". */
export function describeChanges(e: AuditEvent, wsName: (id: string) => string): string[] {
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

export function ReturnHistory(props: { history: KeyedResource<ReturnHistoryData>; wsName: (id: string) => string }) {
  return (
    <RecordHistory
      history={props.history}
      record="this return"
      whatHeader="What changed"
      empty="No changes yet: the agency has not saved this return."
      details={(e) => describeChanges(e, props.wsName)}
    />
  );
}
