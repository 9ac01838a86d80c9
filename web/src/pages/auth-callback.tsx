import { useNavigate } from '@solidjs/router';
import { createEffect, createSignal, Show } from 'solid-js';
import { finishCognitoSignIn } from '../auth/cognito.js';
import { platformAdminOf } from '../api/platform.js';
import { isPlatformPage, PLATFORM_HOME } from '../../../shared/platform/paths.js';
import { LinkLine } from '../components/link-line.js';
import { LoadingPage } from '../components/loading.js';
import { Page } from '../components/page.js';
import { useApp } from '../state.js';

/** `/auth/callback`: Cognito sends people back here with a code; exchange it, then go where they were heading. */
export function AuthCallbackPage() {
  const app = useApp();
  const navigate = useNavigate();
  const [failure, setFailure] = createSignal<string>();
  let started = false;
  // Once the portal's config (which says how people sign in) has loaded: the code can be used only once.
  createEffect(() => {
    const config = app.config.state === 'ready' ? app.config() : undefined;
    if (!config || started) return;
    started = true;
    (async () => {
      if (config.auth.mode !== 'cognito' || !config.auth.domain) throw new Error('This portal does not use an external sign-in.');
      const { session, returnTo } = await finishCognitoSignIn({ clientId: config.auth.clientId, domain: config.auth.domain }, new URLSearchParams(location.search));
      // A platform administrator works in no partnership: they start in platform administration.
      if (await platformAdminOf(session.token)) {
        app.keepSession({ ...session, platformAdmin: true });
        return location.assign(isPlatformPage(returnTo) ? returnTo : PLATFORM_HOME);
      }
      app.signIn(session);
      if (isPlatformPage(returnTo) || app.platform) return location.assign(returnTo);
      navigate(returnTo, { replace: true });
    })().catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  });
  return (
    <Show when={failure()} fallback={<LoadingPage title="Signing you in" label="Signing you in…" />}>
      {(message) => (
        <Page title="You could not be signed in" hasErrors>
          <p class="govuk-body">{message()}</p>
          <LinkLine href="/sign-in">Sign in again</LinkLine>
        </Page>
      )}
    </Show>
  );
}
