import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';

/*
 * A form's GOV.UK button group: its submit button (a warning button for a change that cannot be
 * undone), then Cancel, if any: a link (`cancelHref`, with `cancelText` when it is not "Cancel")
 * to leave the form for a page, or a secondary button (`onCancel`) to close a form shown in place.
 */
export function SubmitOrCancel(props: { label: string; disabled?: boolean; warning?: boolean; cancelHref?: string; cancelText?: string; onCancel?: () => void }) {
  return (
    <div class="govuk-button-group">
      <button type="submit" class="govuk-button" classList={{ 'govuk-button--warning': !!props.warning }} disabled={props.disabled}>
        {props.label}
      </button>
      <Show when={props.cancelHref}>
        {(href) => (
          <A href={href()} class="govuk-link">
            {props.cancelText ?? 'Cancel'}
          </A>
        )}
      </Show>
      <Show when={props.onCancel}>
        <button type="button" class="govuk-button govuk-button--secondary" onClick={() => props.onCancel?.()}>
          Cancel
        </button>
      </Show>
    </div>
  );
}

/** The GOV.UK start button: the one call to action that starts a journey, with its arrow. */
export function StartButton(props: { disabled?: boolean; onClick: () => void; children: JSX.Element }) {
  return (
    <button type="button" class="govuk-button govuk-button--start" disabled={props.disabled} onClick={() => props.onClick()}>
      {props.children}
      <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true">
        <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
      </svg>
    </button>
  );
}
