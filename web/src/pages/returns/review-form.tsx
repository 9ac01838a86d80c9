import { createSignal } from 'solid-js';
import { ApiError } from '../../api/client.js';
import { acceptReturn, afterReturnWrite, type LoadedReturn, reopenReturn, type ReturnKey, sendBackReturn } from '../../api/returns.js';
import { TextArea } from '../../components/fields.js';
import { createFormState } from '../../components/form-state.js';
import { NotificationBanner } from '../../components/notification-banner.js';
import { Details } from '../../components/details.js';

/*
 * The lead's review of a submitted return: accept it (it is then locked) or send it back with a
 * comment. The answer replaces the return on show; the list, the tracker and the history load again.
 */

const NEED_COMMENT = 'Enter a comment telling the agency what to change';
const NEED_REASON = 'Enter what needs correcting, so the agency knows what to change';
type ReviewAction = 'accept' | 'return' | 'reopen';
const RELOAD = 'Reload the page to see the latest version.';

export function useReview(opts: {
  key: () => ReturnKey;
  agencyName: () => string;
  current: () => LoadedReturn | undefined;
  mutate(r: LoadedReturn, forKey?: ReturnKey): void;
  refetch(): Promise<unknown>;
}) {
  const [comment, setComment] = createSignal('');
  const [done, setDone] = createSignal<string | null>(null);
  const form = createFormState();

  const write = async (action: ReviewAction, cur: LoadedReturn) => {
    const [periodId, agencyId] = opts.key();
    try {
      if (action === 'reopen') return await reopenReturn(periodId, agencyId, comment().trim(), cur.etag);
      return action === 'accept' ? await acceptReturn(periodId, agencyId, cur.etag) : await sendBackReturn(periodId, agencyId, comment().trim(), cur.etag);
    } catch (e) {
      // The return changed (412) or moved on (409) while the lead read it: load the latest version.
      if (!(e instanceof ApiError && (e.status === 412 || e.status === 409))) throw e;
      void opts.refetch();
      throw e.status === 409 ? new ApiError(409, { detail: `${e.detail} ${RELOAD}` }) : e;
    }
  };

  const act = async (action: ReviewAction) => {
    form.setErrors([]);
    if (action !== 'accept' && !comment().trim()) return form.setErrors([{ field: 'comment', message: action === 'reopen' ? NEED_REASON : NEED_COMMENT }]);
    const cur = opts.current();
    if (!cur) return;
    await form.save(
      async () => {
        afterReturnWrite(await write(action, cur), opts.mutate);
        setComment('');
        setDone(
          {
            accept: `You accepted the return from ${opts.agencyName()}. It is now locked.`,
            return: `You sent the return back to ${opts.agencyName()} with your comments. They can now change it and submit it again.`,
            reopen: `You reopened the return from ${opts.agencyName()}. They have been told what to correct; it shows as reopened until you accept it again.`,
          }[action],
        );
        queueMicrotask(() => document.getElementById('review-done')?.focus());
      },
      { field: () => 'comment', stale: `The return changed while you were reading it. ${RELOAD}`, fallback: 'That did not work. Check your connection and try again.' },
    );
  };

  return { comment, setComment, errors: form.errors, commentError: () => form.err('comment'), busy: form.busy, done, act };
}

export function ReviewDone(props: { message: string }) {
  return (
    <NotificationBanner type="success" id="review-done" focus>
      <p class="govuk-notification-banner__heading">{props.message}</p>
    </NotificationBanner>
  );
}

export function ReviewForm(props: { agencyName: string; review: ReturnType<typeof useReview> }) {
  const r = () => props.review;
  return (
    <>
      <h2 class="govuk-heading-m">Review this return</h2>
      <p class="govuk-body">Accept the return if it is complete and clear; it is then locked. Otherwise return it with comments saying what to change.</p>
      <TextArea
        id="comment"
        label={`Comments for ${props.agencyName}`}
        hint="Needed if you return it. Say what to change and why; the agency sees this at the top of their return."
        error={r().commentError()}
        value={r().comment()}
        onInput={(v) => r().setComment(v)}
      />
      <div class="govuk-button-group">
        <button type="button" class="govuk-button" disabled={r().busy()} onClick={() => void r().act('accept')}>
          Accept return
        </button>
        <button type="button" class="govuk-button govuk-button--warning" disabled={r().busy()} onClick={() => void r().act('return')}>
          Return with comments
        </button>
      </div>
    </>
  );
}

/** An accepted return: the lead can reopen it for a correction found after acceptance, saying what to correct. */
export function ReopenForm(props: { agencyName: string; review: ReturnType<typeof useReview> }) {
  const r = () => props.review;
  return (
    <Details summary="Reopen this return for a correction">
      <p class="govuk-body">
        If something needs correcting after you accepted it, reopen the return. {props.agencyName} is told, and it shows as reopened until you accept it again.
      </p>
      <TextArea
        id="comment"
        label="What needs correcting"
        hint={`${props.agencyName} sees this at the top of their return.`}
        error={r().commentError()}
        value={r().comment()}
        onInput={(v) => r().setComment(v)}
      />
      <button type="button" class="govuk-button govuk-button--warning" disabled={r().busy()} onClick={() => void r().act('reopen')}>
        Reopen return
      </button>
    </Details>
  );
}
