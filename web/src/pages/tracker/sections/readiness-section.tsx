import { A } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import type { ReadinessScore, Tracker } from '../../../api/tracker.js';
import { ReadinessBars } from '../../../components/charts/percent-bar.js';
import { DataTable, type Column } from '../../../components/data-table.js';
import { Tag } from '../../../components/tag.js';
import { Section } from './section.js';

type Row = Tracker['readiness'][number];

/** Confirmed and self-assessed readiness for one agency, or all of them. */
function Score(props: { score: ReadinessScore }) {
  return (
    <>
      <span class="app-tracker-figure">{props.score.confirmedPercent}% confirmed</span>
      <span class="app-tracker-note">{props.score.selfAssessedPercent}% self-assessed</span>
      <Show when={props.score.overdue > 0}>
        <span class="app-tracker-note">{props.score.overdue} overdue</span>
      </Show>
    </>
  );
}

/** The highlighted workstream (MACPT) with its readiness in figures and bars. */
function MacptHighlight(props: { row: Row }) {
  const o = () => props.row.overall;
  return (
    <div class="app-tracker-highlight" data-testid="macpt-readiness">
      <h3 class="govuk-heading-s">
        <A class="govuk-link" href={`/readiness/${props.row.workstreamId}`}>
          MACPT readiness
        </A>
      </h3>
      <p class="govuk-body">
        {o().confirmedPercent}% confirmed ready, {o().selfAssessedPercent}% self-assessed ready ({o().confirmed} and {o().selfAssessed} of {o().applicable} criteria across
        agencies)
        {o().overdue > 0 ? `; ${o().overdue} past their target date` : ''}.
      </p>
      <ReadinessBars confirmed={o().confirmedPercent} selfAssessed={o().selfAssessedPercent} />
    </div>
  );
}

/** Readiness to go live by workstream and agency, the MACPT workstream first in view. */
export function ReadinessSection(props: { t: Tracker }) {
  const columns = createMemo((): Column<Row>[] => {
    const agencies = props.t.agencies.filter((a) => props.t.readiness.some((w) => w.agencies.some((s) => s.agencyId === a.id && s.applicable > 0)));
    return [
      {
        key: 'workstream',
        header: 'Workstream',
        rowHeader: true,
        cell: (w) => (
          <>
            <A class="govuk-link" href={`/readiness/${w.workstreamId}`}>
              {w.name}
            </A>
            <Show when={w.highlighted}>
              {' '}
              <Tag colour="blue">MACPT</Tag>
            </Show>
          </>
        ),
      },
      ...agencies.map(
        (a): Column<Row> => ({
          key: a.id,
          header: a.name,
          cell: (w) => {
            const score = w.agencies.find((x) => x.agencyId === a.id);
            return (
              <Show when={score && score.applicable > 0 ? score : undefined} fallback={<span class="app-tracker-muted">No criteria</span>}>
                {(s) => <Score score={s()} />}
              </Show>
            );
          },
        }),
      ),
      { key: 'all', header: 'All agencies', cell: (w) => <Score score={w.overall} /> },
    ];
  });
  return (
    <Section id="readiness" title="Readiness to go live">
      <p class="govuk-body">Confirmed: the programme lead has checked the evidence. Self-assessed: the agency says it is ready.</p>
      <Show when={props.t.readiness.find((w) => w.highlighted)}>{(m) => <MacptHighlight row={m()} />}</Show>
      <DataTable
        class="app-tracker-readiness"
        caption="Readiness by workstream and agency: confirmed and self-assessed"
        captionSize="m"
        label="Readiness by workstream and agency"
        columns={columns()}
        rows={props.t.readiness}
        rowAttrs={(w) => ({ 'data-highlighted': w.highlighted ? 'true' : undefined })}
      />
    </Section>
  );
}
