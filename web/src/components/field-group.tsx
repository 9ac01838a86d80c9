import type { JSX } from 'solid-js';
import { ErrorMessage, Hint } from './field-parts.js';

/**
 * The GOV.UK form group round one labelled control: its label, hint and error, then the control.
 * For controls the kit's TextField, TextArea and Select do not cover (password, file upload).
 */
export function FieldGroup(props: { id: string; label: string; hint?: JSX.Element; error?: string; children: JSX.Element }) {
  return (
    <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!props.error }}>
      <label class="govuk-label govuk-label--s" for={props.id}>
        {props.label}
      </label>
      <Hint id={props.id} hint={props.hint} />
      <ErrorMessage id={props.id} error={props.error} />
      {props.children}
    </div>
  );
}
