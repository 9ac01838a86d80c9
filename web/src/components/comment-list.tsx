import { For, type JSX, Show } from 'solid-js';
import './comment-list.css';

/**
 * Comments on a record under their heading, in the order given, each as `children` shows it (a
 * CommentQuote with who wrote it and when). Nothing at all, not even the heading, when there are none.
 */
export function CommentList<T>(props: { title: string; comments: readonly T[]; children: (comment: T) => JSX.Element }) {
  return (
    <Show when={props.comments.length > 0}>
      <h2 class="govuk-heading-m">{props.title}</h2>
      <ul class="govuk-list app-comment-list">
        <For each={props.comments}>{(c) => <li>{props.children(c)}</li>}</For>
      </ul>
    </Show>
  );
}
