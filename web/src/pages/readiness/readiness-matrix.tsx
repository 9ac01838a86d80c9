import { For, Show } from 'solid-js';
import type { MatrixAssessment, MatrixCriterion, ReadinessMatrix } from '../../api/readiness.js';
import { Tag } from '../../components/tag.js';
import type { MatrixAgency } from './readiness-data.js';
import { AssessmentStatusTag, day, DERIVATION_SOURCES, OverdueTag, validationText } from './readiness-ui.js';

/*
 * The criteria (rows) by agencies (columns) table. Hand-written rather than the kit's DataTable:
 * a derived criterion is one cell across every agency's column (colspan), which DataTable's
 * one-cell-per-column rows cannot say.
 */

function Cell(props: { ws: string; criterion: MatrixCriterion; agency: MatrixAgency; assessment: MatrixAssessment | undefined }) {
  return (
    <Show when={props.assessment} fallback={<td class="govuk-table__cell app-readiness-matrix__na">Does not apply</td>}>
      {(a) => (
        <td class="govuk-table__cell app-readiness-matrix__cell" classList={{ 'app-readiness-matrix__cell--overdue': a().overdue }}>
          <a class="govuk-link app-readiness-cell__link" href={`/readiness/${props.ws}/${props.criterion.id}/${props.agency.id}`} data-testid={`cell-${props.criterion.id}-${props.agency.id}`}>
            <AssessmentStatusTag status={a().status} />
            <span class="govuk-visually-hidden">
              {' '}
              for {props.agency.name}: {props.criterion.title}
            </span>
          </a>
          <Show when={validationText(a())}>{(t) => <span class="app-readiness-cell__note">{t()}</span>}</Show>
          <Show when={a().overdue}>
            <span class="app-readiness-cell__note">
              <OverdueTag /> <span class="app-readiness-cell__date">target {day(a().targetDate)}</span>
            </span>
          </Show>
        </td>
      )}
    </Show>
  );
}

/** A derived criterion: its state, from the record it follows, for the whole partnership. */
function DerivedCell(props: { criterion: MatrixCriterion; columns: number }) {
  const c = () => props.criterion;
  return (
    <td class="govuk-table__cell app-readiness-matrix__derived" colSpan={Math.max(1, props.columns)}>
      <Tag colour={c().derivedState?.ready ? 'green' : 'yellow'}>{c().derivedState?.ready ? 'Ready' : 'Not ready'}</Tag> <span>{c().derivedState?.evidence}</span>
      <Show when={c().derivedFrom}>
        {(d) => (
          <span class="app-readiness-cell__note">
            <a class="govuk-link" href={DERIVATION_SOURCES[d()].href}>
              {DERIVATION_SOURCES[d()].text}
            </a>{' '}
            (all agencies)
          </span>
        )}
      </Show>
    </td>
  );
}

function CriterionRow(props: { ws: string; criterion: MatrixCriterion; agencies: MatrixAgency[]; canEdit: boolean }) {
  const c = () => props.criterion;
  return (
    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header app-readiness-matrix__criterion">
        <span class="app-readiness-matrix__title">{c().title}</span>
        <span class="app-readiness-matrix__meta">Target {day(c().targetDate)}</span>
        <Show when={c().derived}>
          <span class="app-readiness-matrix__meta">
            <Tag colour="blue">Derived</Tag>
          </span>
        </Show>
        <Show when={props.canEdit && !c().derived}>
          <span class="app-readiness-matrix__meta">
            <a class="govuk-link" href={`/readiness/${props.ws}/criteria/${c().id}/edit`} data-testid={`edit-${c().id}`}>
              Edit criterion<span class="govuk-visually-hidden">: {c().title}</span>
            </a>
          </span>
        </Show>
      </th>
      <Show when={c().derived} fallback={<For each={props.agencies}>{(agency) => <Cell ws={props.ws} criterion={c()} agency={agency} assessment={c().assessments.find((a) => a.agencyId === agency.id)} />}</For>}>
        <DerivedCell criterion={c()} columns={props.agencies.length} />
      </Show>
    </tr>
  );
}

/** The matrix for the agencies shown (all, or the one chosen in the filter). */
export function MatrixTable(props: { data: ReadinessMatrix; title: string; agencies: MatrixAgency[]; filtered: boolean; canEdit: boolean }) {
  return (
    <div class="app-table-scroll" role="region" aria-label={`${props.title} matrix`} tabindex="0">
      <table class="govuk-table app-readiness-matrix">
        <caption class="govuk-table__caption govuk-table__caption--m">
          {props.title}: {props.data.criteria.length} criteria (rows) by agency (columns)
          {props.filtered ? `, showing ${props.agencies[0]?.name ?? 'one agency'}` : ''}
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              Criterion
            </th>
            <For each={props.agencies}>
              {(a) => (
                <th scope="col" class="govuk-table__header">
                  {a.name}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          <For each={props.data.criteria}>{(c) => <CriterionRow ws={props.data.workstreamId} criterion={c} agencies={props.agencies} canEdit={props.canEdit} />}</For>
        </tbody>
      </table>
    </div>
  );
}
