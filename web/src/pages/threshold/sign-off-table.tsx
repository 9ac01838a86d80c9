import { For, Show } from 'solid-js';
import type { ThresholdVersion } from '../../../../shared/threshold/schema.js';
import { useApp } from '../../state.js';
import { formatDate } from './form-fields.js';
import { DECISION_LABEL } from './status.js';

/** Each required agency's decision on a version: who, when and their comment. */
export function SignOffTable(props: { version: ThresholdVersion }) {
  const app = useApp();
  const rows = () => props.version.requiredAgencyIds.map((agencyId) => ({ agencyId, decision: props.version.decisions.find((d) => d.agencyId === agencyId) }));
  return (
    <div class="app-table-scroll" role="region" aria-label={`Sign-off decisions on ${props.version.versionLabel}`} tabindex="0">
      <table class="govuk-table app-signoff-table">
        <caption class="govuk-table__caption govuk-visually-hidden">Sign-off decisions on {props.version.versionLabel}</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Agency</th>
            <th scope="col" class="govuk-table__header">Decision</th>
            <th scope="col" class="govuk-table__header">By</th>
            <th scope="col" class="govuk-table__header">Date</th>
            <th scope="col" class="govuk-table__header">Comment</th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          <For each={rows()}>
            {(row) => (
              <tr class="govuk-table__row" data-agency={row.agencyId}>
                <th scope="row" class="govuk-table__header">{app.agencyName(row.agencyId)}</th>
                <Show
                  when={row.decision}
                  fallback={
                    <>
                      <td class="govuk-table__cell" data-label="Decision">
                        <strong class="govuk-tag govuk-tag--grey">Not yet decided</strong>
                      </td>
                      <td class="govuk-table__cell app-empty-cell" />
                      <td class="govuk-table__cell app-empty-cell" />
                      <td class="govuk-table__cell app-empty-cell" />
                    </>
                  }
                >
                  {(d) => (
                    <>
                      <td class="govuk-table__cell" data-label="Decision">
                        <strong class={`govuk-tag ${d().decision === 'approve' ? 'govuk-tag--green' : 'govuk-tag--yellow'}`}>{DECISION_LABEL[d().decision]}</strong>
                      </td>
                      <td class="govuk-table__cell" data-label="By">{d().byName}</td>
                      <td class="govuk-table__cell" data-label="Date">{formatDate(d().at)}</td>
                      <td class="govuk-table__cell app-comment" data-label="Comment">{d().comment || 'No comment'}</td>
                    </>
                  )}
                </Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
