import { A, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { AuditQuery } from '../../../../shared/audit/query.js';
import { listAuditPeople, searchAudit } from '../../api/audit.js';
import type { SummaryError } from '../../components/error-summary.js';
import { FormErrors } from '../../components/form-state.js';
import { Page } from '../../components/page.js';
import { Pagination } from '../../components/pagination.js';
import { createKeyedResource, QueryResults } from '../../components/results.js';
import { createApiQuery, QUERY } from '../../api/queries.js';
import { useApp } from '../../state.js';
import { AuditFilters, type AuditFilterValues } from './audit-filters.js';
import { AuditTable } from './audit-table.js';
import './audit.css';

type Params = Partial<Record<keyof AuditFilterValues | 'cursor', string>>;
const PAGE_SIZE = 25;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** The search in the address, as the API takes it (newest first, a page at a time). */
function queryOf(v: AuditFilterValues, cursor: string): AuditQuery {
  return {
    ...(v.type && v.id ? { entityType: v.type as NonNullable<AuditQuery['entityType']>, entityId: v.id } : {}),
    ...(v.person ? { person: v.person } : {}),
    ...(v.action ? { action: v.action } : {}),
    ...(v.from ? { from: v.from } : {}),
    ...(v.to ? { to: v.to } : {}),
    ...(cursor ? { cursor } : {}),
    order: 'newest',
    limit: PAGE_SIZE,
  };
}

/** `/audit`: the lead searches the audit trail by record, person, action and dates. */
export default function AuditTrailPage() {
  const app = useApp();
  const [params, setParams] = useSearchParams<Params>();
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const values = (): AuditFilterValues => ({
    type: one(params.type),
    id: one(params.id),
    person: one(params.person),
    action: one(params.action),
    from: one(params.from),
    to: one(params.to),
  });
  const cursor = () => one(params.cursor);
  const filtered = () => Object.values(values()).some(Boolean);
  const [page] = createKeyedResource(QUERY.audit, () => queryOf(values(), cursor()), searchAudit);
  const [people] = createApiQuery(QUERY.auditPeople, listAuditPeople);
  const personOptions = () => (people()?.people ?? []).map((p) => ({ value: p.userId, label: p.agencyId ? `${p.name} (${app.agencyName(p.agencyId) ?? p.agencyId})` : p.name }));

  const search = (v: AuditFilterValues) =>
    setParams({
      type: v.type || undefined,
      id: v.id || undefined,
      person: v.person || undefined,
      action: v.action || undefined,
      from: v.from || undefined,
      to: v.to || undefined,
      cursor: undefined,
    });
  const clear = () => {
    setErrors([]);
    search({ type: '', id: '', person: '', action: '', from: '', to: '' });
  };
  const hrefFor = (next: string | null) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(values())) if (v) q.set(k, v);
    if (next) q.set('cursor', next);
    const s = q.toString();
    return `/audit${s ? `?${s}` : ''}`;
  };

  return (
    <Page title="Audit trail" caption={app.partnershipName()} hasErrors={errors().length > 0}>
      <FormErrors errors={errors()} />
      <p class="govuk-body">
        Every change made in the portal: who made it, when, and what changed. Search by record, person, action or dates. Without a start date, the last 24 months are searched.
      </p>
      <AuditFilters values={values()} people={personOptions()} errors={errors()} onErrors={setErrors} onApply={search} onClear={clear} />
      <section aria-labelledby="audit-results-heading">
        <h2 class="govuk-heading-m" id="audit-results-heading">
          Events
        </h2>
        <QueryResults
          data={page}
          loading={filtered() ? 'Searching the audit trail…' : 'Loading the latest events…'}
          summary={(p) =>
            p().events.length
              ? `${p().events.length === 1 ? '1 event' : `${p().events.length} events`}${cursor() ? ' on this page' : ''}, newest first.`
              : p().cursor
                ? 'No matching events in the months searched so far.'
                : filtered()
                  ? 'No events match your search.'
                  : 'Nothing has been recorded in the last 24 months.'
          }
          error={<p class="govuk-body">The audit trail could not be loaded. Reload the page to try again.</p>}
          statusTestId="audit-count"
        >
          {(p) => (
            <>
              <Show when={p().events.length}>
                <AuditTable events={p().events} />
              </Show>
              <Show when={!p().events.length && !p().cursor && filtered()}>
                <p class="govuk-body">Try a wider date range, another person or action, or check the record's id as its page address shows it.</p>
                <p class="govuk-body">
                  <A href="/audit" class="govuk-link" onClick={() => setErrors([])}>
                    Clear the filters
                  </A>{' '}
                  to see the latest events.
                </p>
              </Show>
              <Pagination
                label="Pages of events"
                of="events"
                previous={cursor() ? { href: hrefFor(null), title: 'First page', label: 'Newest events' } : null}
                next={p().cursor ? { href: hrefFor(p().cursor), label: 'Older events' } : null}
              />
            </>
          )}
        </QueryResults>
      </section>
    </Page>
  );
}
