import type { ReturnView } from '../../api/returns.js';
import { formatDateTime } from '../../components/format.js';
import { Multiline } from '../../components/multiline.js';

type ReviewComment = ReturnView['review']['comments'][number];

/**
 * A comment on a return (the lead's, or a certifier's at the agency), with who wrote it (their
 * name) and when. `fallback` names the writer when the comment has no name: the lead's by default.
 */
export function ReviewCommentQuote(props: { comment: ReviewComment; fallback?: string }) {
  return (
    <blockquote class="app-ret-comment">
      <Multiline text={props.comment.comment} />
      <footer class="app-secondary-text">
        {props.comment.byName ?? props.fallback ?? 'The programme lead'}, {formatDateTime(props.comment.at)}
      </footer>
    </blockquote>
  );
}
