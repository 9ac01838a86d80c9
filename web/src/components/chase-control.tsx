import { listOf } from '../../../shared/text/plural.js';
import { createSignal, Show } from 'solid-js';
import { ApiError } from '../api/client.js';
import type { Column } from './data-table.js';
import { formatDateTime } from './format.js';
import './chase-control.css';

/** What the control needs to know of the last chase. */
export interface LastChase {
  at: string;
  by: string;
  sentTo: string[];
}

/** What the control shows of the daily job's last automatic reminder. */
export interface LastReminder {
  at: string;
  sentTo: string[];
}

/**
 * The lead's "Chase" button for one outstanding item (a return, a sign-off) in a table cell: when
 * it was last chased and whom that reached, when the daily job last reminded its people, then the
 * button. Pressing it sends one reminder now; the outcome, or why it could not be sent, is said in
 * the cell (a polite live region).
 */
export function ChaseControl(props: {
  last: LastChase | undefined;
  /** the daily job's last reminder of the item, if any */
  reminded?: LastReminder | undefined;
  /** what the button is about, for screen readers: "Kent Police’s return" */
  what: string;
  /** the item can be chased now (it is outstanding) */
  open: boolean;
  onChase: () => Promise<LastChase>;
}) {
  const [busy, setBusy] = createSignal(false);
  const [said, setSaid] = createSignal('');
  const [failed, setFailed] = createSignal(false);
  const chase = async () => {
    if (busy()) return;
    setBusy(true);
    setSaid('');
    try {
      const c = await props.onChase();
      setFailed(false);
      setSaid(`Reminder sent to ${listOf(c.sentTo)}.`);
    } catch (err) {
      setFailed(true);
      setSaid(err instanceof ApiError ? err.detail : 'The reminder could not be sent. Try again.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="app-chase-control">
      <Show when={props.last} fallback={<span class="app-secondary-text">Not chased</span>}>
        {(c) => (
          <span class="app-secondary-text">
            Chased {formatDateTime(c().at)} by {c().by}
            <Show when={c().sentTo.length}> (emailed {listOf(c().sentTo)})</Show>
          </span>
        )}
      </Show>
      <Show when={props.reminded}>
        {(r) => (
          <span class="app-secondary-text">
            Reminded automatically {formatDateTime(r().at)} (emailed {listOf(r().sentTo)})
          </span>
        )}
      </Show>
      <Show when={props.open}>
        <button type="button" class="govuk-button govuk-button--secondary app-chase-button" disabled={busy()} onClick={chase}>
          Chase<span class="govuk-visually-hidden"> {props.what}</span>
        </button>
      </Show>
      <span role="status" class="app-chase-status" classList={{ 'app-chase-status--error': failed() }}>
        {said()}
      </span>
    </div>
  );
}

/** One agency's chases in a table of outstanding items (api/chase.ts's useAgencyChases). */
export interface AgencyChases {
  last(agencyId: string): LastChase | undefined;
  reminded(agencyId: string): LastReminder | undefined;
  chase(agencyId: string): Promise<LastChase>;
}

/**
 * The lead's "Reminders" column in a table of agencies' items (returns, sign-offs): each row's
 * ChaseControl, about `what`, with its button while the item is `open`; only on rows `when` allows.
 */
export function remindersColumn<T extends { agencyId: string }>(
  chases: AgencyChases,
  row: { what: (r: T) => string; open: (r: T) => boolean; when?: (r: T) => boolean },
): Column<T> {
  return {
    key: 'chase',
    header: 'Reminders',
    cell: (r) => (
      <Show when={row.when?.(r) ?? true}>
        <ChaseControl last={chases.last(r.agencyId)} reminded={chases.reminded(r.agencyId)} what={row.what(r)} open={row.open(r)} onChase={() => chases.chase(r.agencyId)} />
      </Show>
    ),
  };
}
