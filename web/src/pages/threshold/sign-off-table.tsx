import { Show } from 'solid-js';
import type { ThresholdVersion } from '../../../../shared/threshold/schema.js';
import { chaseSignOff, chased, useChases } from '../../api/chase.js';
import { ChaseControl } from '../../components/chase-control.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { formatDate } from '../../components/format.js';
import { Tag } from '../../components/tag.js';
import { useApp } from '../../state.js';
import { DECISION_LABEL } from '../../../../shared/threshold/sign-rule.js';

type Row = { agencyId: string; decision: ThresholdVersion['decisions'][number] | undefined };

/** A cell about the decision: empty (and marked so) until the agency has decided. */
const decided = (text: (d: NonNullable<Row['decision']>) => string) => (row: Row) => (row.decision ? text(row.decision) : '');

/** Each required agency's decision on a version: who, when and their comment; the lead can chase an agency that has not decided. */
export function SignOffTable(props: { version: ThresholdVersion }) {
  const app = useApp();
  const canChase = () => app.me()?.role === 'lead' && props.version.status !== 'superseded' && props.version.status !== 'signed-off';
  const [chases] = useChases(() => (canChase() ? (['sign-off', props.version.id] as const) : undefined));
  const rows = (): Row[] => props.version.requiredAgencyIds.map((agencyId) => ({ agencyId, decision: props.version.decisions.find((d) => d.agencyId === agencyId) }));
  const columns: Column<Row>[] = [
    { key: 'agency', header: 'Agency', rowHeader: true, cell: (row) => app.agencyName(row.agencyId) },
    {
      key: 'decision',
      header: 'Decision',
      cell: (row) => (
        <Show when={row.decision} fallback={<Tag colour="grey">Not yet decided</Tag>}>
          {(d) => <Tag colour={d().decision === 'approve' ? 'green' : 'yellow'}>{DECISION_LABEL[d().decision]}</Tag>}
        </Show>
      ),
    },
    { key: 'by', header: 'By', cell: decided((d) => d.byName) },
    { key: 'date', header: 'Date', cell: decided((d) => formatDate(d.at)) },
    { key: 'comment', header: 'Comment', class: 'app-comment', cell: decided((d) => d.comment || 'No comment') },
    ...(canChase()
      ? [
          {
            key: 'chase',
            header: 'Reminders',
            cell: (row: Row) => (
              <Show when={!row.decision}>
                <ChaseControl
                  last={chases()?.chases.find((c) => c.agencyId === row.agencyId)}
                  reminded={chases()?.reminders.find((r) => r.agencyId === row.agencyId)}
                  what={`${app.agencyName(row.agencyId) ?? row.agencyId}’s sign-off`}
                  open
                  onChase={async () => {
                    const c = await chaseSignOff(props.version.id, row.agencyId);
                    await chased();
                    return c;
                  }}
                />
              </Show>
            ),
          },
        ]
      : []),
  ];
  const label = () => `Sign-off decisions on ${props.version.versionLabel}`;
  return <DataTable caption={label()} class="app-signoff-table" columns={columns} rows={rows()} rowAttrs={(row) => ({ 'data-agency': row.agencyId })} />;
}
