import { formatDateTime } from './format.js';
import { Multiline } from './multiline.js';
import './comment-quote.css';

/**
 * A comment someone wrote on a record (the lead's review, a certifier's request for changes), as
 * they typed it, with who wrote it and when. `class` adds the feature's own class.
 */
export function CommentQuote(props: { text: string; by: string; at: string; class?: string }) {
  return (
    <blockquote class={props.class ? `app-comment-quote ${props.class}` : 'app-comment-quote'}>
      <Multiline text={props.text} />
      <footer class="app-comment-quote__by">
        {props.by}, {formatDateTime(props.at)}
      </footer>
    </blockquote>
  );
}
