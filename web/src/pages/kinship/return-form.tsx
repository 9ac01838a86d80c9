import { createSignal, onMount, Show } from 'solid-js';
import { ReturnItemRequest } from '../../../../shared/kinship/schema.js';
import { ApiError, type WithEtag } from '../../api/client.js';
import { returnItem, type StaffItem } from '../../api/kinship.js';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.js';
import { TextArea } from '../../components/fields.js';

const STALE = 'Someone else changed this item since you opened it. Reload the page to see their changes, then try again.';

/**
 * The lead returns an item in review to its agency instead of publishing it, saying what to change.
 * The comment is checked by the shared request schema here and again by the API (with the
 * personal-data rule, whose confirmation the error summary asks for).
 */
export function ReturnToAgencyForm(props: { item: WithEtag<StaffItem>; agencyName: string; onReturned: (next: WithEtag<StaffItem>) => void; onCancel: () => void }) {
  const [comment, setComment] = createSignal('');
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const [busy, setBusy] = createSignal(false);
  const fieldError = () => errors().find((e) => e.field === 'return-comment')?.message;
  // Opened by a button: keyboard and screen-reader users land on the comment they are to write.
  onMount(() => document.getElementById('return-comment')?.focus());

  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    const parsed = ReturnItemRequest.safeParse({ comment: comment() });
    if (!parsed.success) {
      setErrors([{ field: 'return-comment', message: parsed.error.issues[0]?.message ?? 'Enter a comment telling the agency what to change' }]);
      return;
    }
    setBusy(true);
    try {
      props.onReturned(await returnItem(props.item.data.id, parsed.data.comment, props.item.etag));
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) setErrors(err.errors.map((x) => ({ field: 'return-comment', message: x.message })));
      else setErrors([{ message: err instanceof ApiError ? (err.status === 412 ? STALE : err.detail) : 'That did not work. Try again.' }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="app-confirm" onSubmit={send} novalidate aria-labelledby="return-heading">
      <h3 class="govuk-heading-s" id="return-heading">
        Return "{props.item.data.title}" to {props.agencyName}
      </h3>
      <Show when={errors().length}>
        <ErrorSummary errors={errors()} />
      </Show>
      <TextArea
        id="return-comment"
        label="What should the agency change?"
        hint={`${props.agencyName} sees this comment on the item. Do not include anyone's name, date of birth, NHS number or address.`}
        error={fieldError()}
        value={comment()}
        onInput={(v) => setComment(v)}
        rows={4}
      />
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button" disabled={busy()}>
          Return with comments
        </button>
        <button type="button" class="govuk-button govuk-button--secondary" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
