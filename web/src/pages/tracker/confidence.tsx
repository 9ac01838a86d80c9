import { For, Show } from 'solid-js';
import { CONFIDENCE_LABELS, CONFIDENCE_MEANINGS } from '../../../../shared/returns/schema.js';
import { CONFIDENCE_SCALE, type CellState, type ConfidenceLevel } from '../../../../shared/tracker/compute.js';

export const confidenceLabel = (c: ConfidenceLevel | null | undefined) => (c ? CONFIDENCE_LABELS[c] : 'Not reported');

/** "Amber (submitted, not yet accepted)": the words carry the state; the dashed outline repeats it. */
export function confidenceText(c: ConfidenceLevel | null, state: CellState): string {
  if (!c || state === 'not-reported') return 'Not reported';
  return state === 'submitted' ? `${CONFIDENCE_LABELS[c]} (submitted, not yet accepted)` : CONFIDENCE_LABELS[c];
}

/** A delivery confidence rating as a tag. Provisional ratings (submitted, not accepted) are dashed. */
export function ConfidenceTag(props: { confidence: ConfidenceLevel | null; provisional?: boolean }) {
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

/** The five-level key with meanings: shown wherever ratings are shown (councillors asked for it). */
export function ConfidenceKey(props: { id?: string }) {
  return (
    <section class="app-rag-key" aria-labelledby={props.id ?? 'confidence-key'}>
      <h3 class="govuk-heading-s" id={props.id ?? 'confidence-key'}>
        Key: delivery confidence
      </h3>
      <dl class="app-rag-key__list">
        <For each={CONFIDENCE_SCALE}>
          {(c) => (
            <div class="app-rag-key__item">
              <dt class="app-rag-key__term">
                <ConfidenceTag confidence={c} />
              </dt>
              <dd class="app-rag-key__meaning">{CONFIDENCE_MEANINGS[c]}</dd>
            </div>
          )}
        </For>
        <div class="app-rag-key__item">
          <dt class="app-rag-key__term">
            <span class="app-rag app-rag--amber app-rag--provisional">Dashed outline</span>
          </dt>
          <dd class="app-rag-key__meaning">Submitted by the agency but not yet accepted by the programme lead: provisional.</dd>
        </div>
        <div class="app-rag-key__item">
          <dt class="app-rag-key__term">
            <span class="app-rag app-rag--none">Not reported</span>
          </dt>
          <dd class="app-rag-key__meaning">No return submitted for this period yet.</dd>
        </div>
      </dl>
    </section>
  );
}
