import { FieldGroup } from './field-group.js';
import { describedBy } from './field-parts.js';

/*
 * A GOV.UK password input with its label and error (the kit's TextField takes no password type):
 * `autocomplete` tells password managers whether it is the current password or a new one.
 */
export function PasswordField(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onInput: (v: string) => void;
  autocomplete: 'current-password' | 'new-password';
}) {
  return (
    <FieldGroup id={props.id} label={props.label} hint={props.hint} error={props.error}>
      <input
        class="govuk-input"
        classList={{ 'govuk-input--error': !!props.error }}
        id={props.id}
        name={props.id}
        type="password"
        autocomplete={props.autocomplete}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </FieldGroup>
  );
}
