import { A } from '@solidjs/router';
import { For, onMount, Show, type JSX } from 'solid-js';
import { confirmPersonalData, personalDataQuestion } from '../api/client.js';
import { focusField } from './fields.js';

export interface SummaryError {
  /** id of the field to focus, if the error belongs to one. */
  field?: string;
  /** a page (route) to go to instead, e.g. the section of a return to fix. */
  href?: string;
  message: string;
}

/**
 * GOV.UK error summary: focused when shown so it is announced, each error linking to its field.
 * Links focus the field directly rather than navigating to a #hash (the router would treat it as a
 * navigation, and GOV.UK moves focus to the input, not its label); a date input's link focuses Day.
 *
 * When the server asked for possible personal data to be confirmed, the summary also asks the
 * question, so every form gets the same confirmation without code of its own.
 */
export function ErrorSummary(props: { errors: SummaryError[]; title?: string; children?: JSX.Element }) {
  let box!: HTMLDivElement;
  onMount(() => box.focus());
  return (
    <>
      <div class="govuk-error-summary" data-module="govuk-error-summary" tabindex="-1" ref={box}>
        <div role="alert">
          <h2 class="govuk-error-summary__title">{props.title ?? 'There is a problem'}</h2>
          <div class="govuk-error-summary__body">
            {props.children}
            <Show when={props.errors.length > 0}>
              <ul class="govuk-list govuk-error-summary__list">
                <For each={props.errors}>
                  {(error) => (
                    <li>
                      <Show when={error.href} fallback={<FieldLink error={error} />}>
                        <A href={error.href!}>{error.message}</A>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </div>
        </div>
      </div>
      <Show when={personalDataQuestion()}>{(question) => <PersonalDataConfirmation confirmed={question().confirmed} />}</Show>
    </>
  );
}

function FieldLink(props: { error: SummaryError }) {
  return (
    <Show when={props.error.field} fallback={<span>{props.error.message}</span>}>
      <a
        href={`#${props.error.field}`}
        onClick={(e) => {
          e.preventDefault();
          focusField(props.error.field!);
        }}
      >
        {props.error.message}
      </a>
    </Show>
  );
}

/** "Is this personal data?": the person confirms, then saves again. */
function PersonalDataConfirmation(props: { confirmed: boolean }) {
  return (
    <div class="govuk-form-group app-personal-data-confirmation">
      <fieldset class="govuk-fieldset" aria-describedby="confirm-personal-data-hint">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
          <h2 class="govuk-fieldset__heading">Check for personal data</h2>
        </legend>
        <div class="govuk-hint" id="confirm-personal-data-hint">
          Remove anything about a child or family member. If what was found is not about a person, for example a team's phone number or an office postcode, confirm it and save
          again.
        </div>
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          <div class="govuk-checkboxes__item">
            <input
              class="govuk-checkboxes__input"
              id="confirm-personal-data"
              name="confirm-personal-data"
              type="checkbox"
              checked={props.confirmed}
              onChange={(e) => confirmPersonalData(e.currentTarget.checked)}
            />
            <label class="govuk-label govuk-checkboxes__label" for="confirm-personal-data">
              I have checked: this is not personal data about a child or family member
            </label>
          </div>
        </div>
      </fieldset>
    </div>
  );
}
