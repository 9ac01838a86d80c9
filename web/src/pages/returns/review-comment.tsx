import type { ReturnView } from '../../api/returns.js';
import { CommentQuote } from '../../components/comment-quote.js';

type ReviewComment = ReturnView['review']['comments'][number];

/**
 * A comment on a return (the lead's, or a certifier's at the agency), with who wrote it (their
 * name) and when. `fallback` names the writer when the comment has no name: the lead's by default.
 */
export function ReviewCommentQuote(props: { comment: ReviewComment; fallback?: string }) {
  return <CommentQuote class="app-ret-comment" text={props.comment.comment} by={props.comment.byName ?? props.fallback ?? 'The programme lead'} at={props.comment.at} />;
}
