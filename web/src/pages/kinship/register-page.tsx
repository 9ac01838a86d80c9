import { A, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { ITEM_STATUS_LABELS } from '../../../../shared/kinship/labels.js';
import { CATEGORIES, CATEGORY_LABELS, ITEM_STATUSES, type Category, type ItemStatus } from '../../../../shared/kinship/schema.js';
import { FlashBanner } from '../../components/flash-banner.js';
import { Page } from '../../components/page.js';
import { QueryResults } from '../../components/results.js';
import { useKinshipItems } from '../../api/kinship.js';
import { useApp } from '../../state.js';
import { Select } from '../../components/fields.js';
import { FilterForm, FilterRow, withAny } from '../../components/filter-form.js';
import { takeKinshipFlash } from './flash.js';
import { ItemsTable } from './items-table.js';
import { CoveragePanel, ReviewQueue } from './register-panels.js';
import { Section } from '../../components/section.js';
import './kinship.css';

type Filters = { status?: string; category?: string; agencyId?: string };
const STATUS_OPTIONS = ITEM_STATUSES.map((s) => ({ value: s, label: ITEM_STATUS_LABELS[s] }));
const CATEGORY_OPTIONS = CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));

/** /kinship: the register behind the Kinship Local Offer, with filters, queue and coverage. */
export default function KinshipRegisterPage() {
  const app = useApp();
  const [params, setParams] = useSearchParams<Filters>();
  const flash = takeKinshipFlash();
  const role = () => app.me()?.role;
  const filters = () => ({ status: (params.status ?? '') as ItemStatus | '', category: (params.category ?? '') as Category | '', agencyId: params.agencyId ?? '' });
  // Rows only ever for the filters in the address: while new filters load, the register says so.
  const [items] = useKinshipItems(filters);
  // The form edits local values; the register only changes when the filters are applied.
  const [status, setStatus] = createSignal(filters().status as string);
  const [category, setCategory] = createSignal(filters().category as string);
  const [agency, setAgency] = createSignal(filters().agencyId);
  const agencies = () => (app.partnership.state === 'ready' ? (app.partnership()?.agencies ?? []) : []);
  const filtered = () => Boolean(params.status || params.category || params.agencyId);
  const canAdd = () => role() === 'partner' || role() === 'lead';

  const apply = () => setParams({ status: status() || undefined, category: category() || undefined, agencyId: agency() || undefined });
  const clear = () => {
    setStatus('');
    setCategory('');
    setAgency('');
    setParams({ status: undefined, category: undefined, agencyId: undefined });
  };

  return (
    <Page title="Kinship Local Offer" caption={app.partnershipName()}>
      <FlashBanner message={flash} />
      <p class="govuk-body-l">
        The support for children in kinship care and their kinship carers that the council must publish and keep up to date (Children Act 1989, section 22H).
      </p>
      <p class="govuk-body">
        {role() === 'lead'
          ? 'Agencies draft their items and send them for review; you publish them to the public offer, and retire items that no longer apply.'
          : role() === 'partner'
            ? `You can add and edit ${app.agencyName(app.me()?.agencyId) ?? 'your agency'}'s items and send them for review. The programme lead publishes them.`
            : 'You can read the register and its coverage, but not change it.'}{' '}
        <a href="/kinship-offer" class="govuk-link">
          See the published offer as families see it
        </a>
        .
      </p>
      <Show when={canAdd()}>
        <A href="/kinship/new" class="govuk-button" role="button">
          Add an item
        </A>
      </Show>

      <Show when={role() === 'lead' || role() === 'executive'}>
        <CoveragePanel />
      </Show>
      <Show when={role() === 'lead'}>
        <ReviewQueue />
      </Show>

      <Section headingId="register-heading" title="The register">
        <FilterForm label="Filter the register" submit="Apply filters" filtered={filtered()} onApply={apply} onClear={clear}>
          <FilterRow>
            <Select id="filter-status" label="Status" value={status()} onChange={setStatus} options={withAny('Any status', STATUS_OPTIONS)} />
            <Select id="filter-category" label="Category" value={category()} onChange={setCategory} options={withAny('Any category', CATEGORY_OPTIONS)} />
            <Select
              id="filter-agency"
              label="Agency"
              value={agency()}
              onChange={setAgency}
              options={withAny(
                'Any agency',
                agencies().map((a) => ({ value: a.id, label: a.name })),
              )}
            />
          </FilterRow>
        </FilterForm>
        <QueryResults
          data={items}
          loading={filtered() ? 'Applying the filters…' : 'Loading the register…'}
          summary={(list) => `${list().length === 1 ? '1 item' : `${list().length} items`}${filtered() ? ' match the filters' : ' in the register'}.`}
          error={<p class="govuk-body">The register could not be loaded. Reload the page to try again.</p>}
          statusTestId="register-count"
        >
          {(list) => (
            <Show when={list().length}>
              <ItemsTable items={list()} caption="Kinship Local Offer items" captionHidden id="register" />
            </Show>
          )}
        </QueryResults>
      </Section>
    </Page>
  );
}
