import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { RETURN_STATUS_LABELS, type ReturnStatus } from '../../../shared/returns/schema.js';
import type { Column } from './data-table.js';
import { formatDay } from './format.js';
import { OverdueTag, ReturnStatusTag } from './tag.js';

/*
 * The columns every table of returns by agency starts with (the lead's list of returns, the
 * tracker): the agency, linking to its return; where the return stands; and when it is due, with
 * "Overdue" after the date. Pages add their own columns after these.
 */

/** A row about one agency's return for a period. */
export interface ReturnRowLike {
  agencyName: string;
  status: ReturnStatus;
  dueDate: string;
  overdue: boolean;
  reopened?: boolean;
}

export function returnColumns<R extends ReturnRowLike>(opts: {
  href: (row: R) => string /** "Ready for review" under a submitted return (the lead's list) */;
  review?: boolean;
}): Column<R>[] {
  return [
    {
      key: 'agency',
      header: 'Agency',
      rowHeader: true,
      cell: (r) => (
        <A class="govuk-link" href={opts.href(r)}>
          {r.agencyName}
          <span class="govuk-visually-hidden">: {RETURN_STATUS_LABELS[r.status]} return</span>
        </A>
      ),
    },
    {
      key: 'status',
      header: 'Status',
      cell: (r) => [
        <ReturnStatusTag status={r.status} reopened={r.reopened} />,
        <Show when={opts.review && r.status === 'submitted'}>
          <br />
          <span class="app-secondary-text">Ready for review</span>
        </Show>,
      ],
    },
    { key: 'due', header: 'Due', cell: (r) => [formatDay(r.dueDate), <OverdueTag when={r.overdue} />] },
  ];
}
