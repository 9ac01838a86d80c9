import { A } from '@solidjs/router';
import { Show } from 'solid-js';

/*
 * A form's GOV.UK button group: its submit button, then Cancel. Cancel is a link (`cancelHref`:
 * leave the form for a page) or a secondary button (`onCancel`: close a form shown in place).
 */
export function SubmitOrCancel(props: { label: string; disabled?: boolean; cancelHref?: string; onCancel?: () => void }) {
  return (
    <div class="govuk-button-group">
      <button type="submit" class="govuk-button" disabled={props.disabled}>
        {props.label}
      </button>
      <Show
        when={props.cancelHref}
        fallback={
          <button type="button" class="govuk-button govuk-button--secondary" onClick={() => props.onCancel?.()}>
            Cancel
          </button>
        }
      >
        {(href) => (
          <A href={href()} class="govuk-link">
            Cancel
          </A>
        )}
      </Show>
    </div>
  );
}
