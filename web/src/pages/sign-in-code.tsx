import { createSignal } from 'solid-js';
import type { CodeNeeded } from '../../../shared/auth/second-factor.js';
import { loginWithCode } from '../api/second-factor.js';
import { Form } from '../components/form.js';
import { createFormState } from '../components/form-state.js';
import { Page, TwoThirds } from '../components/page.js';
import { CodeField, checkCode } from './second-factor/code-field.js';
import { useFinishSignIn } from './finish-sign-in.js';

/**
 * The local sign-in's second step, for someone with two-step sign-in on: the 6-digit code from
 * their authenticator app (GOV.UK's "enter a security code" pattern). A wrong code says so at the
 * field; too many, and the password is asked for again (the back link goes there at any time).
 */
export function SignInCodePage(props: { step: CodeNeeded; onRestart: () => void }) {
  const finish = useFinishSignIn();
  const form = createFormState();
  const [code, setCode] = createSignal('');
  const submit = () => {
    const typed = checkCode(form, code());
    if (!typed) return;
    void form.save(
      async () => {
        try {
          await finish(await loginWithCode({ challenge: props.step.challenge, code: typed }));
        } catch (err) {
          setCode('');
          throw err;
        }
      },
      // A wrong code (401) or too many (429): the server's words, at the field.
      { field: (path) => (path === 'code' ? 'code' : undefined), anchor: 'code', fallback: 'Sign-in failed. Try again.' },
    );
  };
  const timedOut = () => form.errors().some((e) => /password again/.test(e.message));
  return (
    <TwoThirds>
      <Page title="Enter the code from your authenticator app" hasErrors={form.errors().length > 0} backLink={{ href: '/sign-in', text: 'Back', onClick: props.onRestart }}>
        <p class="govuk-body">Open the authenticator app on your phone and enter the 6-digit code it shows for the Partnership Reform Portal.</p>
        <Form onSubmit={submit} form={form} submit={form.busy() ? 'Signing in…' : 'Continue'}>
          <CodeField error={form.err('code')} value={code()} onInput={setCode} />
        </Form>
        <p class="govuk-body">
          {timedOut() ? 'Your sign-in has timed out. ' : 'If you do not have your phone, '}
          <a
            class="govuk-link"
            href="/sign-in"
            onClick={(e) => {
              e.preventDefault();
              props.onRestart();
            }}
          >
            {timedOut() ? 'sign in again' : 'start again with your password'}
          </a>
          {timedOut() ? '.' : ', or ask the programme lead or your administrator for help.'}
        </p>
      </Page>
    </TwoThirds>
  );
}
