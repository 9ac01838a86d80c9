import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';

/*
 * The kit's data table: a GOV.UK table with its caption, inside a scrolling region keyboard users
 * can focus (role="region", labelled by the caption unless told otherwise), so a wide table
 * scrolls inside itself rather than widening the page. Columns say how to show a row; a column
 * with `sort` gets a button in its header and aria-sort, as the GOV.UK sortable table does.
 * The first column can be the row's header (`rowHeader`), read out with every cell of the row.
 * A column's header can be for screen readers only (`headerHidden`); its cells can carry their
 * own classes and attributes (`cellAttrs`) and cover the next columns (`span`, a colspan).
 */

export interface Column<T> {
  /** unique within the table; names the column in the sort state */
  key: string;
  header: string;
  cell: (row: T, index: number) => JSX.Element;
  /** makes the column sortable: compares two rows, ascending */
  sort?: (a: T, b: T) => number;
  /** th scope="row" instead of td */
  rowHeader?: boolean;
  numeric?: boolean;
  /** extra classes for this column's cells */
  class?: string;
  /** the header only for screen readers (an "Actions" column of buttons) */
  headerHidden?: boolean;
  /** a cell's own classes and attributes (a state class, a data-testid) */
  cellAttrs?: (row: T) => CellAttrs;
  /** how many columns this row's cell covers (colspan); the cells it covers are left out */
  span?: (row: T) => number;
}

export type CellAttrs = { class?: string; classList?: Record<string, boolean | undefined> } & Record<`data-${string}`, string | undefined>;

/** A row's cells: each column with the columns its cell spans, leaving out the columns covered. */
function cellsOf<T>(columns: Column<T>[], row: T) {
  const cells: { c: Column<T>; span: number }[] = [];
  for (let i = 0; i < columns.length; ) {
    const c = columns[i]!;
    const span = Math.max(1, Math.min(c.span?.(row) ?? 1, columns.length - i));
    cells.push({ c, span });
    i += span;
  }
  return cells;
}

const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

export type SortDirection = 'ascending' | 'descending';

export function DataTable<T>(props: {
  caption: JSX.Element;
  /** shown as a heading size, or only to screen readers */
  captionSize?: 's' | 'm' | 'l' | 'hidden';
  /** the scrolling region's name; the caption's text when that is a string */
  label?: string;
  columns: Column<T>[];
  rows: readonly T[];
  id?: string;
  class?: string;
  /** attributes for a row, e.g. a data-testid */
  rowAttrs?: (row: T) => JSX.HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>;
  initialSort?: { key: string; direction: SortDirection };
  /** shown in place of the table when there are no rows */
  empty?: JSX.Element;
}) {
  const [sort, setSort] = createSignal(props.initialSort);
  const rows = createMemo(() => {
    const s = sort();
    const column = s && props.columns.find((c) => c.key === s.key);
    if (!s || !column?.sort) return props.rows;
    const sign = s.direction === 'ascending' ? 1 : -1;
    return [...props.rows].sort((a, b) => sign * column.sort!(a, b));
  });
  const toggle = (key: string) => setSort((s) => ({ key, direction: s?.key === key && s.direction === 'ascending' ? 'descending' : 'ascending' }));
  const label = () => props.label ?? (typeof props.caption === 'string' ? props.caption : undefined);
  const captionClass = () => {
    const size = props.captionSize ?? 'hidden';
    return size === 'hidden' ? 'govuk-table__caption govuk-visually-hidden' : `govuk-table__caption govuk-table__caption--${size}`;
  };
  return (
    <Show when={props.rows.length > 0 || props.empty === undefined} fallback={props.empty}>
      <section class="app-table-scroll" aria-label={label()} tabindex="0">
        <table class={`govuk-table${props.class ? ` ${props.class}` : ''}`} id={props.id}>
          <caption class={captionClass()}>{props.caption}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <For each={props.columns}>
                {(c) => (
                  <th
                    scope="col"
                    class="govuk-table__header"
                    classList={{ 'govuk-table__header--numeric': !!c.numeric }}
                    aria-sort={c.sort ? (sort()?.key === c.key ? sort()!.direction : 'none') : undefined}
                  >
                    <Show when={c.sort} fallback={c.headerHidden ? <span class="govuk-visually-hidden">{c.header}</span> : c.header}>
                      <button type="button" class="app-sort-button" onClick={() => toggle(c.key)}>
                        {c.header}
                      </button>
                    </Show>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            <For each={rows()}>
              {(row, i) => (
                <tr class="govuk-table__row" {...props.rowAttrs?.(row)}>
                  <For each={cellsOf(props.columns, row)}>
                    {({ c, span }) => {
                      const attrs = c.cellAttrs?.(row) ?? {};
                      const colSpan = span > 1 ? span : undefined;
                      return c.rowHeader ? (
                        <th scope="row" {...attrs} class={classes('govuk-table__header', c.class, attrs.class)} colSpan={colSpan}>
                          {c.cell(row, i())}
                        </th>
                      ) : (
                        <td
                          {...attrs}
                          class={classes('govuk-table__cell', c.numeric && 'govuk-table__cell--numeric', c.class, attrs.class)}
                          data-label={c.header}
                          colSpan={colSpan}
                        >
                          {c.cell(row, i())}
                        </td>
                      );
                    }}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
    </Show>
  );
}
