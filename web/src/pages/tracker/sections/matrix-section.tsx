import { A } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { periodLabel } from '../../../../../shared/periods/period.js';
import { OVERALL_SOURCE_TEXT } from '../../../../../shared/tracker/figures.js';
import type { Tracker } from '../../../api/tracker.js';
import { DataTable, type Column } from '../../../components/data-table.js';
import { ConfidenceKey, ConfidenceTag, RetiredTag } from '../../../components/tag.js';
import { returnHref, Section } from './section.js';

type Row = Tracker['matrix'][number];
type Agency = Tracker['agencies'][number];

/** One agency's rating for one workstream, linking to the section of its return behind it. */
function RatingCell(props: { periodId: string; agency: Agency; row: Row }) {
  const cell = () => props.row.cells.find((c) => c.agencyId === props.agency.id);
  return (
    <Show when={cell()} fallback={<span class="app-tracker-muted">Does not contribute</span>}>
      {(c) => (
        <A
          class="govuk-link app-rag-link"
          href={returnHref(props.periodId, props.agency.id, props.row.workstreamId)}
          data-confidence={c().confidence ?? 'none'}
          data-state={c().state}
        >
          <ConfidenceTag confidence={c().state === 'not-reported' ? null : c().confidence} provisional={c().state === 'submitted'} />
          <Show when={c().state === 'submitted' && c().confidence}>
            <span class="app-rag-link__state">(submitted, not yet accepted)</span>
          </Show>
          <span class="govuk-visually-hidden">
            : {props.agency.name}, {props.row.name}
          </span>
        </A>
      )}
    </Show>
  );
}

function OverallCell(props: { row: Row }) {
  const o = () => props.row.overall;
  return (
    <>
      <ConfidenceTag confidence={o().confidence} provisional={o().source === 'submitted'} />
      <span class="app-tracker-note">{OVERALL_SOURCE_TEXT[o().source]}</span>
      <Show when={o().source === 'lead' && o().note}>
        <span class="app-tracker-note">“{o().note}”</span>
      </Show>
    </>
  );
}

/** Delivery confidence: workstreams (rows) by contributing agency (columns), and the overall rating. */
export function ConfidenceSection(props: { t: Tracker }) {
  const p = () => props.t.period.id;
  const columns = createMemo((): Column<Row>[] => {
    const agencies = props.t.agencies.filter((a) => props.t.workstreams.some((w) => w.contributingAgencyIds.includes(a.id)));
    return [
      {
        key: 'workstream',
        header: 'Workstream',
        rowHeader: true,
        cell: (row) => (
          <>
            {row.name}
            <RetiredTag when={row.retired} />
          </>
        ),
      },
      // A retired agency's column stays in the periods it reported in.
      ...agencies.map((a): Column<Row> => ({ key: a.id, header: a.retired ? `${a.name} (retired)` : a.name, cell: (row) => <RatingCell periodId={p()} agency={a} row={row} /> })),
      { key: 'overall', header: 'Overall', cellAttrs: (row) => ({ 'data-testid': `overall-${row.workstreamId}` }), cell: (row) => <OverallCell row={row} /> },
    ];
  });
  return (
    <Section id="confidence" title="Delivery confidence">
      <p class="govuk-body">Each agency's delivery confidence for each workstream in its {periodLabel(p())} return. Choose a rating to read the return section behind it.</p>
      <ConfidenceKey />
      <DataTable
        class="app-tracker-matrix"
        caption={`Delivery confidence, ${periodLabel(p())}: workstreams (rows) by agency (columns)`}
        captionSize="m"
        label="Delivery confidence by workstream and agency"
        columns={columns()}
        rows={props.t.matrix}
      />
    </Section>
  );
}
