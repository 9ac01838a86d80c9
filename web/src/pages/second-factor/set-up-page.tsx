import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, For, onMount, Show } from 'solid-js';
import { REASON_TEXT } from '../../../../shared/auth/second-factor.js';
import { getSession } from '../../api/session.js';
import { type SecondFactorStatus, secondFactorChanged, useSecondFactor } from '../../api/second-factor.js';
import { type Authenticator, type AuthenticatorKey, cognitoAuthenticator, localAuthenticator } from '../../auth/authenticator.js';
import { safeReturnTo } from '../../auth/cognito.js';
import { decodeJwtPayload } from '../../auth/pkce.js';
import { createFlashMessage } from '../../components/flash-banner.js';
import { Form } from '../../components/form.js';
import { createFormState } from '../../components/form-state.js';
import { InsetText } from '../../components/inset-text.js';
import { Loaded } from '../../components/loaded.js';
import { Loading } from '../../components/loading.js';
import { Page, TwoThirds } from '../../components/page.js';
import { problemMessage } from '../../components/problem-page.js';
import { useApp } from '../../state.js';
import { CodeField, checkCode } from './code-field.js';
import { QrCode } from './qr-code.js';

/**
 * `/settings/two-step-sign-in` (and `/platform/two-step-sign-in`): whether two-step sign-in is on,
 * setting it up with an authenticator app, and turning it off for someone whose role does not need
 * it. Someone whose role needs it is sent here from every page until it is on (`?next=` is where
 * they were going, and where they carry on to after).
 */
export default function SecondFactorPage() {
  const app = useApp();
  const [status] = useSecondFactor(() => (app.signedIn() ? 'session' : null));
  const [flash, show] = createFlashMessage();
  return (
    <TwoThirds>
      <Loaded
        data={status}
        loading="Loading your two-step sign-in…"
        error={
          <Page title="Two-step sign-in">
            <p class="govuk-body">{problemMessage(status.error, 'Your two-step sign-in could not be loaded. Reload the page to try again.')}</p>
          </Page>
        }
      >
        {(s) =>
          s().enrolled ? (
            <TurnedOn status={s()} flash={flash()} onOff={() => show('Two-step sign-in is off.')} />
          ) : (
            <SetUp status={s()} onOn={() => show('Two-step sign-in is on.')} />
          )
        }
      </Loaded>
    </TwoThirds>
  );
}

/** The authenticator of this deployment: the portal's own API, or Cognito with the session's access token. */
function useAuthenticator(): () => Authenticator | string {
  const app = useApp();
  return () => {
    const config = app.config();
    if (config?.auth.mode !== 'cognito') return localAuthenticator;
    const session = getSession();
    const email = session ? decodeJwtPayload(session.token)?.email : undefined;
    if (!session?.accessToken || typeof email !== 'string') return 'To set up two-step sign-in, sign out, then sign in again.';
    return cognitoAuthenticator({ region: config.auth.region, accessToken: session.accessToken, account: email });
  };
}

function Why(props: { status: SecondFactorStatus }) {
  return (
    <Show
      when={props.status.required}
      fallback={<p class="govuk-body">Two-step sign-in keeps your account safe if someone learns your password. It is optional for your role, and we recommend it.</p>}
    >
      <InsetText testId="second-factor-why">
        You need two-step sign-in because {props.status.reasons.map((r) => REASON_TEXT[r]).join(', and ')}. You can use the rest of the portal once it is on.
      </InsetText>
    </Show>
  );
}

