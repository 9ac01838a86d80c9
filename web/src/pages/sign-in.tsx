import { Navigate, useSearchParams } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { LoginRequest, ROLE_LABELS, type Role } from '../../../shared/auth/roles.js';
import type { CodeNeeded } from '../../../shared/auth/second-factor.js';
import { login } from '../api/endpoints.js';
import { flashShown, takeFlash } from '../api/session.js';
import { safeReturnTo, startCognitoSignIn } from '../auth/cognito.js';
import { StartButton } from '../components/button-group.js';
import { TextField } from '../components/fields.js';
import { createFormState, FormErrors } from '../components/form-state.js';
import { Loading } from '../components/loading.js';
import { NotificationBanner } from '../components/notification-banner.js';
import { Page, TwoThirds } from '../components/page.js';
import { PasswordField } from '../components/password-field.js';
import { useApp } from '../state.js';
import { Form } from '../components/form.js';
import { SignInCodePage } from './sign-in-code.js';
import { useFinishSignIn } from './finish-sign-in.js';
import { PLATFORM_HOME } from '../../../shared/platform/paths.js';

type Field = 'email' | 'password';

/** Plain-English messages for what the shared LoginRequest schema rejects (zod's own are for developers). */
function messageFor(field: Field, email: string, password: string): string {
  if (field === 'email') return email.trim() ? 'Enter an email address in the correct format, like name@example.com' : 'Enter your email address';
  return password ? 'Password must be 200 characters or fewer' : 'Enter your password';
}

const DEMO_USERS: { email: string; role: Role; agency: string }[] = [
  { email: 'lead@mscp.example', role: 'lead', agency: 'Medway Council' },
  { email: 'exec@mscp.example', role: 'executive', agency: 'Partnership executive' },
  { email: 'council@mscp.example', role: 'partner', agency: 'Medway Council, signatory' },
  { email: 'council.officer@mscp.example', role: 'partner', agency: 'Medway Council' },
  { email: 'police@mscp.example', role: 'partner', agency: 'Kent Police, signatory, in Medway and Kent' },
  { email: 'health@mscp.example', role: 'partner', agency: 'NHS Kent and Medway, signatory' },
  { email: 'education@mscp.example', role: 'partner', agency: 'Medway schools and education' },
  { email: 'lead@kscmp.example', role: 'lead', agency: 'Kent County Council, in Kent only' },
];

function DemoSignIns() {
  return (
    <div class="govuk-inset-text app-demo-sign-ins">
      <h2 class="govuk-heading-s">Demo sign-ins</h2>
      <p class="govuk-body-s">
        Every demo account uses the password <code class="app-code">demo-password</code>.
      </p>
      <ul class="govuk-list app-demo-list">
        <For each={DEMO_USERS}>
          {(u) => (
            <li>
              <code class="app-code">{u.email}</code>
              <span class="app-demo-list__who">
                {ROLE_LABELS[u.role]}
                {u.role === 'executive' ? '' : ` (${u.agency})`}
              </span>
            </li>
          )}
        </For>
        <li>
          <code class="app-code">platform@portal.example</code>
          <span class="app-demo-list__who">Platform administrator (creates partnerships)</span>
        </li>
      </ul>
    </div>
  );
}

function LocalSignInForm(props: { form: ReturnType<typeof createFormState>; onCode: (step: CodeNeeded) => void }) {
  const finish = useFinishSignIn();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const form = props.form;
  const fieldOf = (path: string): Field => (path === 'password' ? 'password' : 'email');

  const submit = () => {
    const request = form.check(LoginRequest.safeParse({ email: email(), password: password() }), fieldOf, (f) => messageFor(f as Field, email(), password()));
    if (!request) return;
    void form.save(
      async () => {
        try {
          const res = await login(request);
          // Two-step sign-in is on: the code comes next.
          if ('codeRequired' in res) {
            setPassword('');
            return props.onCode(res);
          }
          await finish(res);
        } catch (err) {
          setPassword('');
          throw err;
        }
      },
      // Wrong credentials (401) or too many attempts (429): the server's detail says what to do.
      { field: fieldOf, anchor: 'email', fallback: 'Sign-in failed. Try again.' },
    );
  };

  return (
    <Form onSubmit={submit} submit={form.busy() ? 'Signing in…' : 'Sign in'} busy={form.busy()}>
      <TextField id="email" type="email" label="Email address" autocomplete="username" spellcheck={false} error={form.err('email')} value={email()} onInput={setEmail} />
      <PasswordField id="password" label="Password" autocomplete="current-password" error={form.err('password')} value={password()} onInput={setPassword} />
    </Form>
  );
}

function CognitoSignIn(props: { clientId: string; domain: string | undefined }) {
  const [params] = useSearchParams<{ next?: string }>();
  const [busy, setBusy] = createSignal(false);
  const go = async () => {
    if (!props.domain) return;
    setBusy(true);
    location.assign(await startCognitoSignIn({ clientId: props.clientId, domain: props.domain }, safeReturnTo(params.next)));
  };
  return (
    <Show when={props.domain} fallback={<p class="govuk-body">Sign-in is not set up for this portal yet. Contact the partnership's programme team.</p>}>
      <p class="govuk-body">You will sign in on your organisation's sign-in page, then come back here.</p>
      <StartButton disabled={busy()} onClick={go}>
        Sign in
      </StartButton>
    </Show>
  );
}

export function SignInPage() {
  const app = useApp();
  const flash = flashShown(takeFlash());
  const form = createFormState();
  const [codeStep, setCodeStep] = createSignal<CodeNeeded | null>(null);
  // Checked once: after a sign-in the form itself navigates to where the user was heading.
  if (app.signedIn()) return <Navigate href={app.platform ? PLATFORM_HOME : '/'} />;
  return (
    <Show when={codeStep()} keyed fallback={<PasswordStep flash={flash()} form={form} onCode={setCodeStep} />}>
      {(step) => (
        <SignInCodePage
          step={step}
          onRestart={() => {
            form.setErrors([]);
            setCodeStep(null);
          }}
        />
      )}
    </Show>
  );
}

/** The first step: email address and password (or, in AWS, the organisation's sign-in page). */
function PasswordStep(props: { flash: string | null; form: ReturnType<typeof createFormState>; onCode: (step: CodeNeeded) => void }) {
  const app = useApp();
  const form = props.form;
  const errors = form.errors;
  const flash = () => props.flash;
  return (
    <TwoThirds>
      {/* A second failed attempt re-focuses and re-announces the summary. */}
      <FormErrors errors={errors()} />
      <Show when={flash() && errors().length === 0}>
        <NotificationBanner type={flash() === 'signed-out' ? 'success' : 'important'}>
          <p class="govuk-notification-banner__heading">{flash() === 'signed-out' ? 'You have signed out.' : flash()}</p>
        </NotificationBanner>
      </Show>
      <Page title="Sign in" hasErrors={errors().length > 0}>
        <Switch fallback={<Loading />}>
          <Match when={app.config.error}>
            <p class="govuk-body">The portal cannot be reached at the moment. Try again in a few minutes.</p>
          </Match>
          <Match when={app.config.state === 'ready' && app.config()}>
            {(config) => {
              const auth = config().auth;
              return auth.mode === 'cognito' ? (
                <CognitoSignIn clientId={auth.clientId} domain={auth.domain} />
              ) : (
                <>
                  <p class="govuk-body">Sign in with the email address and password for your partnership account.</p>
                  <LocalSignInForm form={form} onCode={props.onCode} />
                  <DemoSignIns />
                </>
              );
            }}
          </Match>
        </Switch>
      </Page>
    </TwoThirds>
  );
}
