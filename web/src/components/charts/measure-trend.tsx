import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { formatMeasure, formatPoint, targetWords } from '../../../../shared/measures/rules.js';
import type { Direction, MeasurePoint, Unit } from '../../../../shared/measures/schema.js';
import { parsePeriodId, periodLabel } from '../../../../shared/periods/period.js';
import './measure-trend.css';

/*
 * An outcome indicator's values over time as an accessible SVG line (role="img", named by its
 * title alone, so its name stays short, and described by every value in words), with its target
 * line or range. Final values are filled circles, provisional ones (submitted, not yet accepted)
 * hollow diamonds, and a count "fewer than N" is written as "<N" (the N it was recorded under) at
 * the foot of the chart, never drawn as a number. Callers also show the numbers in a table, and
 * what the marks mean (./measure-trend-legend.tsx). The words and table cells a measure is read in
 * (the RAG tag and its key, the latest value, a change, the target) are in ../measure-figures.tsx.
 */

type Rated = { direction: Direction; target: number | null; targetMax: number | null };

/** Every value in words, for the chart's description. */
function describe(props: TrendProps): string {
  const values = props.points.map(
    (p) => `${periodLabel(p.periodId)}: ${formatPoint(props.unit, p, props.threshold)}${p.state === 'provisional' ? ' (provisional: submitted, not yet accepted)' : ''}`,
  );
  const target = targetWords(props);
  return `${values.length ? `${values.join('; ')}.` : 'No values reported yet.'} ${target ? `Target: ${target}.` : 'No target set.'}`;
}

export interface TrendProps extends Rated {
  /** Unique on the page: names the title and description. */
  id: string;
  /** What the chart shows, e.g. "Children in care by quarter". */
  title: string;
  unit: Unit;
  /** The partnership's small-number threshold now: a "fewer than N" point recorded without its N reads with it. */
  threshold: number;
  /** Oldest first. */
  points: readonly MeasurePoint[];
  /** A small chart for a table cell: no axes or labels, only the line, its points and the target. */
  compact?: boolean;
}

const TOP = 12;
const nice = (x: number) => {
  const exp = 10 ** Math.floor(Math.log10(x));
  const f = x / exp;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * exp;
};

/** The value axis: from a little under the lowest value (or target) to a little over the highest, in round steps. */
function scaleOf(values: number[], unit: Unit) {
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  if (lo === hi) {
    const d = Math.max(1, Math.abs(lo) * 0.1);
    lo -= d;
    hi += d;
  }
  const pad = (hi - lo) * 0.1;
  const floor = values.every((v) => v >= 0) ? 0 : -Infinity;
  lo = Math.max(floor, lo - pad);
  hi += pad;
  const step = unit === 'count' ? Math.max(1, nice((hi - lo) / 4)) : nice((hi - lo) / 4);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let i = 0; lo + i * step <= hi + step / 1000; i++) ticks.push(Number((lo + i * step).toPrecision(12)));
  return { lo, hi, ticks };
}

