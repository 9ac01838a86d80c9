import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { ITEM_STATUS_LABELS } from '../../../../shared/kinship/labels.js';
import { CATEGORIES, CATEGORY_LABELS, ITEM_STATUSES } from '../../../../shared/kinship/schema.js';
import { Page } from '../../components/page.js';
import { QueryResults } from '../../components/results.js';
import { type ItemFilter, useKinshipItems } from '../../api/kinship.js';
import { useApp } from '../../state.js';
import { namedOptions, optionsOf, Select } from '../../components/fields.js';
import { FilterForm, FilterRow, withAny } from '../../components/filter-form.js';
import { takeKinshipFlash } from './flash.js';
import { ItemsTable } from './items-table.js';
import { CoveragePanel, ReviewQueue } from './register-panels.js';
import { Section } from '../../components/section.js';
import './kinship.css';
import { ButtonLink } from '../../components/link-line.js';
import { useFilterForm } from '../../components/address-filters.js';

const STATUS_OPTIONS = withAny('Any status', optionsOf(ITEM_STATUSES, ITEM_STATUS_LABELS));
const CATEGORY_OPTIONS = withAny('Any category', optionsOf(CATEGORIES, CATEGORY_LABELS));

/** /kinship: the register behind the Kinship Local Offer, with filters, queue and coverage. */
export default function KinshipRegisterPage() {
  const app = useApp();
  const flash = takeKinshipFlash();
  const role = () => app.me()?.role;
  // The form edits a draft; the register only changes when the filters are applied.
  const filters = useFilterForm({ status: ITEM_STATUSES, category: CATEGORIES, agencyId: null });
  const { draft, set, filtered } = filters;
  // Rows only ever for the filters in the address: while new filters load, the register says so.
  const [items] = useKinshipItems(() => filters.applied() as ItemFilter);
  const canAdd = () => role() === 'partner' || role() === 'lead';

  return (
    <Page title="Kinship Local Offer" caption={app.partnershipName()} flash={flash}>
      <p class="govuk-body-l">
        The support for children in kinship care and their kinship carers that the council must publish and keep up to date (Children Act 1989, section 22H).
      </p>
      <p class="govuk-body">
        {role() === 'lead'
          ? 'Agencies draft their items and send them for review; you publish them to the public offer, and retire items that no longer apply.'
          : role() === 'partner'
            ? `You can add and edit ${app.agencyName(app.me()?.agencyId) ?? 'your agency'}'s items and send them for review. The programme lead publishes them.`
            : 'You can read the register and its coverage, but not change it.'}{' '}
        <A href="/kinship-offer" class="govuk-link">
          See the published offer as families see it
        </A>
        .
      </p>
      <Show when={canAdd()}>
        <ButtonLink href="/kinship/new">Add an item</ButtonLink>
      </Show>

      <Show when={role() === 'lead' || role() === 'executive'}>
        <CoveragePanel />
      </Show>
      <Show when={role() === 'lead'}>
        <ReviewQueue />
      </Show>

      <Section headingId="register-heading" title="The register">
        <FilterForm label="Filter the register" submit="Apply filters" filtered={filtered()} onApply={filters.apply} onClear={filters.clear}>
          <FilterRow>
            <Select id="filter-status" label="Status" value={draft().status} onChange={set('status')} options={STATUS_OPTIONS} />
            <Select id="filter-category" label="Category" value={draft().category} onChange={set('category')} options={CATEGORY_OPTIONS} />
            <Select id="filter-agency" label="Agency" value={draft().agencyId} onChange={set('agencyId')} options={withAny('Any agency', namedOptions(app.agencies()))} />
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
