import { A, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { createEffect, For, on, Show } from 'solid-js';
import { ROLE_LABELS } from '../../../shared/auth/roles.js';
import { clearPersonalDataQuestion, setUnauthorizedHandler } from '../api/client.js';
import { setFlash } from '../api/session.js';
import { NAV } from '../nav.js';
import { useApp } from '../state.js';
import { SERVICE_NAME } from './page.js';

/** Skip link: focus <main> directly; a #hash navigation would go through the router. */
function SkipLink() {
  return (
    <a
      href="#main-content"
      class="govuk-skip-link"
      onClick={(e) => {
        e.preventDefault();
        document.getElementById('main-content')?.focus();
      }}
    >
      Skip to main content
    </a>
  );
}

function Header() {
  const app = useApp();
  const navigate = useNavigate();
  const me = () => (app.me.state === 'ready' ? app.me() : undefined);
  const signOut = () => {
    const config = app.config.state === 'ready' ? app.config() : undefined;
    if (config?.auth.mode === 'cognito' && config.auth.domain) {
      app.signOut({ deliberate: true });
      // End the Cognito session too, or "Sign in" would silently sign the same person back in.
      const domain = config.auth.domain.replace(/^https:\/\//, '');
      const params = new URLSearchParams({ client_id: config.auth.clientId, logout_uri: `${location.origin}/sign-in` });
      location.assign(`https://${domain}/logout?${params}`);
      return;
    }
    // Flash first: signing out re-renders a protected page into a redirect to sign-in at once.
    setFlash('signed-out');
    app.signOut({ deliberate: true });
    navigate('/sign-in');
  };
  return (
    <header class="app-header-wrapper">
      <div class="app-header">
      <div class="app-width-container app-header__container">
        <div class="app-header__service">
          <A href="/" class="app-header__service-name" end>
            {SERVICE_NAME}
          </A>
          <Show when={app.partnershipName()}>
            <span class="app-header__partnership">{app.partnershipName()}</span>
          </Show>
        </div>
        <Show when={me()}>
          {(user) => (
            <div class="app-header__account">
              <p class="app-header__user">
                <span class="app-header__user-name" data-testid="user-name">
                  {user().name}
                </span>
                <span class="app-header__user-role" data-testid="user-role">
                  {ROLE_LABELS[user().role]}
                  <Show when={user().agencyId}>
                    {' · '}
                    <span data-testid="user-agency">{app.agencyName(user().agencyId)}</span>
                  </Show>
                </span>
              </p>
              <button type="button" class="app-header__sign-out" onClick={signOut}>
                Sign out
              </button>
            </div>
          )}
        </Show>
      </div>
      </div>
      <ServiceNavigation />
      <PhaseBanner />
    </header>
  );
}

function ServiceNavigation() {
  const app = useApp();
  const items = () => {
    const me = app.me.state === 'ready' ? app.me() : undefined;
    return me ? NAV[me.role] : [];
  };
  return (
    <Show when={items().length > 0}>
      <div class="app-service-navigation">
        <nav aria-label="Menu" class="app-width-container">
          <ul class="app-service-navigation__list">
            <For each={items()}>
              {(item) => (
                <li class="app-service-navigation__item">
                  <A href={item.href} end class="app-service-navigation__link" activeClass="app-service-navigation__link--active">
                    {item.label}
                  </A>
                </li>
              )}
            </For>
          </ul>
        </nav>
      </div>
    </Show>
  );
}

function PhaseBanner() {
  const app = useApp();
  const local = () => app.config.state === 'ready' && app.config().auth.mode === 'local';
  return (
    <div class="app-width-container">
      <p class="govuk-phase-banner">
        <strong class="govuk-tag govuk-phase-banner__tag">Beta</strong>
        <span class="govuk-phase-banner__text">
          This is a new service.
          <Show when={local()}> You are using the demonstration version with example data.</Show>
        </span>
      </p>
    </div>
  );
}

/** The page frame every route renders in: skip link, header, menu, main and footer landmarks. */
export function Layout(props: RouteSectionProps) {
  const app = useApp();
  const navigate = useNavigate();
  const loc = useLocation();
  setUnauthorizedHandler((message) => {
    setFlash(message);
    app.signOut();
    if (!loc.pathname.startsWith('/sign-in')) navigate(`/sign-in?next=${encodeURIComponent(loc.pathname)}`, { replace: true });
  });
  // A personal-data question belongs to the page that asked it.
  createEffect(on(() => loc.pathname, clearPersonalDataQuestion, { defer: true }));
  return (
    <>
      <SkipLink />
      <Header />
      <div class="app-width-container">
        <main class="app-main-wrapper" id="main-content" tabindex="-1">
          {props.children}
        </main>
      </div>
      <footer class="app-footer">
        <div class="app-width-container">
          <h2 class="govuk-visually-hidden">Support links</h2>
          <ul class="app-footer__links">
            <li>
              <A href="/kinship-offer" class="app-footer__link">
                Kinship Local Offer
              </A>
            </li>
          </ul>
          <p class="app-footer__text">
            This portal holds programme information only. Never enter a child's or family member's name, date of birth, NHS number or
            address.
          </p>
          <p class="app-footer__text">
            {SERVICE_NAME}
            <Show when={app.partnershipName()}> for {app.partnershipName()}</Show>
          </p>
        </div>
      </footer>
    </>
  );
}
