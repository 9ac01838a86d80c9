import { Show } from 'solid-js';
import { readyForReview } from '../../../../shared/kinship/ready.js';
import type { StaffItem } from '../../api/kinship.js';
import { LinkList } from '../../components/link-line.js';

/**
 * What an item still needs before it can be sent for review or published: the same rule the API
 * applies (shared/kinship/ready.ts), shown before the buttons, each with a link to the field.
 * The buttons stay: the server is the judge.
 */
export function MissingForReview(props: { item: StaffItem; action: 'sent for review' | 'published' }) {
  const missing = () => readyForReview(props.item);
  return (
    <Show when={missing().length}>
      <div class="govuk-inset-text" data-testid="missing-for-review">
        <h3 class="govuk-heading-s">This item cannot be {props.action} until you:</h3>
        <LinkList bullet links={missing().map((m) => ({ href: `/kinship/${props.item.id}/edit#${m.path}`, text: m.message }))} />
      </div>
    </Show>
  );
}
