import { createMemo, For, Show, type JSX } from 'solid-js';
import { describeDiff, diffDocuments, type DocumentChange, type DocumentDiff, type DocumentPart } from '../../../shared/threshold/diff.js';
import { Details } from './details.js';
import { Loading } from './loading.js';
import { StatusTag, type TagColour } from './tag.js';
import './document-changes.css';

/*
 * The kit's view of what changed between two versions of a markdown document, part by part
 * (headings, paragraphs, list items), as shared/threshold/diff.ts compares them. Each change is
 * named in words ("Changed", "Added", "Removed" tags; "removed:"/"added:" before struck
 * or underlined words for screen readers), never by colour alone.
 */

const CHANGE_LABELS: Record<DocumentChange['kind'], string> = { changed: 'Changed', added: 'Added', removed: 'Removed' };
const CHANGE_COLOURS: Record<DocumentChange['kind'], TagColour> = { changed: 'blue', added: 'green', removed: 'red' };

const WHAT: Record<DocumentPart['kind'], string> = { heading: 'heading', paragraph: 'paragraph', item: 'list item' };

function Where(props: { change: DocumentChange }) {
  const kind = () => (props.change.kind === 'changed' ? props.change.after.kind : props.change.part.kind);
  return (
    <p class="govuk-body-s app-diff__where">
      <StatusTag status={props.change.kind} labels={CHANGE_LABELS} colours={CHANGE_COLOURS} /> {WHAT[kind()]}
      <Show when={props.change.section}>{(s) => <> under “{s()}”</>}</Show>
    </p>
  );
}

function Marked(props: { change: 'added' | 'removed'; children: JSX.Element }) {
  const hidden = <span class="govuk-visually-hidden">{props.change === 'added' ? 'added: ' : 'removed: '}</span>;
  return props.change === 'added' ? (
    <ins class="app-diff__ins">
      {hidden}
      {props.children}
    </ins>
  ) : (
    <del class="app-diff__del">
      {hidden}
      {props.children}
    </del>
  );
}

function Change(props: { change: DocumentChange }) {
  return (
    <li class="app-diff__change">
      <Where change={props.change} />
      <p class="govuk-body app-diff__text">
        {props.change.kind === 'changed' ? (
          <For each={props.change.words}>{(w) => (w.change === 'same' ? w.text : <Marked change={w.change}>{w.text}</Marked>)}</For>
        ) : (
          <Marked change={props.change.kind}>{props.change.part.text}</Marked>
        )}
      </p>
    </li>
  );
}

function ChangeList(props: { changes: DocumentChange[]; fromLabel: string }) {
  return (
    <ol class="app-diff__list" aria-label={`Changes from ${props.fromLabel}`}>
      <For each={props.changes}>{(c) => <Change change={c} />}</For>
    </ol>
  );
}

/** A rewrite: more changes than parts kept, or too many to read one by one; the list is folded away. */
const mostlyNew = (d: DocumentDiff) => d.changes.length > 20 || d.changes.length > d.unchanged;

/**
 * `before` is the previous version's markdown; null when there is none to compare (a PDF), with
 * `unavailable` saying why. The heading is an h2 with `id`, so pages can link to it.
 */
export function DocumentChanges(props: { id: string; fromLabel: string; before: string | null; after: string | null; unavailable?: string; loading?: boolean }) {
  const diff = createMemo(() => (props.before !== null && props.after !== null ? diffDocuments(props.before, props.after) : null));
  return (
    <section class="app-diff" aria-labelledby={`${props.id}-heading`} id={props.id}>
      <h2 class="govuk-heading-m" id={`${props.id}-heading`}>
        What changed from {props.fromLabel}
      </h2>
      <Show
        when={diff()}
        fallback={props.loading ? <Loading label="Comparing the two versions…" /> : <p class="govuk-body">{props.unavailable ?? 'The changes cannot be shown.'}</p>}
      >
        {(d) => (
          <>
            <p class="govuk-body" data-testid="diff-summary">
              {d().changes.length ? describeDiff(d()) : `The text is the same as ${props.fromLabel}.`}
            </p>
            <Show when={d().changes.length}>
              <Show when={mostlyNew(d())} fallback={<ChangeList changes={d().changes} fromLabel={props.fromLabel} />}>
                <p class="govuk-body">Most of the text is new since {props.fromLabel}, so read the whole document rather than the changes.</p>
                <Details summary={`Show all ${d().changes.length} changes`}>
                  <ChangeList changes={d().changes} fromLabel={props.fromLabel} />
                </Details>
              </Show>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
