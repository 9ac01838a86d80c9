import { For, Match, Show, Switch } from 'solid-js';
import type { AuditEvent } from '../api/audit.js';
import type { KeyedResource } from '../api/queries.js';
import { DataTable } from './data-table.js';
import { formatDateTime, personName } from './format.js';
import { LoadingPlaceholder } from './loading.js';
import './record-history.css';

/*
 * The kit's record history (a return, an assessment): every change from the audit trail, oldest
 * first, as a table of when, who and what happened, with lines of detail under each summary (the
 * fields that changed, a comment). Under its "History" heading: a placeholder while it loads, a
 * sentence if it could not be loaded, `empty` when nothing has been recorded yet.
 */

export function RecordHistory(props: {
  /** The record's history, as loaded from the audit trail. */
  history: KeyedResource<{ events: AuditEvent[] }>;
  /** The record, in words: "this assessment". */
  record: string;
  /** Said when nothing has been recorded yet. */
  empty: string;
  /** Lines of detail under an event's summary. */
  details?: (event: AuditEvent) => string[];
  /** The section heading's id (for aria-labelledby); "history-heading" unless told. */
  headingId?: string;
  /** The third column's header: "What happened" unless told. */
  whatHeader?: string;
}) {
  const headingId = () => props.headingId ?? 'history-heading';
  const lines = (e: AuditEvent) => props.details?.(e) ?? [];
  return (
    <section aria-labelledby={headingId()}>
      <h2 class="govuk-heading-m" id={headingId()}>
        History
      </h2>
      <Switch fallback={<LoadingPlaceholder label="Loading the history…" shape="rows" />}>
        <Match when={props.history.state === 'errored'}>
          <p class="govuk-body">The history could not be loaded. Reload the page to try again.</p>
        </Match>
        <Match when={props.history()}>
          {(h) => (
            <DataTable
              caption={`History of ${props.record}, oldest first`}
              label={`History of ${props.record}`}
              rows={h().events}
              empty={<p class="govuk-body">{props.empty}</p>}
              columns={[
                { key: 'when', header: 'When', class: 'app-nowrap-desktop', cell: (e) => formatDateTime(e.at) },
                { key: 'who', header: 'Who', cell: (e) => personName(e.actor) },
                {
                  key: 'what',
                  header: props.whatHeader ?? 'What happened',
                  cell: (e) => (
                    <>
                      <strong>{e.summary}</strong>
                      <Show when={lines(e).length > 0}>
                        <ul class="govuk-list govuk-list--bullet app-history-list">
                          <For each={lines(e)}>{(line) => <li>{line}</li>}</For>
                        </ul>
                      </Show>
                    </>
                  ),
                },
              ]}
            />
          )}
        </Match>
      </Switch>
    </section>
  );
}
