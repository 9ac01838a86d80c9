import { useNavigate } from '@solidjs/router';
import { createResource, Match, Switch } from 'solid-js';
import { finishCognitoSignIn } from '../auth/cognito.js';
import { Loading } from '../components/loading.js';
import { Page } from '../components/page.js';
import { useApp } from '../state.js';

/** `/auth/callback`: Cognito sends people back here with a code; exchange it, then go where they were heading. */
export function AuthCallbackPage() {
  const app = useApp();
  const navigate = useNavigate();
  const [result] = createResource(
    () => (app.config.state === 'ready' ? app.config() : undefined),
    async (config) => {
      if (config.auth.mode !== 'cognito' || !config.auth.domain) throw new Error('This portal does not use an external sign-in.');
      const { session, returnTo } = await finishCognitoSignIn({ clientId: config.auth.clientId, domain: config.auth.domain }, new URLSearchParams(location.search));
      app.signIn(session);
      navigate(returnTo, { replace: true });
      return true;
    },
  );
  return (
    <Switch fallback={<Page title="Signing you in"><Loading label="Signing you in…" /></Page>}>
      <Match when={result.error}>
        <Page title="You could not be signed in" hasErrors>
          <p class="govuk-body">{(result.error as Error).message}</p>
          <p class="govuk-body">
            <a href="/sign-in" class="govuk-link">
              Sign in again
            </a>
          </p>
        </Page>
      </Match>
    </Switch>
  );
}
