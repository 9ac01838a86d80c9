import { Show } from 'solid-js';
import { count } from '../../../../shared/text/plural.js';
import { CONFIDENCE_LABELS, RETURN_STATUS_LABELS, type Confidence, type ReturnStatus } from '../../../../shared/returns/schema.js';
import type { AuditEvent } from '../../api/returns.js';
import { DataTable } from '../../components/data-table.js';
import { formatDateTime } from '../../components/format.js';
import { Loading } from '../../components/loading.js';
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

function HistoryTable(props: { events: AuditEvent[]; wsName: (id: string) => string }) {
  return (
    <DataTable
      caption="History of this return, oldest first"
      label="History of this return"
      rows={props.events}
      columns={[
        { key: 'when', header: 'When', class: 'app-nowrap-desktop', cell: (e) => formatDateTime(e.at) },
        { key: 'who', header: 'Who', cell: (e) => e.actor.name },
        {
          key: 'what',
          header: 'What changed',
          cell: (e) => {
            const lines = describeChanges(e, props.wsName);
            return [
              <strong>{e.summary}</strong>,
              <Show when={lines.length > 0}>
                <ul class="govuk-list govuk-list--bullet app-history-list">
                  {lines.map((line) => (
                    <li>{line}</li>
                  ))}
                </ul>
              </Show>,
            ];
          },
        },
      ]}
    />
  );
}

export function ReturnHistory(props: { history: KeyedResource<ReturnHistoryData>; wsName: (id: string) => string }) {
  return (
    <>
      <h2 class="govuk-heading-m">History</h2>
      <Show
        when={props.history()}
        fallback={props.history.error ? <p class="govuk-body">The history could not be loaded. Reload the page to try again.</p> : <Loading label="Loading history…" />}
      >
        {(h) => (
          <Show when={h().events.length > 0} fallback={<p class="govuk-body">No changes yet: the agency has not saved this return.</p>}>
            <HistoryTable events={h().events} wsName={props.wsName} />
          </Show>
        )}
      </Show>
    </>
  );
}
