import { Navigate, type RouteSectionProps } from '@solidjs/router';
import { Match, Show, Switch } from 'solid-js';
import { partnershipPath } from '../../../shared/partnership/paths.js';
import { PLATFORM_HOME } from '../../../shared/platform/paths.js';
import { ApiError } from '../api/client.js';
import { useMyPartnerships } from '../api/partnerships.js';
import { canOpen } from '../nav.js';
import { usePagePath } from '../page-path.js';
import { useApp } from '../state.js';
import { LinkLine, PageLoadLink } from './link-line.js';
import { Loading } from './loading.js';
import { Page } from './page.js';

/** Where two-step sign-in is set up: in a partnership's settings, or on the platform's own pages. */
export const secondFactorPage = (platform: boolean) => (platform ? '/platform/two-step-sign-in' : '/settings/two-step-sign-in');

/**
 * Parent route for everything behind sign-in: sends signed-out visitors to sign in, then back here,
 * and someone whose role here needs two-step sign-in to set it up first, then back here.
 */
export function RequireSignIn(props: RouteSectionProps) {
  const app = useApp();
  const page = usePagePath();
  return (
    <Switch fallback={<Loading />}>
      <Match when={!app.signedIn()}>
        <Navigate href={app.signedOutDeliberately() ? '/sign-in' : `/sign-in?next=${encodeURIComponent(page())}`} />
      </Match>
      <Match when={app.platformAdminSession()}>
        <Page title="You cannot view this page">
          <p class="govuk-body">You are signed in as a platform administrator. Platform administrators create partnerships but do not work in them.</p>
          <p class="govuk-body">
            <PageLoadLink href={PLATFORM_HOME}>Go to platform administration</PageLoadLink>
          </p>
        </Page>
      </Match>
      <Match when={app.me.error instanceof ApiError && app.me.error.status === 404}>
        <NotYourPartnership />
      </Match>
      <Match when={app.me.error}>
        <AccountNotLoaded />
      </Match>
      <Match when={app.me.state === 'ready' && app.me()}>
        {(me) => (
          <Switch>
            <Match when={me().secondFactor.required && !me().secondFactor.enrolled && !page().startsWith(secondFactorPage(false))}>
              <Navigate href={`${secondFactorPage(false)}?next=${encodeURIComponent(page())}`} />
            </Match>
            <Match when={!canOpen(me().role, page(), me().agencyAdmin)}>
              <Page title="You cannot view this page">
                <p class="govuk-body">Your account ({me().email}) does not give access to this part of the portal.</p>
                <LinkLine href="/">Go to your home page</LinkLine>
              </Page>
            </Match>
            <Match when={true}>{props.children}</Match>
          </Switch>
        )}
      </Match>
    </Switch>
  );
}

/**
 * An address naming a partnership the person does not work in (or none at all): "not found", as
 * the API answers, so it never says whether that partnership exists; the way on is their own.
 */
function NotYourPartnership() {
  const [mine] = useMyPartnerships();
  const first = () => mine()?.partnerships[0];
  return (
    <Page title="Page not found">
      <p class="govuk-body">There is no page at this address in a partnership you work in. If you typed the web address, check it is correct.</p>
      <Show when={first()}>
        {(p) => (
          <p class="govuk-body">
            <a class="govuk-link" href={`${partnershipPath(p().id)}/partnerships`} target="_self">
              Go to your partnerships
            </a>
          </p>
        )}
      </Show>
    </Page>
  );
}

/** The page when the signed-in person's details (their membership, or their administrator record) could not be loaded. */
export function AccountNotLoaded() {
  return (
    <Page title="Sorry, there is a problem with the service">
      <p class="govuk-body">Your account details could not be loaded. Try again later.</p>
    </Page>
  );
}
