import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { AuditEvent } from '../../api/audit.js';
import { useApp } from '../../state.js';
import { formatWhen, recordHref, recordLabel } from './record-link.js';

/** Field names as the event recorded them, e.g. "narrative, confidence". */
const changedFields = (e: AuditEvent) => Object.keys(e.changes ?? {}).join(', ');

/** One page of events: when, who, what, which record (linked where it has a page) and what changed. */
export function AuditTable(props: { events: AuditEvent[] }) {
  const app = useApp();
  return (
    <div class="app-table-scroll" role="region" aria-label="Audit events" tabindex="0">
      <table class="govuk-table app-audit-table">
        <caption class="govuk-table__caption govuk-visually-hidden">Audit events</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              When
            </th>
            <th scope="col" class="govuk-table__header">
              Who
            </th>
            <th scope="col" class="govuk-table__header">
              What
            </th>
            <th scope="col" class="govuk-table__header">
              Record
            </th>
            <th scope="col" class="govuk-table__header">
              Changes
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          <For each={props.events}>
            {(e) => {
              const href = recordHref(e.entityType, e.entityId);
              const agency = e.actor.agencyId ? app.agencyName(e.actor.agencyId) : undefined;
              return (
                <tr class="govuk-table__row" data-testid="audit-event">
                  <td class="govuk-table__cell">
                    <time datetime={e.at}>{formatWhen(e.at)}</time>
                  </td>
                  <td class="govuk-table__cell">
                    {e.actor.name}
                    <Show when={agency}>
                      <span class="app-table-sub">{agency}</span>
                    </Show>
                  </td>
                  <td class="govuk-table__cell">{e.summary}</td>
                  <td class="govuk-table__cell app-audit-table__record">
                    <Show when={href} fallback={recordLabel(e.entityType, e.entityId)}>
                      <A href={href!} class="govuk-link">
                        {recordLabel(e.entityType, e.entityId)}
                      </A>
                    </Show>
                  </td>
                  <td class="govuk-table__cell">{changedFields(e) || 'None recorded'}</td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
    </div>
  );
}
