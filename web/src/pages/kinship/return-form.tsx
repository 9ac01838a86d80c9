import { createSignal, onMount } from 'solid-js';
import { ReturnItemRequest } from '../../../../shared/kinship/schema.js';
import type { WithEtag } from '../../api/client.js';
import { returnItem, type StaffItem } from '../../api/kinship.js';
import { TextArea } from '../../components/fields.js';
import { createFormState } from '../../components/form-state.js';
import { ConfirmForm } from '../../components/form.js';

const FIELD = 'return-comment';
const STALE = 'Someone else changed this item since you opened it. Reload the page to see their changes, then try again.';

/**
 * The lead returns an item in review to its agency instead of publishing it, saying what to change.
 * The comment is checked by the shared request schema here and again by the API (with the
 * personal-data rule, whose confirmation the error summary asks for).
 */
export function ReturnToAgencyForm(props: { item: WithEtag<StaffItem>; agencyName: string; onReturned: (next: WithEtag<StaffItem>) => void; onCancel: () => void }) {
  const [comment, setComment] = createSignal('');
  const form = createFormState();
  // Opened by a button: keyboard and screen-reader users land on the comment they are to write.
  onMount(() => document.getElementById(FIELD)?.focus());

  const send = () => {
    const checked = form.check(ReturnItemRequest.safeParse({ comment: comment() }), () => FIELD);
    if (!checked) return;
    void form.save(async () => props.onReturned(await returnItem(props.item.data.id, checked.comment, props.item.etag)), {
      field: () => FIELD,
      stale: STALE,
      fallback: 'That did not work. Try again.',
    });
  };

  return (
    <ConfirmForm title={`Return "${props.item.data.title}" to ${props.agencyName}`} form={form} onSubmit={send} submit="Return with comments" onCancel={props.onCancel}>
      <TextArea
        id={FIELD}
        label="What should the agency change?"
        hint={`${props.agencyName} sees this comment on the item. Do not include anyone's name, date of birth, NHS number or address.`}
        error={form.err(FIELD)}
        value={comment()}
        onInput={setComment}
        rows={4}
      />
    </ConfirmForm>
  );
}
