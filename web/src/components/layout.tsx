import { ChangePartnership } from './change-partnership.js';
import { A, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { ROLE_LABELS } from '../../../shared/auth/role-labels.js';
import { clearPersonalDataQuestion, setUnauthorizedHandler } from '../api/client.js';
import { setSecondFactorHandler } from '../api/second-factor-prompt.js';
import { setFlash } from '../api/session.js';
import { navFor, PLATFORM_NAV } from '../nav.js';
import { PLATFORM_HOME } from '../../../shared/platform/paths.js';
import { AppFooter } from './app-footer.js';
import { usePagePath } from '../page-path.js';
import { useApp } from '../state.js';
import { SERVICE_NAME } from './page.js';
import { secondFactorPage } from './require-sign-in.js';

/** Skip link: focus <main> directly; a #hash navigation would go through the router. */
function SkipLink() {
  return (
    // biome-ignore lint/a11y/useValidAnchor: a real link to #main-content that moves focus itself (a hash would go through the router)
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
  const admin = () => (app.platformAdmin.state === 'ready' ? app.platformAdmin() : undefined);
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
            <A href={app.platform ? PLATFORM_HOME : '/'} class="app-header__service-name" end>
              {SERVICE_NAME}
            </A>
            {/* Always there, so the partnership's name arriving does not push the page down. */}
            <span class="app-header__partnership">
              {app.partnershipName()}
              <Show when={app.signedIn() && !app.platform}>
                <ChangePartnership />
              </Show>
            </span>
          </div>
          {/* Shown as soon as there is a session: its space is kept while the user's details load. */}
          <Show when={app.signedIn()}>
            <div class="app-header__account">
              <p class="app-header__user">
                <Show when={me()} fallback={<PlatformAdminName name={admin()?.name} />}>
                  {(user) => (
                    <>
                      <span class="app-header__user-name" data-testid="user-name">
                        {user().name}
                      </span>
                      <span class="app-header__user-role" data-testid="user-role">
                        {ROLE_LABELS[user().role]}
                        {/* Only once the agency's name is known (not while someone is still setting up two-step sign-in). */}
                        <Show when={app.agencyName(user().agencyId)}>
                          {(agency) => (
                            <>
                              {' · '}
                              <span data-testid="user-agency">{agency()}</span>
                            </>
                          )}
                        </Show>
                      </span>
                    </>
                  )}
                </Show>
              </p>
              <button type="button" class="app-header__sign-out" onClick={signOut}>
                Sign out
              </button>
            </div>
          </Show>
        </div>
      </div>
      <ServiceNavigation />
      <PhaseBanner />
    </header>
  );
}

/** The platform administrator in the header, where a partnership member's name and role are. */
function PlatformAdminName(props: { name: string | undefined }) {
  return (
    <Show when={props.name}>
      {(name) => (
        <>
          <span class="app-header__user-name" data-testid="user-name">
            {name()}
          </span>
          <span class="app-header__user-role" data-testid="user-role">
            Platform administrator
          </span>
        </>
      )}
    </Show>
  );
}

/**
 * The menu. On narrow screens it folds behind a "Menu" button (aria-expanded, aria-controls) so the
 * header takes little of a phone's screen; from 641 px the links show and the button is hidden (CSS
 * only, so nothing moves when the page loads). Following a link or pressing Escape closes it.
 */
function ServiceNavigation() {
  const app = useApp();
  const loc = useLocation();
  const [open, setOpen] = createSignal(false);
  let toggle: HTMLButtonElement | undefined;
  createEffect(
    on(
      () => loc.pathname,
      () => setOpen(false),
      { defer: true },
    ),
  );
  const items = () => {
    const me = app.me.state === 'ready' ? app.me() : undefined;
    if (app.platform) return app.platformAdmin.state === 'ready' ? PLATFORM_NAV : [];
    return me ? navFor(me) : [];
  };
  const closeOnEscape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open()) return;
    setOpen(false);
    toggle?.focus();
  };
  return (
    <Show when={app.signedIn()}>
      <div class="app-service-navigation">
        <nav aria-label="Menu" class="app-width-container" onKeyDown={closeOnEscape}>
          <button
            type="button"
            ref={toggle}
            class="app-service-navigation__toggle"
            aria-controls="app-navigation"
            aria-expanded={open() ? 'true' : 'false'}
            onClick={() => setOpen(!open())}
          >
            Menu
          </button>
          <ul id="app-navigation" class="app-service-navigation__list" classList={{ 'app-service-navigation__list--open': open() }}>
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
  // While the config loads, the demonstration sentence keeps its space (invisible), so the page
  // does not move down when it arrives; a deployment that is not the demonstration drops it.
  const mode = () => (app.config.state === 'ready' ? app.config()?.auth.mode : app.config.state === 'errored' ? 'unknown' : undefined);
  return (
    <div class="app-width-container">
      <div class="govuk-phase-banner">
        <p class="govuk-phase-banner__content">
          <strong class="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
          <span class="govuk-phase-banner__text">
            This is a new service.
            <Show when={mode() === undefined || mode() === 'local'}>
              <span classList={{ 'app-reserved': mode() === undefined }}> You are using the demonstration version with example data.</span>
            </Show>
          </span>
        </p>
      </div>
    </div>
  );
}

/** The page frame every route renders in: skip link, header, menu, main and footer landmarks. */
export function Layout(props: RouteSectionProps) {
  const app = useApp();
  const navigate = useNavigate();
  const loc = useLocation();
  const page = usePagePath();
  setUnauthorizedHandler((message) => {
    setFlash(message);
    app.signOut();
    if (!page().startsWith('/sign-in')) navigate(`/sign-in?next=${encodeURIComponent(page())}`, { replace: true });
  });
  // Someone whose role needs two-step sign-in, refused for the want of it, goes to set it up, then back.
  setSecondFactorHandler(() => {
    const here = page();
    const setUp = secondFactorPage(app.platform);
    if (!here.startsWith(setUp)) navigate(`${setUp}?next=${encodeURIComponent(here)}`, { replace: true });
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
      <AppFooter />
    </>
  );
}
