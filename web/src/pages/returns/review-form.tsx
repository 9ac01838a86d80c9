import { createSignal } from 'solid-js';
import { ApiError } from '../../api/client.js';
import { acceptReturn, sendBackReturn } from '../../api/returns.js';
import type { SummaryError } from '../../components/error-summary.js';
import { TextArea } from '../../components/fields.js';
import { NotificationBanner } from '../../components/notification-banner.js';
import { afterReturnWrite, type LoadedReturn, type ReturnKey } from './data.js';
import { problemMessage } from '../../components/problem-page.js';

/*
 * The lead's review of a submitted return: accept it (it is then locked) or send it back with a
 * comment. The answer replaces the return on show; the list, the tracker and the history load again.
 */

const NEED_COMMENT = 'Enter a comment telling the agency what to change';

export function useReview(opts: {
  key: () => ReturnKey;
  agencyName: () => string;
  current: () => LoadedReturn | undefined;
  mutate(r: LoadedReturn): void;
  refetch(): Promise<unknown>;
}) {
  const [comment, setComment] = createSignal('');
  const [errors, setErrors] = createSignal<SummaryError[] | null>(null);
  const [commentError, setCommentError] = createSignal<string | undefined>();
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<string | null>(null);

  const fail = (list: SummaryError[] | null, forComment?: string) => {
    setCommentError(forComment);
    setErrors(list);
  };

  const act = async (action: 'accept' | 'return') => {
    fail(null);
    if (action === 'return' && !comment().trim()) return fail([{ field: 'comment', message: NEED_COMMENT }], NEED_COMMENT);
    const cur = opts.current();
    if (!cur) return;
    const [periodId, agencyId] = opts.key();
    setBusy(true);
    try {
      const answer = action === 'accept' ? await acceptReturn(periodId, agencyId, cur.etag) : await sendBackReturn(periodId, agencyId, comment().trim(), cur.etag);
      afterReturnWrite(answer, opts.mutate);
      setComment('');
      setDone(
        action === 'accept'
          ? `You accepted the return from ${opts.agencyName()}. It is now locked.`
          : `You sent the return back to ${opts.agencyName()} with your comments. They can now change it and submit it again.`,
      );
      queueMicrotask(() => document.getElementById('review-done')?.focus());
    } catch (e) {
      if (e instanceof ApiError && (e.status === 412 || e.status === 409)) {
        fail([{ message: `${e.status === 412 ? 'The return changed while you were reading it.' : e.detail} Reload the page to see the latest version.` }]);
        void opts.refetch();
      } else if (e instanceof ApiError && e.errors.length) {
        fail(
          e.errors.map((x) => ({ field: 'comment', message: x.message })),
          e.errors[0]!.message,
        );
      } else {
        fail([{ message: problemMessage(e, 'That did not work. Check your connection and try again.') }]);
      }
    } finally {
      setBusy(false);
    }
  };

  return { comment, setComment, errors, commentError, busy, done, act };
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
