import { For, Show } from 'solid-js';
import type { MeasurePoint } from '../../../../shared/measures/schema.js';
import { suppressedThresholds } from '../measure-figures.js';
import './measure-trend.css';

/**
 * What the marks of ./measure-trend.tsx mean, in words (only the marks a chart, or a set of charts, uses).
 * `points`: the points the charts show, so each "<N" they write is explained with the N it was
 * recorded under (without them, the partnership's threshold now).
 */
export function MeasureTrendLegend(props: {
  provisional: boolean;
  suppressed: boolean;
  target: boolean;
  range?: boolean;
  threshold: number;
  points?: readonly Pick<MeasurePoint, 'belowThreshold' | 'threshold'>[];
}) {
  const thresholds = () => suppressedThresholds(props.points ?? [], props.threshold);
  return (
    <ul class="app-measure-legend">
      <li>
        <svg class="app-measure-legend__mark" viewBox="0 0 20 20" aria-hidden="true">
          <circle class="app-measure-trend__point" cx="10" cy="10" r="5.5" />
        </svg>
        Final value (the return was accepted)
      </li>
      <Show when={props.provisional}>
        <li>
          <svg class="app-measure-legend__mark" viewBox="0 0 20 20" aria-hidden="true">
            <path class="app-measure-trend__point app-measure-trend__point--provisional" d="M10 3 L17 10 L10 17 L3 10 Z" />
          </svg>
          Provisional value (submitted, not yet accepted)
        </li>
      </Show>
      <Show when={props.target}>
        <li>
          <svg class="app-measure-legend__mark" viewBox="0 0 20 20" aria-hidden="true">
            <line class="app-measure-trend__target" x1="0" x2="20" y1="10" y2="10" />
          </svg>
          {props.range ? 'Target range (between the dashed lines)' : 'Target'}
        </li>
      </Show>
      <Show when={props.suppressed}>
        <For each={thresholds()}>
          {(n) => (
            <li>
              <span class="app-measure-legend__text" aria-hidden="true">
                {`<${n}`}
              </span>
              Fewer than {n}: not shown as a number, so no child can be identified
              {thresholds().length > 1 ? ` (recorded when the small-number threshold was ${n})` : ''}
            </li>
          )}
        </For>
      </Show>
    </ul>
  );
}
