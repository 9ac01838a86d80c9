import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { type Column, DataTable } from './data-table.js';
import { formatDay } from './format.js';
import './managed-list.css';

/*
 * A list the programme lead keeps: what is in use, in its order, each with Change, Move up, Move
 * down and Retire; then what has been retired, each saying when and by whom, with Restore. Move
 * and Restore happen in place; after a move, focus stays on the moved item's button in its new
 * row, so a keyboard user can move it again.
 */

/** A record the lead keeps in order and can retire: a workstream, an agency. */
export interface Managed {
  id: string;
  name: string;
  version: number;
  retiredAt?: string | undefined;
  retiredBy?: string | undefined;
}

/** "Retired on 3 December 2026 by Jordan Ellis". */
export const retiredWords = (x: Pick<Managed, 'retiredAt' | 'retiredBy'>) => `Retired on ${formatDay(x.retiredAt)}${x.retiredBy ? ` by ${x.retiredBy}` : ''}`;

export function ManagedList<T extends Managed>(props: {
  /** the lists' words: "workstream", "workstreams" */
  noun: string;
  plural: string;
  /** in use and retired, in order */
  items: readonly T[];
  /** columns after the name */
  columns: Column<T>[];
  /** where Change and Retire go */
  href: (item: T, action: 'change' | 'retire') => string;
  onMove: (item: T, direction: 'up' | 'down') => Promise<void>;
  onRestore: (item: T) => Promise<void>;
  busy: boolean;
}) {
  const current = () => props.items.filter((x) => !x.retiredAt);
  const retired = () => props.items.filter((x) => x.retiredAt);
  const buttonId = (x: T, direction: 'up' | 'down') => `move-${direction}-${props.noun}-${x.id}`;
  const move = async (x: T, direction: 'up' | 'down') => {
    await props.onMove(x, direction);
    // At the top or bottom now, the button it was pressed on is gone: the other one takes focus.
    (document.getElementById(buttonId(x, direction)) ?? document.getElementById(buttonId(x, direction === 'up' ? 'down' : 'up')))?.focus();
  };
  const hidden = (x: T) => <span class="govuk-visually-hidden"> {x.name}</span>;
  const moveButton = (x: T, direction: 'up' | 'down') => (
    <button
      type="button"
      id={buttonId(x, direction)}
      class="govuk-button govuk-button--secondary app-managed__button"
      disabled={props.busy}
      onClick={() => void move(x, direction)}
    >
      Move {direction}
      {hidden(x)}
    </button>
  );
  return (
    <>
      <DataTable<T>
        caption={`${props.plural} in use, in order`}
        rows={current()}
        id={`${props.noun}-list`}
        empty={<p class="govuk-body">There are no {props.plural.toLowerCase()} in use.</p>}
        columns={[
          { key: 'name', header: 'Name', rowHeader: true, cell: (x) => x.name },
          ...props.columns,
          {
            key: 'order',
            header: 'Order',
            cell: (x, i) => (
              <div class="app-managed__row">
                <Show when={i > 0}>{moveButton(x, 'up')}</Show>
                <Show when={i < current().length - 1}>{moveButton(x, 'down')}</Show>
              </div>
            ),
          },
          {
            key: 'actions',
            header: 'Actions',
            cell: (x) => (
              <div class="app-managed__row">
                <A class="govuk-link" href={props.href(x, 'change')}>
                  Change{hidden(x)}
                </A>
                <A class="govuk-link" href={props.href(x, 'retire')}>
                  Retire{hidden(x)}
                </A>
              </div>
            ),
          },
        ]}
      />
      <Show when={retired().length > 0}>
        <h3 class="govuk-heading-s">Retired {props.plural.toLowerCase()}</h3>
        <p class="govuk-body">They stay in the returns, trackers and trends of the reporting periods they were in use during.</p>
        <dl class="govuk-summary-list" id={`retired-${props.noun}-list`}>
          <For each={retired()}>
            {(x) => (
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{x.name}</dt>
                <dd class="govuk-summary-list__value">{retiredWords(x)}</dd>
                <dd class="govuk-summary-list__actions">
                  <button type="button" class="govuk-button govuk-button--secondary app-managed__button" disabled={props.busy} onClick={() => void props.onRestore(x)}>
                    Restore{hidden(x)}
                  </button>
                </dd>
              </div>
            )}
          </For>
        </dl>
      </Show>
    </>
  );
}