function SetUp(props: { status: SecondFactorStatus; onOn: () => void }) {
  const navigate = useNavigate();
  const [params] = useSearchParams<{ next?: string }>();
  const authenticator = useAuthenticator();
  const form = createFormState();
  const [key, setKey] = createSignal<AuthenticatorKey>();
  const [keyError, setKeyError] = createSignal<string>();
  const [code, setCode] = createSignal('');
  onMount(() => {
    const a = authenticator();
    if (typeof a === 'string') return setKeyError(a);
    a.start().then(setKey, (err: unknown) => setKeyError(problemMessage(err, 'A key could not be made. Reload the page to try again.')));
  });
  const submit = () => {
    const a = authenticator();
    const typed = checkCode(form, code());
    if (!typed || typeof a === 'string') return;
    void form.save(
      async () => {
        await a.confirm(typed);
        await secondFactorChanged();
        if (params.next) navigate(safeReturnTo(params.next), { replace: true });
        else props.onOn();
      },
      { field: (path) => (path === 'code' ? 'code' : undefined), anchor: 'code', fallback: 'Two-step sign-in could not be turned on. Try again.' },
    );
  };
  return (
    <Page title="Set up two-step sign-in" hasErrors={form.errors().length > 0}>
      <Why status={props.status} />
      <p class="govuk-body">Each time you sign in, you will enter your password and then a 6-digit code from an authenticator app on your phone.</p>
      <h2 class="govuk-heading-m">1. Get an authenticator app</h2>
      <p class="govuk-body">Install an authenticator app on your phone if you do not have one, for example Microsoft Authenticator or Google Authenticator.</p>
      <h2 class="govuk-heading-m">2. Add the portal to the app</h2>
      <Show when={!keyError()} fallback={<p class="govuk-body govuk-error-message">{keyError()}</p>}>
        <Show when={key()} fallback={<Loading label="Making your key…" />}>
          {(k) => (
            <>
              <p class="govuk-body">In the app, choose to add an account, then scan this QR code.</p>
              <QrCode text={k().uri} label="QR code to add the Partnership Reform Portal to your authenticator app" />
              <p class="govuk-body">If you cannot scan it, choose to enter a key, then type this key:</p>
              <p class="govuk-body app-key" data-testid="totp-key">
                <For each={k().secret.match(/.{1,4}/g) ?? []}>{(group) => <span>{group} </span>}</For>
              </p>
              <p class="govuk-body-s">
                On a phone with the app on it, you can{' '}
                <a class="govuk-link" href={k().uri}>
                  open the key in your authenticator app
                </a>
                .
              </p>
            </>
          )}
        </Show>
      </Show>
      <h2 class="govuk-heading-m">3. Enter the code the app shows</h2>
      <Form onSubmit={submit} form={form} submit={form.busy() ? 'Checking the code…' : 'Turn on two-step sign-in'}>
        <CodeField error={form.err('code')} value={code()} onInput={setCode} />
      </Form>
    </Page>
  );
}

function TurnedOn(props: { status: SecondFactorStatus; flash: string | null; onOff: () => void }) {
  const [params] = useSearchParams<{ next?: string }>();
  const authenticator = useAuthenticator();
  const form = createFormState();
  const off = () => {
    const a = authenticator();
    if (typeof a === 'string') return form.setErrors([{ message: a }]);
    void form.save(
      async () => {
        await a.remove();
        await secondFactorChanged();
        props.onOff();
      },
      { fallback: 'Two-step sign-in could not be turned off. Try again.' },
    );
  };
  return (
    <Page title="Two-step sign-in" flash={props.flash} hasErrors={form.errors().length > 0}>
      <p class="govuk-body" data-testid="second-factor-state">
        Two-step sign-in is on. When you sign in, you enter your password and then the code from your authenticator app.
      </p>
      <Show when={params.next}>
        {(next) => (
          <p class="govuk-body">
            <A class="govuk-link" href={safeReturnTo(next())}>
              Carry on
            </A>
          </p>
        )}
      </Show>
      <Show
        when={!props.status.required}
        fallback={
          <p class="govuk-body">Your role needs two-step sign-in, so it cannot be turned off. If you lose your phone, ask the programme lead or your administrator for help.</p>
        }
      >
        <Form onSubmit={off} form={form} warning submit={form.busy() ? 'Turning it off…' : 'Turn off two-step sign-in'} />
      </Show>
    </Page>
  );
}
