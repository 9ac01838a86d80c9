import { For, onMount, Show } from 'solid-js';

export interface SummaryError {
  /** id of the field to focus, if the error belongs to one. */
  field?: string;
  message: string;
}

/**
 * GOV.UK error summary: focused when shown so it is announced, each error linking to its field.
 * Links focus the field directly rather than navigating to a #hash (the router would treat it as a
 * navigation, and GOV.UK moves focus to the input, not its label).
 */
export function ErrorSummary(props: { errors: SummaryError[]; title?: string }) {
  let box!: HTMLDivElement;
  onMount(() => box.focus());
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary" tabindex="-1" ref={box}>
      <div role="alert">
        <h2 class="govuk-error-summary__title">{props.title ?? 'There is a problem'}</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            <For each={props.errors}>
              {(error) => (
                <li>
                  <Show when={error.field} fallback={<span>{error.message}</span>}>
                    <a
                      href={`#${error.field}`}
                      onClick={(e) => {
                        e.preventDefault();
                        const el = document.getElementById(error.field!);
                        el?.scrollIntoView({ block: 'center' });
                        el?.focus();
                      }}
                    >
                      {error.message}
                    </a>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </div>
      </div>
    </div>
  );
}
