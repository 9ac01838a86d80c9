import { type JSX, Show } from 'solid-js';
import { describedBy, ErrorMessage } from './field-parts.js';

/**
 * One GOV.UK checkbox on its own, for a yes-or-no inside a fieldset of the page's (no fieldset of
 * its own, unlike ./choices.tsx): its error above it, its hint under its label. The input has the
 * field's id, so an error summary link moves focus to it. `describedBy`: more ids, read before the
 * hint (e.g. a warning the box confirms).
 */
export function SingleCheckbox(props: {
  id: string;
  label: JSX.Element;
  hint?: string;
  error?: string | undefined;
  describedBy?: string | false;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!props.error }}>
      <ErrorMessage id={props.id} error={props.error} />
      <div class="govuk-checkboxes govuk-checkboxes--small">
        <div class="govuk-checkboxes__item">
          <input
            class="govuk-checkboxes__input"
            id={props.id}
            name={props.id}
            type="checkbox"
            value="yes"
            checked={props.checked}
            aria-describedby={[props.describedBy, describedBy(props.id, props.hint, props.error)].filter(Boolean).join(' ') || undefined}
            onChange={(e) => props.onChange(e.currentTarget.checked)}
          />
          <label class="govuk-label govuk-checkboxes__label" for={props.id}>
            {props.label}
          </label>
          <Show when={props.hint}>
            <div id={`${props.id}-hint`} class="govuk-hint govuk-checkboxes__hint">
              {props.hint}
            </div>
          </Show>
        </div>
      </div>
    </div>
  );
}
