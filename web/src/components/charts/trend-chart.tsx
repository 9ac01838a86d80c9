import { For, Show } from 'solid-js';

export interface TrendPoint {
  /** x-axis label, e.g. "2026-27 Q1". */
  label: string;
  /** Index into `levels` (0 = best, drawn at the top), or null when there is no value. */
  level: number | null;
  /** Not final yet (e.g. a rating from returns not all accepted): drawn hollow, with a dashed ring. Callers say so in `description` too. */
  provisional?: boolean;
}

export interface TrendChartProps {
  /** Unique on the page: used for the title and description ids. */
  id: string;
  title: string;
  /** Plain-English summary of every value, read by screen readers instead of the drawing. */
  description: string;
  /** Level names, best first (top of the chart). */
  levels: readonly string[];
  /** Class suffix per level for the point colour, same order as `levels`. */
  levelClasses?: readonly string[];
  points: TrendPoint[];
}

const W = 420;
const LEFT = 116;
const RIGHT = 16;
const TOP = 12;
const ROW = 26;

/**
 * A step chart of an ordinal level over time (e.g. delivery confidence per quarter). Accessible as a
 * single image: role="img" named by its <title> and described by its <desc>; callers also show the
 * same numbers in a table. Gaps (no value) break the line rather than inventing one. Provisional
 * points are hollow (a different marker, not only a different colour).
 */
export function TrendChart(props: TrendChartProps) {
  const height = () => TOP + ROW * (props.levels.length - 1) + 40;
  const bottom = () => TOP + ROW * (props.levels.length - 1);
  const x = (i: number) => {
    const n = props.points.length;
    return n <= 1 ? LEFT + (W - LEFT - RIGHT) / 2 : LEFT + (i * (W - LEFT - RIGHT)) / (n - 1);
  };
  const y = (level: number) => TOP + level * ROW;
  /** Step path: horizontal to the next quarter, then vertical to its level; a gap starts a new run. */
  const path = () => {
    let d = '';
    let prev: { x: number; y: number } | null = null;
    props.points.forEach((p, i) => {
      if (p.level === null) {
        prev = null;
        return;
      }
      const px = x(i);
      const py = y(p.level);
      if (!prev) d += `M${px} ${py}`;
      else d += ` H${px} V${py}`;
      prev = { x: px, y: py };
    });
    return d;
  };
  return (
    // role="img": its title and description say it all; the drawing inside is presentational.
    <svg class="app-trend-chart" viewBox={`0 0 ${W} ${height()}`} role="img" aria-labelledby={`${props.id}-title ${props.id}-desc`}>
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      <g class="app-trend-chart__grid">
        <For each={props.levels}>
          {(name, i) => (
            <>
              <line class="app-trend-chart__gridline" x1={LEFT} x2={W - RIGHT} y1={y(i())} y2={y(i())} />
              <text class="app-trend-chart__level" x={LEFT - 8} y={y(i()) + 4} text-anchor="end">
                {name}
              </text>
            </>
          )}
        </For>
        <For each={props.points}>
          {(p, i) => (
            <text class="app-trend-chart__period" x={x(i())} y={bottom() + 28} text-anchor="middle">
              {p.label}
            </text>
          )}
        </For>
      </g>
      <path class="app-trend-chart__line" d={path()} />
      <g>
        <For each={props.points}>
          {(p, i) => (
            <Show when={p.level !== null}>
              <circle
                class={`app-trend-chart__point ${p.provisional ? 'app-trend-chart__point--provisional' : (props.levelClasses?.[p.level!] ?? '')}`}
                cx={x(i())}
                cy={y(p.level!)}
                r={p.provisional ? '7' : '6'}
              />
            </Show>
          )}
        </For>
      </g>
    </svg>
  );
}