export function MeasureTrend(props: TrendProps) {
  let box!: HTMLDivElement;
  // Drawn at the width it is shown at, so its words stay the size of the page's.
  const [width, setWidth] = createSignal(props.compact ? 200 : 560);
  onMount(() => {
    // A small chart in a table cell keeps its size: the cell is as wide as what is in it.
    if (props.compact) return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry?.contentRect.width ?? 0);
      if (w > 0) setWidth(Math.max(260, Math.min(w, 760)));
    });
    observer.observe(box);
    onCleanup(() => observer.disconnect());
  });
  const g = createMemo(() => {
    const W = width();
    // A row under the plot for "fewer than N", so it is never read as a point near zero.
    const suppressed = props.points.some((p) => p.belowThreshold) ? (props.compact ? 14 : 22) : 0;
    const H = (props.compact ? 64 : 250) + suppressed;
    const numbers = props.points.flatMap((p) => (p.value !== null && !p.belowThreshold ? [p.value] : []));
    const s = scaleOf([...numbers, ...[props.target, props.targetMax].filter((v): v is number => v !== null)], props.unit);
    const left = props.compact ? 8 : 14 + 8 * Math.max(...s.ticks.map((t) => formatMeasure(props.unit, t).length));
    const right = props.compact ? 8 : 24;
    const bottom = (props.compact ? H - 8 : H - 46) - suppressed;
    // Along the axis by quarter, so a quarter without a return leaves its space.
    const ord = props.points.map((p) => {
      const { year, quarter } = parsePeriodId(p.periodId);
      return year * 4 + quarter;
    });
    const first = ord[0] ?? 0;
    const span = (ord.at(-1) ?? first) - first;
    const x = (i: number) => (span === 0 ? (left + W - right) / 2 : left + (((ord[i] ?? first) - first) * (W - left - right)) / span);
    const y = (v: number) => bottom - ((v - s.lo) / (s.hi - s.lo)) * (bottom - TOP);
    // Quarter labels far enough apart to read (always the latest); the year under the first of each.
    const shown: number[] = [];
    props.points.forEach((_, i) => {
      if (shown.length === 0 || x(i) - x(shown.at(-1)!) >= 40) shown.push(i);
      else if (i === props.points.length - 1) shown[shown.length - 1] = i;
    });
    const labels = shown.map((i, k) => {
      const id = props.points[i]!.periodId;
      const year = periodLabel(id).slice(0, 7);
      const before = k > 0 ? periodLabel(props.points[shown[k - 1]!]!.periodId).slice(0, 7) : null;
      return { x: x(i), quarter: periodLabel(id).slice(8), year: year === before ? null : year };
    });
    return { W, H, s, left, right, bottom, x, y, labels };
  });
  /** The line through the numbers, broken where a quarter has none (or only "fewer than N"). */
  const path = () => {
    let d = '';
    let open = false;
    props.points.forEach((p, i) => {
      if (p.value === null || p.belowThreshold) {
        open = false;
        return;
      }
      d += `${open ? ' L' : 'M'}${g().x(i).toFixed(1)} ${g().y(p.value).toFixed(1)}`;
      open = true;
    });
    return d;
  };
  const diamond = (cx: number, cy: number, r: number) => `M${cx} ${cy - r} L${cx + r} ${cy} L${cx} ${cy + r} L${cx - r} ${cy} Z`;
  return (
    <div class="app-measure-trend" classList={{ 'app-measure-trend--compact': !!props.compact }} ref={box}>
      <svg
        class="app-measure-trend__svg"
        viewBox={`0 0 ${g().W} ${g().H}`}
        width={g().W}
        height={g().H}
        role="img"
        aria-labelledby={`${props.id}-title`}
        aria-describedby={`${props.id}-desc`}
      >
        <title id={`${props.id}-title`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{describe(props)}</desc>
        <Show when={!props.compact}>
          <For each={g().s.ticks}>
            {(t) => (
              <>
                <line class="app-measure-trend__grid" x1={g().left} x2={g().W - g().right} y1={g().y(t)} y2={g().y(t)} />
                <text class="app-measure-trend__label" x={g().left - 8} y={g().y(t) + 5} text-anchor="end">
                  {formatMeasure(props.unit, t)}
                </text>
              </>
            )}
          </For>
          <For each={g().labels}>
            {(l) => (
              <>
                <text class="app-measure-trend__label" x={l.x} y={g().H - 26} text-anchor="middle">
                  {l.quarter}
                </text>
                <Show when={l.year}>
                  <text class="app-measure-trend__label app-measure-trend__label--year" x={l.x} y={g().H - 8} text-anchor="middle">
                    {l.year}
                  </text>
                </Show>
              </>
            )}
          </For>
        </Show>
        <Show when={props.target !== null}>
          <Show
            when={props.direction === 'range' && props.targetMax !== null}
            fallback={<line class="app-measure-trend__target" x1={g().left} x2={g().W - g().right} y1={g().y(props.target!)} y2={g().y(props.target!)} />}
          >
            <rect
              class="app-measure-trend__band"
              x={g().left}
              width={g().W - g().left - g().right}
              y={g().y(props.targetMax!)}
              height={Math.max(1, g().y(props.target!) - g().y(props.targetMax!))}
            />
            <line class="app-measure-trend__target" x1={g().left} x2={g().W - g().right} y1={g().y(props.target!)} y2={g().y(props.target!)} />
            <line class="app-measure-trend__target" x1={g().left} x2={g().W - g().right} y1={g().y(props.targetMax!)} y2={g().y(props.targetMax!)} />
          </Show>
        </Show>
        <path class="app-measure-trend__line" d={path()} />
        <For each={props.points}>
          {(p, i) => (
            <Show
              when={p.value !== null && !p.belowThreshold}
              fallback={
                <Show when={p.belowThreshold}>
                  <text class="app-measure-trend__suppressed" x={g().x(i())} y={g().bottom + (props.compact ? 13 : 18)} text-anchor="middle">
                    {`<${p.threshold ?? props.threshold}`}
                  </text>
                </Show>
              }
            >
              <Show when={p.state === 'provisional'} fallback={<circle class="app-measure-trend__point" cx={g().x(i())} cy={g().y(p.value!)} r={props.compact ? 3.5 : 5.5} />}>
                <path class="app-measure-trend__point app-measure-trend__point--provisional" d={diamond(g().x(i()), g().y(p.value!), props.compact ? 4.5 : 7)} />
              </Show>
            </Show>
          )}
        </For>
      </svg>
    </div>
  );
}
