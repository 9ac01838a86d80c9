import { For, Show, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { CONFIDENCE_LABELS, CONFIDENCE_LEVELS, CONFIDENCE_MEANINGS, RETURN_STATUS_LABELS, type Confidence, type ReturnStatus } from '../../../shared/returns/schema.js';
import { jumpTo } from './jump-to.js';
import './tag.css';

/*
 * The kit's tags. `Tag` is the GOV.UK tag in one of its colours; `StatusTag` shows a status by a
 * label and colour table (the words carry the meaning, colour only repeats it); `ReturnStatusTag`
 * is a quarterly return's, the same on every page, and `OverdueTag` follows a date. `ConfidenceTag`
 * and `ConfidenceKey` are the five-level delivery confidence rating and its key, shown wherever
 * ratings are; `ConfidenceKeyLine` is the key in one line for a first screen, linking to the full
 * key, and `ProvisionalMark` says "Provisional" beside a rating that may still change.
 */

export type TagColour = 'grey' | 'green' | 'turquoise' | 'blue' | 'light-blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

export function Tag(props: { colour?: TagColour | undefined; id?: string; children: JSX.Element }) {
  return (
    <strong class={props.colour ? `govuk-tag govuk-tag--${props.colour}` : 'govuk-tag'} id={props.id}>
      {props.children}
    </strong>
  );
}

/**
 * A status as a tag, from the feature's tables of labels and colours. Statuses in `plain` are
 * words without a tag (a GOV.UK task list shows "Completed" so). `id` lets a link be described by it.
 */
export function StatusTag<S extends string>(props: { status: S; labels: Record<S, string>; colours: Partial<Record<S, TagColour>>; plain?: readonly S[]; id?: string }) {
  return (
    <Show
      when={!props.plain?.includes(props.status)}
      fallback={
        <span class="app-tag-plain" id={props.id}>
          {props.labels[props.status]}
        </span>
      }
    >
      <Tag colour={props.colours[props.status]} id={props.id}>
        {props.labels[props.status]}
      </Tag>
    </Show>
  );
}

const RETURN_STATUS_COLOURS: Record<ReturnStatus, TagColour> = {
  'not-started': 'grey',
  draft: 'yellow',
  'awaiting-certification': 'purple',
  submitted: 'blue',
  returned: 'red',
  accepted: 'green',
};

/** Where a quarterly return stands, in the same words and colours wherever it is shown ("Reopened" for one the lead reopened after acceptance). */
export function ReturnStatusTag(props: { status: ReturnStatus; reopened?: boolean | undefined }) {
  return (
    <Show when={props.reopened && props.status !== 'accepted'} fallback={<StatusTag status={props.status} labels={RETURN_STATUS_LABELS} colours={RETURN_STATUS_COLOURS} />}>
      <Tag colour="orange">Reopened</Tag>
    </Show>
  );
}

export function OverdueTag(props: { when: boolean | undefined }) {
  return (
    <Show when={props.when}>
      {' '}
      <Tag colour="red">Overdue</Tag>
    </Show>
  );
}

/** A workstream or agency the lead has retired, where its history still shows (past trackers, trends). */
export function RetiredTag(props: { when: boolean | undefined }) {
  return (
    <Show when={props.when}>
      {' '}
      <Tag colour="grey">Retired</Tag>
    </Show>
  );
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

/** The word "Provisional" beside a rating the returns may still change (its tag is dashed): never colour or shape alone. */
export function ProvisionalMark(props: { when: boolean | undefined }) {
  return (
    <Show when={props.when}>
      {' '}
      <strong class="app-provisional">Provisional</strong>
    </Show>
  );
}

/**
 * The five-level key with meanings, shown wherever ratings are shown (councillors asked for it).
 * `headingLevel` fits the key into the page's headings (h3 unless told); `provisional={false}`
 * and `notReported={false}` leave out lines that cannot apply (a single return's key).
 */
export function ConfidenceKey(props: { id?: string; provisional?: boolean; notReported?: boolean; headingLevel?: 2 | 3 | 4 }) {
  const id = () => props.id ?? 'confidence-key';
  return (
    <section class="app-rag-key" aria-labelledby={id()}>
      <Dynamic component={`h${props.headingLevel ?? 3}`} class="govuk-heading-s" id={id()} tabindex="-1">
        Key: delivery confidence
      </Dynamic>
      <dl class="app-rag-key__list">
        <For each={CONFIDENCE_LEVELS}>{(c) => <KeyItem term={<ConfidenceTag confidence={c} />} meaning={CONFIDENCE_MEANINGS[c]} />}</For>
        <Show when={props.provisional !== false}>
          <KeyItem
            term={<span class="app-rag app-rag--amber app-rag--provisional">Dashed outline</span>}
            meaning="Provisional: from a return the agency has submitted but the programme lead has not yet accepted, or (overall) not yet resting on every contributing agency's accepted return. Said in words too."
          />
        </Show>
        <Show when={props.notReported !== false}>
          <KeyItem term={<ConfidenceTag confidence={null} />} meaning="No return submitted for this period yet." />
        </Show>
      </dl>
    </section>
  );
}

/** The key in one line, for a page's first screen: the levels best first, and a link to the full key (`ConfidenceKey` with id `keyId`). */
export function ConfidenceKeyLine(props: { keyId: string }) {
  return (
    <p class="govuk-body-s app-rag-key-line" data-testid="confidence-key-line">
      Delivery confidence runs{' '}
      <For each={CONFIDENCE_LEVELS}>
        {(c, i) => (
          <>
            {i() > 0 ? ', ' : ''}
            <ConfidenceTag confidence={c} />
          </>
        )}
      </For>{' '}
      (dashed: provisional).{' '}
      <a class="govuk-link" href={`#${props.keyId}`} onClick={(e) => jumpTo(e, props.keyId)}>
        What each rating means
      </a>
    </p>
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
