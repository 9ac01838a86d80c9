import type { ReturnView } from '../../api/returns.js';
import { formatDateTime } from '../../components/format.js';
import { Multiline } from '../../components/multiline.js';

type ReviewComment = ReturnView['review']['comments'][number];

/** The lead's comment on a return, with who wrote it (their name) and when. */
export function ReviewCommentQuote(props: { comment: ReviewComment }) {
  return (
    <blockquote class="app-ret-comment">
      <Multiline text={props.comment.comment} />
      <footer class="app-secondary-text">
        {props.comment.byName ?? 'The programme lead'}, {formatDateTime(props.comment.at)}
      </footer>
    </blockquote>
  );
}
