import { Show } from 'solid-js';
import type { ReturnView } from '../../api/returns.js';
import { formatDateTime } from '../../components/format.js';
import { NotificationBanner } from '../../components/notification-banner.js';
import { ReviewCommentQuote } from './review-comment.js';

/*
 * Banners at the top of the partner's return (after what the last save did, the kit's
 * OutcomeBanner): the lead's comments when it came back, and where a submitted or accepted return stands.
 */

export function ReturnStateBanners(props: { view: ReturnView }) {
  const lastComment = () => props.view.review.comments.at(-1);
  return (
    <>
      <Show when={props.view.status === 'returned' && lastComment()}>
        {(c) => (
          <NotificationBanner title="Returned with comments">
            <h3 class="govuk-notification-banner__heading">The programme lead has returned your return</h3>
            <ReviewCommentQuote comment={c()} />
            <p class="govuk-body">Make the changes, then check your answers and submit the return again.</p>
          </NotificationBanner>
        )}
      </Show>
      <Show when={props.view.status === 'submitted'}>
        <NotificationBanner title="Submitted">
          <p class="govuk-notification-banner__heading">You submitted this return on {formatDateTime(props.view.submittedAt)}. The programme lead is reviewing it.</p>
        </NotificationBanner>
      </Show>
      <Show when={props.view.status === 'accepted'}>
        <NotificationBanner title="Accepted">
          <p class="govuk-notification-banner__heading">The programme lead accepted this return on {formatDateTime(props.view.acceptedAt)}.</p>
        </NotificationBanner>
      </Show>
    </>
  );
}
