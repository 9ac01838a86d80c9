import { Show } from 'solid-js';
import type { StaffItem } from '../../api/kinship.js';
import { useApp } from '../../state.js';
import { formatDate, formatDateTime } from '../threshold/form-fields.js';
import { ItemStatusTag, today } from './labels.js';

/** An item's publication state: status, agency, publication, reviews and the last change. */
export function ItemStateList(props: { item: StaffItem }) {
  const app = useApp();
  return (
    <dl class="govuk-summary-list" data-testid="item-state">
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Status</dt>
        <dd class="govuk-summary-list__value" data-testid="item-status">
          <ItemStatusTag status={props.item.status} />
        </dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Agency</dt>
        <dd class="govuk-summary-list__value">{app.agencyName(props.item.ownerAgencyId)}</dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Published</dt>
        <dd class="govuk-summary-list__value">
          <Show when={props.item.publishedAt} fallback="Not published yet: families cannot see this item.">
            {formatDate(props.item.publishedAt)} (revision {props.item.revision})
            <Show when={props.item.status === 'retired'}>, now retired and no longer shown</Show>
          </Show>
        </dd>
      </div>
      <Show when={props.item.revisionPending}>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Changes waiting</dt>
          <dd class="govuk-summary-list__value">Yes. Families still see the published version until the programme lead publishes the changes.</dd>
        </div>
      </Show>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Last reviewed</dt>
        <dd class="govuk-summary-list__value">{props.item.lastReviewedAt ? formatDate(props.item.lastReviewedAt) : 'Not reviewed yet'}</dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Next review due</dt>
        <dd class="govuk-summary-list__value">
          {props.item.nextReviewDue ? formatDate(props.item.nextReviewDue) : 'Set when it is published (12 months on)'}
          <Show when={props.item.nextReviewDue && props.item.nextReviewDue! < today() && props.item.status !== 'retired'}>
            {' '}
            <strong class="govuk-tag govuk-tag--red">Overdue</strong>
          </Show>
        </dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Last changed</dt>
        <dd class="govuk-summary-list__value">
          {formatDateTime(props.item.updatedAt)} by {props.item.updatedByName ?? app.agencyName(props.item.ownerAgencyId)}
        </dd>
      </div>
    </dl>
  );
}
