import { A, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { CATEGORIES, CATEGORY_LABELS, ITEM_STATUSES, type Category, type ItemStatus } from '../../../../shared/kinship/schema.js';
import { getCoverage, listItems, type StaffItem } from '../../api/kinship.js';
import { Loading } from '../../components/loading.js';
import { NotificationBanner } from '../../components/notification-banner.js';
import { Page } from '../../components/page.js';
import { createKeyedResource, QueryResults } from '../../components/results.js';
import { useApp } from '../../state.js';
import { formatDate, Select } from '../threshold/form-fields.js';
import { takeKinshipFlash } from './flash.js';
import { categoryLabel, ItemStatusTag, STATUS_LABELS, today } from './labels.js';
import '../threshold/threshold.css';
import './kinship.css';

type Filters = { status?: string; category?: string; agencyId?: string };

function ItemsTable(props: { items: StaffItem[]; caption: string; captionHidden?: boolean; id?: string }) {
  const app = useApp();
  return (
    <div class="app-table-scroll" role="region" aria-label={props.caption} tabindex="0">
      <table class="govuk-table" id={props.id}>
        <caption class="govuk-table__caption" classList={{ 'govuk-visually-hidden': !!props.captionHidden }}>
          {props.caption}
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Item</th>
            <th scope="col" class="govuk-table__header">Category</th>
            <th scope="col" class="govuk-table__header">Agency</th>
            <th scope="col" class="govuk-table__header">Status</th>
            <th scope="col" class="govuk-table__header">Next review</th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          <For each={props.items}>
            {(item) => (
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">
                  <A href={`/kinship/${item.id}`} class="govuk-link">
                    {item.title}
                  </A>
                </th>
                <td class="govuk-table__cell" data-label="Category">
                  {categoryLabel(item.category)}
                </td>
                <td class="govuk-table__cell" data-label="Agency">
                  {app.agencyName(item.ownerAgencyId)}
                </td>
                <td class="govuk-table__cell" data-label="Status">
                  <ItemStatusTag status={item.status} />
                  <Show when={item.revisionPending}>
                    <span class="app-table-sub">Changes waiting for review</span>
                  </Show>
                </td>
                <td class="govuk-table__cell" data-label="Next review">
                  {item.published && item.nextReviewDue ? formatDate(item.nextReviewDue) : 'Not published'}
                  <Show when={item.published && item.nextReviewDue && item.nextReviewDue < today() && item.status !== 'retired'}>
                    {' '}
                    <strong class="govuk-tag govuk-tag--red">Overdue</strong>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** Lead and executive: which statutory categories the published offer covers, and overdue reviews. */
function CoveragePanel() {
  const [coverage] = createResource(getCoverage);
  return (
    <section class="app-panel" aria-labelledby="coverage-heading">
      <h2 class="govuk-heading-m" id="coverage-heading">
        Coverage of the statutory categories
      </h2>
      <Switch>
        <Match when={coverage.error}>
          <p class="govuk-body">Coverage could not be loaded. Reload the page to try again.</p>
        </Match>
        <Match when={coverage()}>
          {(c) => (
            <>
              <p class="govuk-body" data-testid="coverage-summary">
                <Show
                  when={c().complete}
                  fallback={
                    <>
                      <strong class="govuk-tag govuk-tag--red">Gaps</strong> The published offer does not yet cover: {c().gaps.map((g) => CATEGORY_LABELS[g]).join('; ')}.
                    </>
                  }
                >
                  <strong class="govuk-tag govuk-tag--green">Complete</strong> Every category section 22H requires has at least one published item.
                </Show>
              </p>
              <div class="app-table-scroll" role="region" aria-label="Published items in each statutory category" tabindex="0">
                <table class="govuk-table">
                  <caption class="govuk-table__caption govuk-visually-hidden">Published items in each statutory category</caption>
                  <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                      <th scope="col" class="govuk-table__header">Statutory category</th>
                      <th scope="col" class="govuk-table__header">Published items</th>
                      <th scope="col" class="govuk-table__header">Coverage</th>
                    </tr>
                  </thead>
                  <tbody class="govuk-table__body">
                    <For each={c().categories.filter((x) => x.statutory)}>
                      {(cat) => (
                        <tr class="govuk-table__row">
                          <th scope="row" class="govuk-table__header">
                            {cat.label}
                          </th>
                          <td class="govuk-table__cell" data-label="Published items">{cat.publishedCount}</td>
                          <td class="govuk-table__cell" data-label="Coverage">
                            <strong class={`govuk-tag ${cat.covered ? 'govuk-tag--green' : 'govuk-tag--red'}`}>{cat.covered ? 'Covered' : 'Gap'}</strong>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <h3 class="govuk-heading-s">Reviews overdue</h3>
              <Show when={c().overdueReviews.length} fallback={<p class="govuk-body">No published item is overdue for review.</p>}>
                <ul class="govuk-list govuk-list--bullet" data-testid="overdue-reviews">
                  <For each={c().overdueReviews}>
                    {(o) => (
                      <li>
                        <A href={`/kinship/${o.id}`} class="govuk-link">
                          {o.title}
                        </A>{' '}
                        (review was due {formatDate(o.nextReviewDue)})
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <p class="govuk-body">
                Offer last published: {c().lastPublishedAt ? formatDate(c().lastPublishedAt) : 'never'}.{' '}
                <a href="/kinship-offer" class="govuk-link">
                  View the public Kinship Local Offer
                </a>
              </p>
            </>
          )}
        </Match>
        <Match when={true}>
          <Loading label="Loading coverage…" />
        </Match>
      </Switch>
    </section>
  );
}

/** Lead: items waiting for a decision (in review) and drafts still being written. */
function ReviewQueue() {
  const [all] = createResource(() => listItems());
  const waiting = () => (all() ?? []).filter((i) => i.status === 'in-review');
  const drafts = () => (all() ?? []).filter((i) => i.status === 'draft');
  return (
    <section class="app-panel" aria-labelledby="queue-heading">
      <h2 class="govuk-heading-m" id="queue-heading">
        Review queue
      </h2>
      <Show when={all()} fallback={<Loading label="Loading the review queue…" />}>
        <Show when={waiting().length} fallback={<p class="govuk-body">No items are waiting for your review.</p>}>
          <ItemsTable items={waiting()} caption={`Waiting for you to publish (${waiting().length})`} id="review-queue" />
        </Show>
        <Show when={drafts().length}>
          <ItemsTable items={drafts()} caption={`Drafts agencies are still writing (${drafts().length})`} id="drafts" />
        </Show>
      </Show>
    </section>
  );
}

/** /kinship: the register behind the Kinship Local Offer, with filters, queue and coverage. */
export default function KinshipRegisterPage() {
  const app = useApp();
  const [params, setParams] = useSearchParams<Filters>();
  const [flash] = createSignal(takeKinshipFlash());
  const role = () => app.me()?.role;
  const filters = () => ({ status: (params.status ?? '') as ItemStatus | '', category: (params.category ?? '') as Category | '', agencyId: params.agencyId ?? '' });
  // Rows only ever for the filters in the address: while new filters load, the register says so.
  const [items] = createKeyedResource(filters, (f) => listItems(f));
  // The form edits local values; the register only changes when the filters are applied.
  const [status, setStatus] = createSignal(filters().status as string);
  const [category, setCategory] = createSignal(filters().category as string);
  const [agency, setAgency] = createSignal(filters().agencyId);
  const agencies = () => (app.partnership.state === 'ready' ? (app.partnership()?.agencies ?? []) : []);
  const filtered = () => Boolean(params.status || params.category || params.agencyId);
  const canAdd = () => role() === 'partner' || role() === 'lead';

  const apply = (e: SubmitEvent) => {
    e.preventDefault();
    setParams({ status: status() || undefined, category: category() || undefined, agencyId: agency() || undefined });
  };
  const clear = () => {
    setStatus('');
    setCategory('');
    setAgency('');
    setParams({ status: undefined, category: undefined, agencyId: undefined });
  };

  return (
    <Page title="Kinship Local Offer" caption={app.partnershipName()}>
      <Show when={flash()}>
        <NotificationBanner type="success">
          <p class="govuk-notification-banner__heading">{flash()}</p>
        </NotificationBanner>
      </Show>
      <p class="govuk-body-l">The support for children in kinship care and their kinship carers that the council must publish and keep up to date (Children Act 1989, section 22H).</p>
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

      <section aria-labelledby="register-heading">
        <h2 class="govuk-heading-m" id="register-heading">
          The register
        </h2>
        <form class="app-filter" onSubmit={apply} role="search" aria-label="Filter the register">
          <div class="app-filter__fields">
            <Select id="filter-status" label="Status" value={status()} onChange={setStatus} options={[{ value: '', label: 'Any status' }, ...ITEM_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))]} />
            <Select id="filter-category" label="Category" value={category()} onChange={setCategory} options={[{ value: '', label: 'Any category' }, ...CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))]} />
            <Select id="filter-agency" label="Agency" value={agency()} onChange={setAgency} options={[{ value: '', label: 'Any agency' }, ...agencies().map((a) => ({ value: a.id, label: a.name }))]} />
          </div>
          <div class="govuk-button-group">
            <button type="submit" class="govuk-button govuk-button--secondary">
              Apply filters
            </button>
            <Show when={filtered()}>
              <button type="button" class="app-link-button govuk-link" onClick={clear}>
                Clear filters
              </button>
            </Show>
          </div>
        </form>
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
      </section>
    </Page>
  );
}
