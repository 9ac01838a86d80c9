import { A, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { auditQueryOf, auditSearchHref, type AuditFilterValues } from '../../../../shared/audit/search.js';
import { useAuditPeople, useAuditSearch } from '../../api/audit.js';
import type { SummaryError } from '../../components/error-summary.js';
import { firstParam } from '../../components/address-filters.js';
import { Page } from '../../components/page.js';
import { Pagination } from '../../components/pagination.js';
import { QueryResults } from '../../components/results.js';
import { useApp } from '../../state.js';
import { AuditFilters, useAuditFilters } from './audit-filters.js';
import { AuditTable } from './audit-table.js';
import { Section } from '../../components/section.js';
import './audit.css';

const PAGE_SIZE = 25;

/** `/audit`: the lead searches the audit trail by record, person, action and dates. */
export default function AuditTrailPage() {
  const app = useApp();
  const [params] = useSearchParams<{ cursor?: string }>();
  const filters = useAuditFilters();
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const values = () => filters.applied() as AuditFilterValues;
  const cursor = () => firstParam(params.cursor);
  const filtered = filters.filtered;
  const [page] = useAuditSearch(() => auditQueryOf(values(), cursor(), PAGE_SIZE));
  const [people] = useAuditPeople();
  const personOptions = () => (people()?.people ?? []).map((p) => ({ value: p.userId, label: p.agencyId ? `${p.name} (${app.agencyName(p.agencyId) ?? p.agencyId})` : p.name }));
  const hrefFor = (next: string | null) => auditSearchHref(values(), next);

  return (
    <Page title="Audit trail" caption={app.partnershipName()} errors={errors()}>
      <p class="govuk-body">
        Every change made in the portal: who made it, when, and what changed. Search by record, person, action or dates. Without a start date, the last 24 months are searched.
      </p>
      <AuditFilters filters={filters} people={personOptions()} errors={errors()} onErrors={setErrors} />
      <Section headingId="audit-results-heading" title="Events">
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
      </Section>
    </Page>
  );
}
