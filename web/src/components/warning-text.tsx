import { For, Show } from 'solid-js';
import type { Warning } from '../../../shared/pii/detect.js';
import './warning-text.css';

/*
 * GOV.UK warning text ("!" and a hidden "Warning:"), one paragraph per line, and the kit's use of
 * it beside a field or an answer whose text may hold personal details (the warnings come from
 * shared/pii/detect as you type or from the server). TextField and TextArea show it with `warnings`.
 */

export function WarningText(props: { lines: string[]; id?: string }) {
  return (
    <div class="govuk-warning-text" id={props.id}>
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">Warning: </span>
        <For each={props.lines}>{(line) => <p class="app-warning-line">{line}</p>}</For>
      </div>
    </div>
  );
}

/** The warning beside a field or an answer whose text may be personal data; nothing when there is none. */
export function PiiWarning(props: { warnings: Warning[]; id?: string }) {
  return (
    <Show when={props.warnings.length > 0}>
      <WarningText lines={props.warnings.map((w) => w.message)} id={props.id} />
    </Show>
  );
}
