import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { recordHref, recordLabel } from '../../../../shared/audit/record-link.js';
import type { AuditEvent } from '../../api/audit.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { useApp } from '../../state.js';
import { formatDateTime } from '../../components/format.js';

/** Field names as the event recorded them, e.g. "narrative, confidence". */
const changedFields = (e: AuditEvent) => Object.keys(e.changes ?? {}).join(', ');

/** One page of events: when, who, what, which record (linked where it has a page) and what changed. */
export function AuditTable(props: { events: AuditEvent[] }) {
  const app = useApp();
  const columns: Column<AuditEvent>[] = [
    // "21 November 2026, 4:45pm" in UK time, as GOV.UK writes times.
    { key: 'when', header: 'When', cell: (e) => <time datetime={e.at}>{formatDateTime(e.at, ', ')}</time> },
    {
      key: 'who',
      header: 'Who',
      cell: (e) => (
        <>
          {e.actor.name}
          <Show when={e.actor.agencyId}>{(id) => <span class="app-table-sub">{app.agencyName(id())}</span>}</Show>
        </>
      ),
    },
    { key: 'what', header: 'What', cell: (e) => e.summary },
    {
      key: 'record',
      header: 'Record',
      class: 'app-audit-table__record',
      cell: (e) => (
        <Show when={recordHref(e.entityType, e.entityId)} fallback={recordLabel(e.entityType, e.entityId)}>
          {(href) => (
            <A href={href()} class="govuk-link">
              {recordLabel(e.entityType, e.entityId)}
            </A>
          )}
        </Show>
      ),
    },
    { key: 'changes', header: 'Changes', cell: (e) => changedFields(e) || 'None recorded' },
  ];
  return <DataTable caption="Audit events" class="app-audit-table" columns={columns} rows={props.events} rowAttrs={() => ({ 'data-testid': 'audit-event' })} />;
}
