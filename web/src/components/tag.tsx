import { For, Show, type JSX } from 'solid-js';
import { CONFIDENCE_LABELS, CONFIDENCE_LEVELS, CONFIDENCE_MEANINGS, type Confidence } from '../../../shared/returns/schema.js';
import './tag.css';

/*
 * The kit's tags. `Tag` is the GOV.UK tag in one of its colours; `StatusTag` shows a status by a
 * label and colour table (the words carry the meaning, colour only repeats it). `ConfidenceTag`
 * and `ConfidenceKey` are the five-level delivery confidence rating and its key, shown wherever
 * ratings are (same classes and words as the tracker's, so its owner can switch to these).
 */

export type TagColour = 'grey' | 'green' | 'turquoise' | 'blue' | 'light-blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

export function Tag(props: { colour?: TagColour | undefined; children: JSX.Element }) {
  return <strong class={props.colour ? `govuk-tag govuk-tag--${props.colour}` : 'govuk-tag'}>{props.children}</strong>;
}

/** A status as a tag, from the feature's tables of labels and colours. */
export function StatusTag<S extends string>(props: { status: S; labels: Record<S, string>; colours: Partial<Record<S, TagColour>> }) {
  return <Tag colour={props.colours[props.status]}>{props.labels[props.status]}</Tag>;
}

export const confidenceLabel = (c: Confidence | null | undefined) => (c ? CONFIDENCE_LABELS[c] : 'Not reported');

/** A delivery confidence rating as a tag. Provisional ratings (submitted, not accepted) are dashed. */
export function ConfidenceTag(props: { confidence: Confidence | null | undefined; provisional?: boolean }) {
  return (
    <Show when={props.confidence} fallback={<span class="app-rag app-rag--none">Not reported</span>}>
      {(c) => (
        <span class={`app-rag app-rag--${c()}`} classList={{ 'app-rag--provisional': Boolean(props.provisional) }}>
          {CONFIDENCE_LABELS[c()]}
        </span>
      )}
    </Show>
  );
}

/** The five-level key with meanings, shown wherever ratings are shown (councillors asked for it). */
export function ConfidenceKey(props: { id?: string; provisional?: boolean }) {
  const id = () => props.id ?? 'confidence-key';
  return (
    <section class="app-rag-key" aria-labelledby={id()}>
      <h3 class="govuk-heading-s" id={id()}>
        Key: delivery confidence
      </h3>
      <dl class="app-rag-key__list">
        <For each={CONFIDENCE_LEVELS}>{(c) => <KeyItem term={<ConfidenceTag confidence={c} />} meaning={CONFIDENCE_MEANINGS[c]} />}</For>
        <Show when={props.provisional !== false}>
          <KeyItem term={<span class="app-rag app-rag--amber app-rag--provisional">Dashed outline</span>} meaning="Submitted by the agency but not yet accepted by the programme lead: provisional." />
        </Show>
        <KeyItem term={<ConfidenceTag confidence={null} />} meaning="No return submitted for this period yet." />
      </dl>
    </section>
  );
}

function KeyItem(props: { term: JSX.Element; meaning: string }) {
  return (
    <div class="app-rag-key__item">
      <dt class="app-rag-key__term">{props.term}</dt>
      <dd class="app-rag-key__meaning">{props.meaning}</dd>
    </div>
  );
}
