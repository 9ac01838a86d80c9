import { For, Show } from 'solid-js';
import type { KinshipReviewComment } from '../../../../shared/kinship/schema.js';
import type { StaffItem } from '../../api/kinship.js';
import { NotificationBanner } from '../../components/notification-banner.js';
import { CommentQuote } from '../../components/comment-quote.js';
import { Section } from '../../components/section.js';

/** One of the lead's comments, with who wrote it and when. */
const Comment = (props: { comment: KinshipReviewComment }) => <CommentQuote text={props.comment.comment} by={props.comment.byName || 'The programme lead'} at={props.comment.at} />;

/**
 * "Returned with comments": shown on a returned item, to its agency first of all, with the lead's
 * latest comment and what to do next.
 */
export function ReturnedBanner(props: { item: StaffItem; agencyName: string; viewer: 'owner' | 'lead' | 'other' }) {
  const latest = () => props.item.reviewComments.at(-1);
  return (
    <Show when={props.item.status === 'returned' && latest()}>
      {(c) => (
        <div data-testid="returned-banner">
          <NotificationBanner title="Returned with comments">
            <h3 class="govuk-notification-banner__heading">
              {props.viewer === 'lead' ? `You returned this item to ${props.agencyName}` : 'The programme lead returned this item'}
            </h3>
            <Comment comment={c()} />
            <p class="govuk-body">
              {props.viewer === 'owner' ? 'Make the changes, then send it for review again.' : `${props.agencyName} can change it and send it for review again.`}
              <Show when={props.item.revisionPending}> Families still see the published version meanwhile.</Show>
            </p>
          </NotificationBanner>
        </div>
      )}
    </Show>
  );
}

/** Every comment the lead has made on the item, oldest first (the banner shows only the latest). */
export function ReviewCommentHistory(props: { item: StaffItem }) {
  const shown = () => (props.item.status === 'returned' ? props.item.reviewComments.slice(0, -1) : props.item.reviewComments);
  return (
    <Show when={shown().length}>
      <Section headingId="review-comments-heading" title={props.item.status === 'returned' ? 'Earlier comments from the programme lead' : 'Comments from the programme lead'}>
        <ul class="govuk-list" data-testid="review-comments">
          <For each={shown()}>
            {(c) => (
              <li>
                <Comment comment={c} />
              </li>
            )}
          </For>
        </ul>
      </Section>
    </Show>
  );
}
