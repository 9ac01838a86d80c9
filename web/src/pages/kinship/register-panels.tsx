import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { CATEGORY_LABELS } from '../../../../shared/kinship/schema.js';
import { type getCoverage, useCoverage, useKinshipItems } from '../../api/kinship.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { formatDate } from '../../components/format.js';
import { Loaded } from '../../components/loaded.js';
import { LoadingPlaceholder } from '../../components/loading.js';
import { Tag } from '../../components/tag.js';
import { ItemsTable } from './items-table.js';
import { Section } from '../../components/section.js';
import { LinkList } from '../../components/link-line.js';

/* The lead's and executive's panels on the register page: coverage of the statutory categories, and the review queue. */

type CategoryCoverage = Awaited<ReturnType<typeof getCoverage>>['categories'][number];

const COVERAGE_COLUMNS: Column<CategoryCoverage>[] = [
  { key: 'category', header: 'Statutory category', rowHeader: true, cell: (cat) => cat.label },
  { key: 'published', header: 'Published items', cell: (cat) => cat.publishedCount },
  { key: 'coverage', header: 'Coverage', cell: (cat) => <Tag colour={cat.covered ? 'green' : 'red'}>{cat.covered ? 'Covered' : 'Gap'}</Tag> },
];

/** Lead and executive: which statutory categories the published offer covers, and overdue reviews. */
export function CoveragePanel() {
  const [coverage] = useCoverage();
  return (
    <Section headingId="coverage-heading" title="Coverage of the statutory categories" class="app-panel">
      <Loaded
        data={coverage}
        placeholder={<LoadingPlaceholder label="Loading coverage…" shape="rows" lines={10} />}
        error={<p class="govuk-body">Coverage could not be loaded. Reload the page to try again.</p>}
      >
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
              <LinkList
                bullet
                testId="overdue-reviews"
                links={c().overdueReviews.map((o) => ({ href: `/kinship/${o.id}`, text: o.title, after: ` (review was due ${formatDate(o.nextReviewDue)})` }))}
              />
            </Show>
            <p class="govuk-body">
              Offer last published: {c().lastPublishedAt ? formatDate(c().lastPublishedAt) : 'never'}.{' '}
              <A href="/kinship-offer" class="govuk-link">
                View the public Kinship Local Offer
              </A>
            </p>
          </>
        )}
      </Loaded>
    </Section>
  );
}

/** Lead: items waiting for a decision (in review) and drafts still being written. */
export function ReviewQueue() {
  // The same query as the unfiltered register on this page.
  const [all] = useKinshipItems(() => ({ status: '', category: '', agencyId: '' }));
  const waiting = () => (all() ?? []).filter((i) => i.status === 'in-review');
  const drafts = () => (all() ?? []).filter((i) => i.status === 'draft');
  return (
    <Section headingId="queue-heading" title="Review queue" class="app-panel">
      <Show when={all()} fallback={<LoadingPlaceholder label="Loading the review queue…" shape="rows" lines={3} />}>
        <Show when={waiting().length} fallback={<p class="govuk-body">No items are waiting for your review.</p>}>
          <ItemsTable items={waiting()} caption={`Waiting for you to publish (${waiting().length})`} id="review-queue" />
        </Show>
        <Show when={drafts().length}>
          <ItemsTable items={drafts()} caption={`Drafts agencies are still writing (${drafts().length})`} id="drafts" />
        </Show>
      </Show>
    </Section>
  );
}
