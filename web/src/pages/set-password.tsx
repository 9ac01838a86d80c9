import { EmailLinkPage } from '../components/email-link-page.js';
import { A, useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { MIN_PASSWORD_LENGTH } from '../../../shared/users/schema.js';
import { login } from '../api/endpoints.js';
import { checkInvitation, setPassword } from '../api/people.js';
import { createFormState } from '../components/form-state.js';
import { formatDateTime } from '../components/format.js';
import { PasswordField } from '../components/password-field.js';
import { useApp } from '../state.js';
import { FormPage } from '../components/form.js';

/**
 * `/set-password#token=…`: an invited person chooses their password, then is signed in. The link
 * works once, for 7 days (local sign-in; in AWS Cognito's own invitation does this).
 */
export default function SetPasswordPage() {
  return (
    <EmailLinkPage
      use={checkInvitation}
      checking="Checking your invitation…"
      failed="This invitation link does not work"
      alsoSay={
        <p class="govuk-body">
          If you have already set your password,{' '}
          <A href="/sign-in" class="govuk-link">
            sign in
          </A>
          .
        </p>
      }
    >
      {(i, token) => <SetPasswordForm token={token} name={i().name} email={i().email} expiresAt={i().expiresAt} />}
    </EmailLinkPage>
  );
}

function SetPasswordForm(props: { token: string; name: string; email: string; expiresAt: string }) {
  const app = useApp();
  const navigate = useNavigate();
  const form = createFormState();
  const [password, setPasswordValue] = createSignal('');
  const [confirm, setConfirm] = createSignal('');
  const submit = async () => {
    const errors = [
      ...(password().length < MIN_PASSWORD_LENGTH ? [{ field: 'password', message: `Password must be ${MIN_PASSWORD_LENGTH} characters or more` }] : []),
      ...(password() !== confirm() ? [{ field: 'confirm', message: 'The passwords do not match: type the same password twice' }] : []),
    ];
    if (errors.length) return form.setErrors(errors);
    await form.save(
      async () => {
        const { email } = await setPassword(props.token, password());
        const session = await login({ email, password: password() });
        // Someone who had turned two-step sign-in on elsewhere signs in with their code too.
        if ('codeRequired' in session) return navigate('/sign-in', { replace: true });
        app.signIn({ token: session.token, expiresAt: session.expiresAt });
        navigate('/', { replace: true });
      },
      { field: (path) => (path === 'password' ? 'password' : undefined), fallback: 'Your password could not be set. Try again.' },
    );
  };
  return (
    <FormPage title="Set your password" form={form} onSubmit={submit} submit={form.busy() ? 'Setting your password…' : 'Set password and sign in'}>
      <p class="govuk-body">
        Welcome, {props.name}. Choose a password for <strong>{props.email}</strong>. This link works until {formatDateTime(props.expiresAt)}.
      </p>
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" autocomplete="username" value={props.email} readonly hidden />
      <PasswordField
        id="password"
        label="New password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Three random words make a strong password that is easy to remember.`}
        autocomplete="new-password"
        value={password()}
        onInput={setPasswordValue}
        error={form.err('password')}
      />
      <PasswordField id="confirm" label="Type the password again" autocomplete="new-password" value={confirm()} onInput={setConfirm} error={form.err('confirm')} />
    </FormPage>
  );
}
