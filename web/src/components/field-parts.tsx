import { Show, type JSX } from 'solid-js';

/*
 * The parts every kit field is made of: its hint, its error message (announced with a hidden
 * "Error:" prefix) and the aria-describedby that ties them (and any warning) to the control.
 * The fields themselves are in ./fields.tsx and ./choices.tsx.
 */

/** The ids of a field's hint, error and `more` (a warning, a note beside it), for aria-describedby; undefined when none. */
export function describedBy(id: string, hint?: unknown, error?: unknown, ...more: (string | false | null | undefined)[]) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : '', ...more].filter(Boolean).join(' ') || undefined;
}

export function Hint(props: { id: string; hint?: JSX.Element }) {
  return (
    <Show when={props.hint}>
      <div id={`${props.id}-hint`} class="govuk-hint">
        {props.hint}
      </div>
    </Show>
  );
}

export function ErrorMessage(props: { id: string; error?: string }) {
  return (
    <Show when={props.error}>
      <p id={`${props.id}-error`} class="govuk-error-message">
        <span class="govuk-visually-hidden">Error:</span> {props.error}
      </p>
    </Show>
  );
}
