import { For, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { formatMeasure, formatPoint, targetWords } from '../../../shared/measures/rules.js';
import {
  type Direction,
  type IndicatorSeries,
  MEASURE_RAG_LABELS,
  MEASURE_RAG_MEANINGS,
  MEASURE_RAGS,
  type MeasurePoint,
  type MeasureRag,
  type Unit,
} from '../../../shared/measures/schema.js';
import { periodLabel } from '../../../shared/periods/period.js';
import { Tag, type TagColour } from './tag.js';
import './measure-figures.css';

/*
 * The words and table cells an outcome measure is read in: the rating against target (RAG tag) and
 * its key, the latest value, a change, the target. The measures pages, the tracker and the board
 * report use these, so they say them alike. The trend chart is in charts/measure-trend.tsx; an
 * indicator's card, with its values by quarter and what the lead set for it, in measures/.
 */

/** What the figures of an indicator's series need (IndicatorSeries in shared/measures). */
type SeriesFigures = Pick<
  IndicatorSeries,
  'unit' | 'direction' | 'target' | 'targetMax' | 'baseline' | 'frequency' | 'points' | 'latest' | 'changeSinceLast' | 'changeSinceBaseline' | 'rag'
>;

const RAG_COLOURS: Record<MeasureRag, TagColour> = { green: 'green', amber: 'yellow', red: 'red' };

/** Against target, in words: "On target", "Near target", "Off target", or why there is no rating. */
export function MeasureRagTag(props: { rag: MeasureRag | null; target: number | null; latest: Pick<MeasurePoint, 'value' | 'belowThreshold'> | null }) {
  const none = () => {
    if (props.target === null) return 'No target set';
    if (!props.latest) return 'No value yet';
    return props.latest.belowThreshold ? 'Not rated' : 'No value this quarter';
  };
  return (
    <Show when={props.rag} fallback={<span class="app-measure-rag-none">{none()}</span>}>
      {(rag) => <Tag colour={RAG_COLOURS[rag()]}>{MEASURE_RAG_LABELS[rag()]}</Tag>}
    </Show>
  );
}

/** A point's "fewer than N" as far as these words need it. */
type Suppressible = Pick<MeasurePoint, 'belowThreshold'> & { threshold?: number | null | undefined };

/**
 * The N of each "fewer than N" among `points`, smallest first: each as it was recorded (the
 * threshold then), else `threshold` (the partnership's now); `threshold` alone when none is.
 */
export function suppressedThresholds(points: readonly (Suppressible | null)[], threshold: number): number[] {
  const ns = new Set(points.flatMap((p) => (p?.belowThreshold ? [p.threshold ?? threshold] : [])));
  return ns.size ? [...ns].sort((a, b) => a - b) : [threshold];
}

/** The latest values that read "Not rated" ({@link MeasureRagTag}): "fewer than N" against a target, not rated. For {@link MeasureRagKey}'s `latest`. */
export const notRatedLatest = (inds: readonly Pick<SeriesFigures, 'rag' | 'target' | 'latest'>[]) =>
  inds.flatMap((i) => (i.rag === null && i.target !== null && i.latest?.belowThreshold ? [i.latest] : []));

/** "fewer than 5", or "fewer than 3" or "fewer than 5" when values were recorded under different thresholds. */
const fewerThanWords = (ns: readonly number[]) => ns.map((n) => `"fewer than ${n}"`).join(' or ');

/**
 * The key to the three ratings against target, shown wherever they are. `latest`: the latest
 * values not rated of the indicators it is the key for ({@link notRatedLatest}), so "Not rated"
 * names the "fewer than N" they were recorded as (without it, or when there are none, the
 * partnership's threshold now).
 */
export function MeasureRagKey(props: { id?: string; threshold: number; headingLevel?: 2 | 3; latest?: readonly (Suppressible | null)[] }) {
  const id = () => props.id ?? 'measure-rag-key';
  const fewer = () => fewerThanWords(suppressedThresholds(props.latest ?? [], props.threshold));
  return (
    <section class="app-rag-key" aria-labelledby={id()}>
      <Dynamic component={`h${props.headingLevel ?? 2}`} class="govuk-heading-s" id={id()}>
        Key: against target
      </Dynamic>
      <dl class="app-rag-key__list">
        <For each={MEASURE_RAGS}>
          {(rag) => (
            <div class="app-rag-key__item">
              <dt class="app-rag-key__term">
                <Tag colour={RAG_COLOURS[rag]}>{MEASURE_RAG_LABELS[rag]}</Tag>
              </dt>
              <dd class="app-rag-key__meaning">{MEASURE_RAG_MEANINGS[rag]}</dd>
            </div>
          )}
        </For>
        <div class="app-rag-key__item">
          <dt class="app-rag-key__term">Not rated</dt>
          <dd class="app-rag-key__meaning">The latest value is {fewer()} and that could be on either side of the target, so it is not rated.</dd>
        </div>
      </dl>
    </section>
  );
}

/**
 * A change as people read it: "Up 12 (worse)", "Down 2.5 percentage points (worse)", "No change";
 * null when there are not two numbers to compare. Better or worse follows which way is better.
 */
export function changeWords(unit: Unit, direction: Direction, change: number | null): string | null {
  if (change === null) return null;
  if (change === 0) return 'No change';
  const size = Math.abs(change);
  const amount = unit === 'percentage' ? `${formatMeasure('count', size)} percentage ${size === 1 ? 'point' : 'points'}` : formatMeasure(unit, size);
  const better = direction === 'range' ? '' : change > 0 === (direction === 'higher') ? ' (better)' : ' (worse)';
  return `${change > 0 ? 'Up' : 'Down'} ${amount}${better}`;
}

/** "Final" or "Provisional": whether the return a value came in has been accepted. */
export const pointStateWords = (p: Pick<MeasurePoint, 'state'>) => (p.state === 'accepted' ? 'Final' : 'Provisional');

/** The latest value, its quarter, and whether it is provisional. */
export function LatestValue(props: { ind: SeriesFigures; threshold: number }) {
  return (
    <Show when={props.ind.latest} fallback={<span class="app-measure-muted">No values reported yet</span>}>
      {(p) => (
        <>
          <span class="app-measure-figure">{formatPoint(props.ind.unit, p(), props.threshold)}</span>
          <span class="app-measure-note">
            {periodLabel(p().periodId)}
            {p().state === 'provisional' ? ', provisional (submitted, not yet accepted)' : ''}
          </span>
        </>
      )}
    </Show>
  );
}

/** A change since the value before (`last`) or the baseline, in words, or why there is none. */
export function ChangeSince(props: { ind: SeriesFigures; since: 'last' | 'baseline' }) {
  const change = () => (props.since === 'last' ? props.ind.changeSinceLast : props.ind.changeSinceBaseline);
  const none = () => {
    if (props.since === 'baseline' && !props.ind.baseline) return 'No baseline set';
    if (!props.ind.latest) return 'No values reported yet';
    if (props.ind.latest.belowThreshold) return 'Not given: the value is too small to show';
    if (props.ind.latest.value === null) return 'Not available';
    return props.since === 'last' && props.ind.points.length < 2 ? 'No earlier value' : 'Not available';
  };
  return (
    <Show when={changeWords(props.ind.unit, props.ind.direction, change())} fallback={<span class="app-measure-muted">{none()}</span>}>
      {(w) => (
        <>
          {w()}
          <Show when={props.since === 'last' && props.ind.frequency === 'annually'}>
            <span class="app-measure-note">Reported once a year: against the year before</span>
          </Show>
        </>
      )}
    </Show>
  );
}

/** The rating against target, and the target itself under it. */
export function AgainstTarget(props: { ind: SeriesFigures }) {
  return (
    <>
      <MeasureRagTag rag={props.ind.rag} target={props.ind.target} latest={props.ind.latest} />
      <Show when={targetWords(props.ind)}>{(t) => <span class="app-measure-note">Target: {t()}</span>}</Show>
    </>
  );
}
