import { onMount, type JSX } from 'solid-js';

/*
 * "Someone else saved first": shown when a versioned form's save is refused (412) because the
 * record changed after the page was opened. It says what happened to the person's changes and
 * offers one action (load the latest version). Styled as an error summary, focused when it
 * appears so it is announced, as GOV.UK does with errors.
 */
export function ConflictPanel(props: { title: string; children: JSX.Element; action: string; onAction: () => void; busy?: boolean; id?: string }) {
  let panel!: HTMLDivElement;
  onMount(() => panel.focus());
  return (
    <div class="govuk-error-summary app-conflict" tabindex="-1" id={props.id ?? 'conflict'} ref={panel}>
      <div role="alert">
        <h2 class="govuk-error-summary__title">{props.title}</h2>
        <div class="govuk-error-summary__body">
          {props.children}
          <button type="button" class="govuk-button govuk-button--secondary app-button--tight" disabled={props.busy} onClick={() => props.onAction()}>
            {props.action}
          </button>
        </div>
      </div>
    </div>
  );
}
