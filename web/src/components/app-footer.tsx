import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { useApp } from '../state.js';
import { PageLoadLink } from './link-line.js';
import { SERVICE_NAME } from './page.js';

/** The footer's links for everyone (the public pages), then for the signed-in person only. */
const FOOTER_LINKS = [
  { href: '/kinship-offer', text: 'Kinship Local Offer' },
  { href: '/accessibility', text: 'Accessibility statement' },
  { href: '/privacy', text: 'Privacy notice' },
];
const SIGNED_IN_FOOTER_LINKS = [
  { href: '/settings/notifications', text: 'Email settings' },
  { href: '/partnerships', text: 'Your partnerships' },
];
/** On platform pages: the statements, which open in the tab's partnership (a whole page load). */
const PLATFORM_FOOTER_LINKS = FOOTER_LINKS.filter((l) => l.href !== '/kinship-offer');

/**
 * The page footer: the public pages, then the signed-in person's own. On platform pages only the
 * statements, each opening in the tab's partnership (a whole page load: these pages have no partnership).
 */
export function AppFooter() {
  const app = useApp();
  return (
    <footer class="app-footer">
      <div class="app-width-container">
        <h2 class="govuk-visually-hidden">Support links</h2>
        <ul class="app-footer__links">
          <Show
            when={!app.platform}
            fallback={
              <For each={PLATFORM_FOOTER_LINKS}>
                {(link) => (
                  <li>
                    <PageLoadLink href={link.href} class="app-footer__link">
                      {link.text}
                    </PageLoadLink>
                  </li>
                )}
              </For>
            }
          >
            <For each={[...FOOTER_LINKS, ...(app.me() ? SIGNED_IN_FOOTER_LINKS : [])]}>
              {(link) => (
                <li>
                  <A href={link.href} class="app-footer__link">
                    {link.text}
                  </A>
                </li>
              )}
            </For>
          </Show>
        </ul>
        <p class="app-footer__text">This portal holds programme information only. Never enter a child's or family member's name, date of birth, NHS number or address.</p>
        <p class="app-footer__text">
          {SERVICE_NAME}
          <Show when={!app.platform && app.partnershipName()}> for {app.partnershipName()}</Show>
        </p>
      </div>
    </footer>
  );
}
