import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { periodLabel } from '../../../../../shared/periods/period.js';
import { OVERALL_SOURCE_TEXT } from '../../../../../shared/tracker/figures.js';
import type { Tracker } from '../../../api/tracker.js';
import { DataTable, type Column } from '../../../components/data-table.js';
import { acceptedText } from '../../../components/headline-figure.js';
import { ConfidenceKey, ConfidenceTag, ProvisionalMark, RetiredTag } from '../../../components/tag.js';
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

/** The returns a provisional rating rests on so far: those of its source whose rating it is, each linking to its section. */
function BehindIt(props: { periodId: string; row: Row; agencies: Agency[] }) {
  const o = () => props.row.overall;
  const cells = () => props.row.cells.filter((c) => c.state === o().source && c.confidence === o().confidence);
  return (
    <span class="app-tracker-note" data-testid={`behind-${props.row.workstreamId}`}>
      {o().source === 'submitted' ? 'From the submitted, not yet accepted, return of ' : 'So far from the accepted return of '}
      <For each={cells()}>
        {(c, i) => (
          <>
            {i() > 0 ? (i() === cells().length - 1 ? ' and ' : ', ') : ''}
            <A class="govuk-link" href={returnHref(props.periodId, c.agencyId, props.row.workstreamId)}>
              {props.agencies.find((a) => a.id === c.agencyId)?.name ?? c.agencyId}
            </A>
          </>
        )}
      </For>
      . {acceptedText(props.row.cells.filter((c) => c.state === 'accepted').length, props.row.cells.length)}.
    </span>
  );
}

function OverallCell(props: { periodId: string; row: Row; agencies: Agency[] }) {
  const o = () => props.row.overall;
  return (
    <>
      <ConfidenceTag confidence={o().confidence} provisional={o().provisional} />
      <ProvisionalMark when={o().provisional} />
      <Show when={o().provisional} fallback={<span class="app-tracker-note">{OVERALL_SOURCE_TEXT[o().source]}</span>}>
        <BehindIt periodId={props.periodId} row={props.row} agencies={props.agencies} />
      </Show>
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
      {
        key: 'overall',
        header: 'Overall',
        cellAttrs: (row) => ({ 'data-testid': `overall-${row.workstreamId}`, 'data-provisional': String(row.overall.provisional) }),
        cell: (row) => <OverallCell periodId={p()} row={row} agencies={agencies} />,
      },
    ];
  });
  return (
    <Section id="confidence" title="Delivery confidence">
      <p class="govuk-body">
        Each agency's delivery confidence for each workstream in its {periodLabel(p())} return. Choose a rating to read the return section behind it. Overall ratings are
        provisional until every contributing agency's return is accepted (or the programme lead sets one).
      </p>
      <DataTable
        class="app-tracker-matrix"
        caption={`Delivery confidence, ${periodLabel(p())}: workstreams (rows) by agency (columns)`}
        captionSize="m"
        label="Delivery confidence by workstream and agency"
        columns={columns()}
        rows={props.t.matrix}
        rowAttrs={(row) => ({ id: `confidence-${row.workstreamId}`, tabindex: -1 })}
      />
      <ConfidenceKey />
    </Section>
  );
}
