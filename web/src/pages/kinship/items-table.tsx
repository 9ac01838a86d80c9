import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { categoryLabel } from '../../../../shared/kinship/labels.js';
import type { StaffItem } from '../../api/kinship.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { formatDate } from '../../components/format.js';
import { Tag } from '../../components/tag.js';
import { useApp } from '../../state.js';
import { ukToday } from '../../../../shared/periods/period.js';
import { ItemStatusTag } from '../../components/status-tags.js';

const byText = (text: (item: StaffItem) => string) => (a: StaffItem, b: StaffItem) => text(a).localeCompare(text(b), 'en-GB');

/** Kinship items as a table: title (linked), category, agency, status and next review; sortable by all but status. */
export function ItemsTable(props: { items: StaffItem[]; caption: string; captionHidden?: boolean; id?: string }) {
  const app = useApp();
  const columns: Column<StaffItem>[] = [
    {
      key: 'item',
      header: 'Item',
      rowHeader: true,
      sort: byText((item) => item.title),
      cell: (item) => (
        <A href={`/kinship/${item.id}`} class="govuk-link">
          {item.title}
        </A>
      ),
    },
    { key: 'category', header: 'Category', sort: byText((item) => categoryLabel(item.category)), cell: (item) => categoryLabel(item.category) },
    { key: 'agency', header: 'Agency', sort: byText((item) => app.agencyName(item.ownerAgencyId) ?? ''), cell: (item) => app.agencyName(item.ownerAgencyId) },
    {
      key: 'status',
      header: 'Status',
      cell: (item) => (
        <>
          <ItemStatusTag status={item.status} />
          <Show when={item.revisionPending}>
            <span class="app-table-sub">Changes waiting for review</span>
          </Show>
        </>
      ),
    },
    {
      key: 'review',
      header: 'Next review',
      // Unpublished items (no review date) last.
      sort: byText((item) => (item.published && item.nextReviewDue) || '9999'),
      cell: (item) => (
        <>
          {item.published && item.nextReviewDue ? formatDate(item.nextReviewDue) : 'Not published'}
          <Show when={item.published && item.nextReviewDue && item.nextReviewDue < ukToday() && item.status !== 'retired'}>
            {' '}
            <Tag colour="red">Overdue</Tag>
          </Show>
        </>
      ),
    },
  ];
  return <DataTable caption={props.caption} captionSize={props.captionHidden ? 'hidden' : 's'} id={props.id} columns={columns} rows={props.items} />;
}
