import { A } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import type { MatrixAgency, MatrixAssessment, MatrixCriterion, ReadinessMatrix } from '../../api/readiness.js';
import { DataTable, type CellAttrs, type Column } from '../../components/data-table.js';
import { OverdueTag, Tag } from '../../components/tag.js';
import { DERIVATION_SOURCES, validationText } from '../../../../shared/readiness/words.js';
import { day } from './readiness-ui.js';
import { AssessmentStatusTag } from '../../components/status-tags.js';

/*
 * The criteria (rows) by agencies (columns) table, on the kit's DataTable: a derived criterion is
 * one cell across every agency's column (the first agency column's `span`).
 */

/** One agency's assessment of one criterion: its status linking to the assessment, and notes. */
function Cell(props: { ws: string; criterion: MatrixCriterion; agency: MatrixAgency; assessment: MatrixAssessment }) {
  const a = () => props.assessment;
  return (
    <>
      <A
        class="govuk-link app-readiness-cell__link"
        href={`/readiness/${props.ws}/${props.criterion.id}/${props.agency.id}`}
        data-testid={`cell-${props.criterion.id}-${props.agency.id}`}
      >
        <AssessmentStatusTag status={a().status} />
        <span class="govuk-visually-hidden">
          {' '}
          for {props.agency.name}: {props.criterion.title}
        </span>
      </A>
      <Show when={validationText(a())}>{(t) => <span class="app-readiness-cell__note">{t()}</span>}</Show>
      <Show when={a().overdue}>
        <span class="app-readiness-cell__note">
          <OverdueTag when /> <span class="app-readiness-cell__date">target {day(a().targetDate)}</span>
        </span>
      </Show>
    </>
  );
}

/** A derived criterion: its state, from the record it follows, for the whole partnership. */
function Derived(props: { criterion: MatrixCriterion }) {
  const c = () => props.criterion;
  return (
    <>
      <Tag colour={c().derivedState?.ready ? 'green' : 'yellow'}>{c().derivedState?.ready ? 'Ready' : 'Not ready'}</Tag> <span>{c().derivedState?.evidence}</span>
      <Show when={c().derivedFrom}>
        {(d) => (
          <span class="app-readiness-cell__note">
            <A class="govuk-link" href={DERIVATION_SOURCES[d()].href}>
              {DERIVATION_SOURCES[d()].text}
            </A>{' '}
            (all agencies)
          </span>
        )}
      </Show>
    </>
  );
}

/** The criterion as its row's header: title, target, and for the lead a link to edit it. */
function CriterionHeader(props: { ws: string; criterion: MatrixCriterion; canEdit: boolean }) {
  const c = () => props.criterion;
  return (
    <>
      <span class="app-readiness-matrix__title">{c().title}</span>
      <span class="app-readiness-matrix__meta">Target {day(c().targetDate)}</span>
      <Show when={c().derived}>
        <span class="app-readiness-matrix__meta">
          <Tag colour="blue">Derived</Tag>
        </span>
      </Show>
      <Show when={props.canEdit && !c().derived}>
        <span class="app-readiness-matrix__meta">
          <A class="govuk-link" href={`/readiness/${props.ws}/criteria/${c().id}/edit`} data-testid={`edit-${c().id}`}>
            Edit criterion<span class="govuk-visually-hidden">: {c().title}</span>
          </A>
        </span>
      </Show>
    </>
  );
}

/** The matrix for the agencies shown (all, or the one chosen in the filter). */
export function MatrixTable(props: { data: ReadinessMatrix; title: string; agencies: MatrixAgency[]; filtered: boolean; canEdit: boolean }) {
  const ws = () => props.data.workstreamId;
  const assessment = (c: MatrixCriterion, agency: MatrixAgency) => c.assessments.find((a) => a.agencyId === agency.id);
  const columns = createMemo((): Column<MatrixCriterion>[] => [
    {
      key: 'criterion',
      header: 'Criterion',
      rowHeader: true,
      class: 'app-readiness-matrix__criterion',
      cell: (c) => <CriterionHeader ws={ws()} criterion={c} canEdit={props.canEdit} />,
    },
    ...props.agencies.map(
      (agency, i): Column<MatrixCriterion> => ({
        key: agency.id,
        header: agency.name,
        span: i === 0 ? (c) => (c.derived ? props.agencies.length : 1) : undefined,
        cellAttrs: (c): CellAttrs => {
          if (c.derived) return { class: 'app-readiness-matrix__derived' };
          const a = assessment(c, agency);
          return a ? { class: 'app-readiness-matrix__cell', classList: { 'app-readiness-matrix__cell--overdue': a.overdue } } : { class: 'app-readiness-matrix__na' };
        },
        cell: (c) => {
          if (c.derived) return <Derived criterion={c} />;
          const a = assessment(c, agency);
          return a ? <Cell ws={ws()} criterion={c} agency={agency} assessment={a} /> : 'Does not apply';
        },
      }),
    ),
  ]);
  return (
    <DataTable
      class="app-readiness-matrix"
      caption={`${props.title}: ${props.data.criteria.length} criteria (rows) by agency (columns)${props.filtered ? `, showing ${props.agencies[0]?.name ?? 'one agency'}` : ''}`}
      captionSize="m"
      label={`${props.title} matrix`}
      columns={columns()}
      rows={props.data.criteria}
    />
  );
}
