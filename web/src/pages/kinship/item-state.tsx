import { Show } from 'solid-js';
import type { StaffItem } from '../../api/kinship.js';
import { formatDate, formatDoneBy } from '../../components/format.js';
import { SummaryList, SummaryRow } from '../../components/summary-list.js';
import { Tag } from '../../components/tag.js';
import { useApp } from '../../state.js';
import { ukToday } from '../../../../shared/periods/period.js';
import { ItemStatusTag } from '../../components/status-tags.js';

/** An item's publication state: status, agency, publication, reviews and the last change. */
export function ItemStateList(props: { item: StaffItem }) {
  const app = useApp();
  return (
    <SummaryList testId="item-state">
      <SummaryRow key="Status" valueTestId="item-status">
        <ItemStatusTag status={props.item.status} />
      </SummaryRow>
      <SummaryRow key="Agency">{app.agencyName(props.item.ownerAgencyId)}</SummaryRow>
      <SummaryRow key="Published">
        <Show when={props.item.publishedAt} fallback="Not published yet: families cannot see this item.">
          {formatDate(props.item.publishedAt)} (revision {props.item.revision})<Show when={props.item.status === 'retired'}>, now retired and no longer shown</Show>
        </Show>
      </SummaryRow>
      <SummaryRow key="Changes waiting" when={props.item.revisionPending}>
        Yes. Families still see the published version until the programme lead publishes the changes.
      </SummaryRow>
      <SummaryRow key="Last reviewed">{props.item.lastReviewedAt ? formatDate(props.item.lastReviewedAt) : 'Not reviewed yet'}</SummaryRow>
      <SummaryRow key="Next review due">
        {props.item.nextReviewDue ? formatDate(props.item.nextReviewDue) : 'Set when it is published (12 months on)'}
        <Show when={props.item.nextReviewDue && props.item.nextReviewDue! < ukToday() && props.item.status !== 'retired'}>
          {' '}
          <Tag colour="red">Overdue</Tag>
        </Show>
      </SummaryRow>
      <SummaryRow key="Last changed">{formatDoneBy(props.item.updatedAt, props.item.updatedByName ?? app.agencyName(props.item.ownerAgencyId))}</SummaryRow>
    </SummaryList>
  );
}
