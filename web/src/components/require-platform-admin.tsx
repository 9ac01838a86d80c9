import { Navigate, type RouteSectionProps } from '@solidjs/router';
import { Match, onMount, Show, Switch } from 'solid-js';
import { ApiError } from '../api/client.js';
import { useSecondFactor } from '../api/second-factor.js';
import { usePagePath } from '../page-path.js';
import { useApp } from '../state.js';
import { PageLoadLink } from './link-line.js';
import { AccountNotLoaded, secondFactorPage } from './require-sign-in.js';
import { Loading } from './loading.js';
import { Page } from './page.js';

/**
 * Parent route of platform administration's pages (`/platform...`), for platform administrators
 * only, as the platform's own record has them (`GET /api/platform/me`): signed-out visitors go to
 * sign in, then back here; anyone else is told they cannot view the page, and nothing of the
 * platform's is loaded for them. Opened inside a partnership's pages (`/p/mscp/platform`), the
 * same page opens at its own address, outside every partnership.
 */
export function RequirePlatformAdmin(props: RouteSectionProps) {
  const app = useApp();
  const page = usePagePath();
  // Platform administrators need two-step sign-in when the deployment says so: set it up first, then carry on.
  const [secondFactor] = useSecondFactor(() => (app.platform && app.signedIn() && app.platformAdmin.state === 'ready' ? 'session' : null));
  const settingUp = () => page().startsWith(secondFactorPage(true));
  return (
    <Show when={app.platform} fallback={<OwnAddress page={page()} />}>
      <Switch fallback={<Loading />}>
        <Match when={!app.signedIn()}>
          <Navigate href={app.signedOutDeliberately() ? '/sign-in' : `/sign-in?next=${encodeURIComponent(page())}`} />
        </Match>
        <Match when={app.platformAdmin.error instanceof ApiError && app.platformAdmin.error.status === 403}>
          <Page title="You cannot view this page">
            <p class="govuk-body">Platform administration is for the portal’s platform administrators. Your account does not give access to it.</p>
            <p class="govuk-body">
              <PageLoadLink href="/">Go to your home page</PageLoadLink>
            </p>
          </Page>
        </Match>
        <Match when={app.platformAdmin.error}>
          <AccountNotLoaded />
        </Match>
        <Match when={app.platformAdmin.state === 'ready' && settingUp()}>{props.children}</Match>
        <Match when={secondFactor.state === 'ready' && secondFactor()}>
          {(s) => (
            <Show when={!s().required || s().enrolled} fallback={<Navigate href={`${secondFactorPage(true)}?next=${encodeURIComponent(page())}`} />}>
              {props.children}
            </Show>
          )}
        </Match>
        <Match when={secondFactor.error}>
          <AccountNotLoaded />
        </Match>
      </Switch>
    </Show>
  );
}

/** A platform page asked for under a partnership's address: opened again at its own (a whole page load). */
function OwnAddress(props: { page: string }) {
  onMount(() => location.replace(`${props.page}${location.search}`));
  return <Loading />;
}
