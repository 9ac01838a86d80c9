import { A } from '@solidjs/router';
import { For, Match, Show, Switch } from 'solid-js';
import { CATEGORY_LABELS } from '../../../../shared/kinship/schema.js';
import { getCoverage, listItems, type ItemFilter } from '../../api/kinship.js';
import { createApiQuery, createKeyedResource, QUERY } from '../../api/queries.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { formatDate } from '../../components/format.js';
import { LoadingPlaceholder } from '../../components/loading.js';
import { Tag } from '../../components/tag.js';
import { ItemsTable } from './items-table.js';

/* The lead's and executive's panels on the register page: coverage of the statutory categories, and the review queue. */

type CategoryCoverage = Awaited<ReturnType<typeof getCoverage>>['categories'][number];

const COVERAGE_COLUMNS: Column<CategoryCoverage>[] = [
  { key: 'category', header: 'Statutory category', rowHeader: true, cell: (cat) => cat.label },
  { key: 'published', header: 'Published items', cell: (cat) => cat.publishedCount },
  { key: 'coverage', header: 'Coverage', cell: (cat) => <Tag colour={cat.covered ? 'green' : 'red'}>{cat.covered ? 'Covered' : 'Gap'}</Tag> },
];

/** Lead and executive: which statutory categories the published offer covers, and overdue reviews. */
export function CoveragePanel() {
  const [coverage] = createApiQuery(QUERY.kinshipCoverage, getCoverage);
  return (
    <section class="app-panel" aria-labelledby="coverage-heading">
      <h2 class="govuk-heading-m" id="coverage-heading">
        Coverage of the statutory categories
      </h2>
      <Switch>
        <Match when={coverage.state === 'errored'}>
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
                      <Tag colour="red">Gaps</Tag> The published offer does not yet cover:{' '}
                      {c()
                        .gaps.map((g) => CATEGORY_LABELS[g])
                        .join('; ')}
                      .
                    </>
                  }
                >
                  <Tag colour="green">Complete</Tag> Every category section 22H requires has at least one published item.
                </Show>
              </p>
              <DataTable caption="Published items in each statutory category" columns={COVERAGE_COLUMNS} rows={c().categories.filter((x) => x.statutory)} />
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
          <LoadingPlaceholder label="Loading coverage…" shape="rows" lines={10} />
        </Match>
      </Switch>
    </section>
  );
}

/** Lead: items waiting for a decision (in review) and drafts still being written. */
export function ReviewQueue() {
  // The same query as the unfiltered register on this page.
  const [all] = createKeyedResource(QUERY.kinshipItems, (): ItemFilter => ({ status: '', category: '', agencyId: '' }), listItems);
  const waiting = () => (all() ?? []).filter((i) => i.status === 'in-review');
  const drafts = () => (all() ?? []).filter((i) => i.status === 'draft');
  return (
    <section class="app-panel" aria-labelledby="queue-heading">
      <h2 class="govuk-heading-m" id="queue-heading">
        Review queue
      </h2>
      <Show when={all()} fallback={<LoadingPlaceholder label="Loading the review queue…" shape="rows" lines={3} />}>
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
