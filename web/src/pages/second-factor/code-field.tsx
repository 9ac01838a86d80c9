import { TotpCode } from '../../../../shared/auth/second-factor.js';
import { TextField } from '../../components/fields.js';
import type { createFormState } from '../../components/form-state.js';

/*
 * The 6-digit code from an authenticator app: the field (GOV.UK's one-time code input: numeric
 * keyboard, the browser may offer the code) and its check before anything is sent, in plain words.
 */

/** What was typed, checked: the code, or undefined with the error on show at `code`. */
export function checkCode(form: ReturnType<typeof createFormState>, typed: string): string | undefined {
  return form.check(
    TotpCode.safeParse(typed),
    () => 'code',
    () => (typed.trim() ? 'The code is 6 digits from your authenticator app, like 123456' : 'Enter the 6-digit code from your authenticator app'),
  );
}

export function CodeField(props: { error: string | undefined; value: string; onInput: (v: string) => void; label?: string }) {
  return (
    <TextField
      id="code"
      label={props.label ?? 'Code from your authenticator app'}
      labelClass="govuk-label--s"
      hint="The code is 6 digits. It changes every 30 seconds."
      inputmode="numeric"
      autocomplete="one-time-code"
      spellcheck={false}
      width="short"
      maxlength={9}
      error={props.error}
      value={props.value}
      onInput={props.onInput}
    />
  );
}
