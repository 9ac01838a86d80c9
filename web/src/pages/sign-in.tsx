import { Navigate, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { LoginRequest, ROLE_LABELS, type Role } from '../../../shared/auth/roles.js';
import { ApiError, currentPartnership } from '../api/client.js';
import { login } from '../api/endpoints.js';
import { flashShown, takeFlash } from '../api/session.js';
import { safeReturnTo, startCognitoSignIn } from '../auth/cognito.js';
import { StartButton } from '../components/button-group.js';
import type { SummaryError } from '../components/error-summary.js';
import { errorFor, TextField } from '../components/fields.js';
import { FormErrors } from '../components/form-state.js';
import { Loading } from '../components/loading.js';
import { NotificationBanner } from '../components/notification-banner.js';
import { Page } from '../components/page.js';
import { PasswordField } from '../components/password-field.js';
import { useApp } from '../state.js';
import { getMyPartnerships } from '../api/partnerships.js';
import { partnershipPath } from '../../../shared/partnership/paths.js';

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
  { email: 'police@mscp.example', role: 'partner', agency: 'Kent Police, signatory' },
  { email: 'health@mscp.example', role: 'partner', agency: 'NHS Kent and Medway, signatory' },
  { email: 'education@mscp.example', role: 'partner', agency: 'Medway schools and education' },
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
      </ul>
    </div>
  );
}

function LocalSignInForm(props: { onErrors: (errors: SummaryError[]) => void; errors: SummaryError[] }) {
  const app = useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams<{ next?: string }>();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const fieldError = (field: Field) => errorFor(props.errors, field);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    const parsed = LoginRequest.safeParse({ email: email(), password: password() });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((i) => i.path[0] as Field));
      props.onErrors((['email', 'password'] as const).filter((f) => fields.has(f)).map((f) => ({ field: f, message: messageFor(f, email(), password()) })));
      return;
    }
    setBusy(true);
    try {
      const res = await login(parsed.data);
      app.signIn({ token: res.token, expiresAt: res.expiresAt });
      // Someone who does not work in this partnership starts in one of theirs (one sign-in for all).
      const elsewhere = await partnershipToOpen();
      if (elsewhere) return location.assign(`${partnershipPath(elsewhere)}/`);
      navigate(safeReturnTo(params.next), { replace: true });
    } catch (err) {
      setPassword('');
      if (err instanceof ApiError && err.errors.length) {
        props.onErrors(err.errors.map((fe) => ({ field: fe.path === 'password' ? 'password' : 'email', message: fe.message })));
      } else {
        // Wrong credentials (401) or too many attempts (429): the server's detail says what to do.
        props.onErrors([{ field: 'email', message: err instanceof ApiError ? err.detail : 'Sign-in failed. Try again.' }]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} novalidate>
      <TextField id="email" type="email" label="Email address" autocomplete="username" spellcheck={false} error={fieldError('email')} value={email()} onInput={setEmail} />
      <PasswordField id="password" label="Password" autocomplete="current-password" error={fieldError('password')} value={password()} onInput={setPassword} />
      <button type="submit" class="govuk-button" disabled={busy()} aria-disabled={busy() ? 'true' : undefined}>
        {busy() ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
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
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  // Checked once: after a sign-in the form itself navigates to where the user was heading.
  if (app.signedIn()) return <Navigate href="/" />;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
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
                    <LocalSignInForm errors={errors()} onErrors={setErrors} />
                    <DemoSignIns />
                  </>
                );
              }}
            </Match>
          </Switch>
        </Page>
      </div>
    </div>
  );
}

/** The partnership to open after sign-in when the person does not work in this one; null to stay. */
async function partnershipToOpen(): Promise<string | null> {
  const [here, mine] = await Promise.all([currentPartnership().catch(() => null), getMyPartnerships().then((r) => r.partnerships)]);
  return mine.length && !mine.some((p) => p.id === here) ? mine[0]!.id : null;
}
