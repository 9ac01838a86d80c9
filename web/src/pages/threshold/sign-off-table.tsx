import type { ThresholdVersion } from '../../../../shared/threshold/schema.js';
import { chaseSignOff, useAgencyChases } from '../../api/chase.js';
import { remindersColumn } from '../../components/chase-control.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { formatDate } from '../../components/format.js';
import { useApp } from '../../state.js';
import { DecisionTag } from '../../components/status-tags.js';

type Row = { agencyId: string; decision: ThresholdVersion['decisions'][number] | undefined };

/** A cell about the decision: empty (and marked so) until the agency has decided. */
const decided = (text: (d: NonNullable<Row['decision']>) => string) => (row: Row) => (row.decision ? text(row.decision) : '');

/** Each required agency's decision on a version: who, when and their comment; the lead can chase an agency that has not decided. */
export function SignOffTable(props: { version: ThresholdVersion }) {
  const app = useApp();
  const canChase = () => app.me()?.role === 'lead' && props.version.status !== 'superseded' && props.version.status !== 'signed-off';
  const chases = useAgencyChases(
    () => (canChase() ? (['sign-off', props.version.id] as const) : undefined),
    (agencyId) => chaseSignOff(props.version.id, agencyId),
  );
  const rows = (): Row[] => props.version.requiredAgencyIds.map((agencyId) => ({ agencyId, decision: props.version.decisions.find((d) => d.agencyId === agencyId) }));
  const columns: Column<Row>[] = [
    { key: 'agency', header: 'Agency', rowHeader: true, cell: (row) => app.agencyName(row.agencyId) },
    { key: 'decision', header: 'Decision', cell: (row) => <DecisionTag decision={row.decision?.decision} /> },
    { key: 'by', header: 'By', cell: decided((d) => d.byName) },
    { key: 'date', header: 'Date', cell: decided((d) => formatDate(d.at)) },
    { key: 'comment', header: 'Comment', class: 'app-comment', cell: decided((d) => d.comment || 'No comment') },
    ...(canChase()
      ? [remindersColumn<Row>(chases, { what: (row) => `${app.agencyName(row.agencyId) ?? row.agencyId}’s sign-off`, open: () => true, when: (row) => !row.decision })]
      : []),
  ];
  const label = () => `Sign-off decisions on ${props.version.versionLabel}`;
  return <DataTable caption={label()} class="app-signoff-table" columns={columns} rows={rows()} rowAttrs={(row) => ({ 'data-agency': row.agencyId })} />;
}
