import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, h1, settled, submitSignIn, useBrowserPortal } from './harness.js';

/*
 * The web shell in headless Chromium against the real server (API + built SPA, seeded Medway demo)
 * with its real Content-Security-Policy enforced. axe-core is injected through the DevTools protocol
 * (page.evaluate), which CSP does not govern, so we need no bypassCSP and a CSP violation by the
 * app still fails the test. The harness is in harness.ts.
 */

const b = useBrowserPortal();

async function navLabels(page: Page): Promise<string[]> {
  return (await page.getByRole('navigation', { name: 'Menu' }).getByRole('link').allInnerTexts()).map((t) => t.trim());
}

describe('web shell: signed out', () => {
  it('when a signed-out visitor opens the portal, it serves the strict CSP and shows the sign-in page with no accessibility violations', async () => {
    const tab = await b.newTab();
    // The portal's bare address: the page's address then names the service's own partnership.
    const res = await tab.page.goto(b.at('/'));
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await tab.page.waitForURL(b.url('/sign-in?next=%2F'));
    await expect.poll(() => h1(tab.page)).toBe('Sign in');
    await expect.poll(() => tab.page.title()).toBe('Sign in - Partnership Reform Portal');
    await expect.poll(() => tab.page.getByText('Demo sign-ins').isVisible()).toBe(true);
    await tab.page.getByText('council.officer@mscp.example').waitFor();
    expect(await tab.page.getByRole('navigation', { name: 'Menu' }).count()).toBe(0);
    await expectNoAxeViolations(tab.page, 'sign-in');
    await b.closeTab(tab);
  });

  it('when the password is wrong, it shows the error summary with the server detail, focused, with no violations', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await page.goto(b.url('/sign-in'));
    await submitSignIn(page, 'lead@mscp.example', 'not-the-password');
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    await expect.poll(() => summary.getByRole('heading').innerText()).toBe('There is a problem');
    await expect.poll(() => summary.getByRole('link').count()).toBe(1);
    expect(await summary.getByRole('link').getAttribute('href')).toBe('#email');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
    await expect.poll(() => page.title()).toBe('Error: Sign in - Partnership Reform Portal');
    expect(page.url()).toContain('/sign-in');
    await expectNoAxeViolations(page, 'sign-in with a wrong password');
    await b.closeTab(tab);
  });

  it('when the form is sent empty, it names each missing field, links to it and marks it, without calling the server', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await page.goto(b.url('/sign-in'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    const links = page.locator('.govuk-error-summary a');
    await links.first().waitFor();
    await expect.poll(() => links.allInnerTexts()).toEqual(['Enter your email address', 'Enter your password']);
    await expect.poll(() => page.locator('#email').getAttribute('aria-describedby')).toBe('email-error');
    await links.nth(1).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('password');
    await expectNoAxeViolations(page, 'sign-in with empty fields');
    await b.closeTab(tab);
  });

  it('when someone opens an unknown address, it shows the page-not-found page with no violations', async () => {
    const tab = await b.newTab();
    await tab.page.goto(b.url('/no-such-page'));
    await expect.poll(() => h1(tab.page)).toBe('Page not found');
    await expect.poll(() => tab.page.title()).toBe('Page not found - Partnership Reform Portal');
    await expectNoAxeViolations(tab.page, '404');
    await b.closeTab(tab);
  });

  it('when a member of the public opens the Kinship Local Offer, it shows it without sign-in', async () => {
    const tab = await b.newTab();
    await tab.page.goto(b.url('/kinship-offer'));
    await expect.poll(() => h1(tab.page)).toBe('Kinship Local Offer');
    expect(tab.page.url()).toBe(b.url('/kinship-offer'));
    await expectNoAxeViolations(tab.page, 'public kinship offer');
    await b.closeTab(tab);
  });
});

const ROLES = [
  {
    who: 'the programme lead',
    email: 'lead@mscp.example',
    name: 'Jordan Ellis',
    role: 'Reform programme lead',
    agency: 'Medway Council',
    heading: 'Reform programme overview',
    nav: ['Home', 'Returns', 'Threshold document', 'Kinship offer', 'Readiness', 'Tracker', 'Yearly reports', 'Outcome measures', 'Programme set-up', 'People', 'Audit trail'],
  },
  {
    who: 'an executive member',
    email: 'exec@mscp.example',
    name: 'Sam Patel',
    role: 'Partnership executive',
    agency: null,
    heading: 'Shared tracker',
    nav: ['Home (tracker)', 'Yearly reports', 'Outcome measures', 'Threshold document', 'Kinship offer', 'Readiness'],
  },
  {
    who: 'a council partner',
    email: 'council@mscp.example',
    name: 'Morgan Reid',
    role: 'Partner agency officer',
    agency: 'Medway Council',
    heading: "Your agency's work",
    // Morgan Reid is also the council's agency administrator in the demo: People is theirs too.
    nav: ['Home', 'Our return', 'Threshold document', 'Kinship offer', 'Readiness', 'Outcome measures', 'People'],
  },
  {
    who: 'a police partner',
    email: 'police@mscp.example',
    name: 'Riley Shaw',
    role: 'Partner agency officer',
    agency: 'Kent Police',
    heading: "Your agency's work",
    nav: ['Home', 'Our return', 'Threshold document', 'Kinship offer', 'Readiness', 'Outcome measures'],
  },
] as const;

describe('web shell: signed in', () => {
  for (const r of ROLES) {
    it(`when ${r.who} signs in, it shows their home page, header and menu, every menu page exists, and sign-out returns to sign-in`, async () => {
      const tab = await b.newTab();
      const { page } = tab;
      await b.signIn(page, r.email);

      await expect.poll(() => h1(page)).toBe(r.heading);
      await expect.poll(() => page.title()).toBe(`${r.heading} - Partnership Reform Portal`);
      await expect.poll(() => page.locator('[data-testid="user-name"]').innerText()).toBe(r.name);
      await expect.poll(() => page.locator('[data-testid="user-role"]').innerText()).toContain(r.role);
      if (r.agency) await expect.poll(() => page.locator('[data-testid="user-agency"]').innerText()).toBe(r.agency);
      else expect(await page.locator('[data-testid="user-agency"]').count()).toBe(0);
      await expect.poll(() => page.locator('.app-header__partnership').innerText()).toBe('Medway Safeguarding Children Partnership');
      await expect.poll(() => navLabels(page)).toEqual([...r.nav]);
      if (r.agency && r.heading === "Your agency's work") {
        // The partner home lists the workstreams their agency contributes to, from /api/partnership.
        await expect.poll(() => page.locator('.app-workstream').count()).toBeGreaterThan(0);
      }
      await expectNoAxeViolations(page, `${r.email} home`);

      // Every menu link opens a real page with one h1 (never the 404), and focus moves to that h1.
      const menu = page.getByRole('navigation', { name: 'Menu' });
      for (const label of r.nav.slice(1)) {
        await menu.getByRole('link', { name: label, exact: true }).click();
        await expect.poll(() => h1(page)).not.toBe(r.heading);
        expect(await h1(page)).not.toBe('Page not found');
        await expect.poll(() => page.locator('h1').count()).toBe(1);
        await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
        await expect.poll(() => menu.getByRole('link', { name: label, exact: true }).getAttribute('aria-current')).toBe('page');
        await expectNoAxeViolations(page, `${r.email} ${label}`);
        await menu.getByRole('link', { name: r.nav[0], exact: true }).click();
        await expect.poll(() => h1(page)).toBe(r.heading);
      }

      await b.signOut(page);
      await expect.poll(() => h1(page)).toBe('Sign in');
      await page.getByText('You have signed out.').waitFor();
      expect(await page.evaluate(() => sessionStorage.getItem('prp.session'))).toBeNull();
      await page.goto(b.url('/'));
      await page.waitForURL(/\/sign-in/);
      await b.closeTab(tab);
    }, 90_000);
  }

  it('when a partner types the address of a lead-only page, it says they cannot view it', async () => {
    const tab = await b.newTab();
    await b.signIn(tab.page, 'council.officer@mscp.example');
    await tab.page.goto(b.url('/returns'));
    await tab.page.locator('[data-testid="user-name"]').waitFor();
    await expect.poll(() => h1(tab.page)).toBe('You cannot view this page');
    await b.closeTab(tab);
  });

  it('when the session token is no longer accepted, it returns to sign-in saying the session has ended', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'health@mscp.example');
    // Let the home page finish loading first: a request still on its way would meet the broken token
    // on this page, end the session here and show the message before the test looks for it.
    await settled(page, { strict: true });
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('prp.session') ?? '{}') as { expiresAt: string };
      sessionStorage.setItem('prp.session', JSON.stringify({ token: 'not.a.valid-token', expiresAt: s.expiresAt }));
    });
    // A slow phone (or a busy CI machine): the first 401s can come back before the layout mounts.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    await page.goto(b.url('/readiness'));
    await page.waitForURL(/\/sign-in\?next=%2Freadiness$/);
    await page.getByText('Your session has ended').waitFor();
    // The slow phone was for the race above; signing in again runs at normal speed (an 8x slower CPU
    // on a busy CI machine made loading the sign-in form itself outlast the wait).
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await expectNoAxeViolations(page, 'sign-in after the session ended');
    // Signing in again goes back to where they were heading.
    await b.signIn(page, 'health@mscp.example', { landsOn: '/readiness', fromSignInPage: false });
    await expect.poll(() => h1(page)).toBe('Readiness');
    await b.closeTab(tab);
  });

  it('when the window is 320 pixels wide (400% zoom), it has no horizontal scrolling on sign-in or home', async () => {
    const tab = await b.newTab({ width: 320, height: 640 });
    const { page } = tab;
    await page.goto(b.url('/sign-in'));
    await expect.poll(() => h1(page)).toBe('Sign in');
    await settled(page, { strict: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await b.signIn(page, 'council.officer@mscp.example');
    await expect.poll(() => h1(page)).toBe("Your agency's work");
    await settled(page, { strict: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page, 'partner home at 320px');
    await b.signOut(page);
    await b.signIn(page, 'lead@mscp.example');
    await expect.poll(() => h1(page)).toBe('Reform programme overview');
    await settled(page, { strict: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page, 'lead home at 320px');
    await b.closeTab(tab);
  });
});

describe('web shell: the menu on a phone', () => {
  it('when a phone (320 x 800) shows a signed-in page, the header and closed menu take little of the screen, and the Menu button opens and closes the menu by mouse and keyboard with no violations', async () => {
    const tab = await b.newTab({ width: 320, height: 800 });
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await expect.poll(() => h1(page)).toBe('Reform programme overview');
    await settled(page, { strict: true });

    // Header, closed menu and phase banner together: under 30% of the screen (they took 480 px).
    const header = page.getByRole('banner');
    expect(await header.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(240);
    expect(await page.locator('h1').evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(300);
    await expect.poll(() => page.locator('[data-testid="user-name"]').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);

    const menu = page.getByRole('navigation', { name: 'Menu' });
    const button = menu.getByRole('button', { name: 'Menu' });
    const controls = await button.getAttribute('aria-controls');
    expect(controls).toBeTruthy();
    const list = page.locator(`[id="${controls}"]`);
    expect(await list.count()).toBe(1);
    const links = () => menu.getByRole('link');
    const expanded = () => button.getAttribute('aria-expanded');
    expect(await expanded()).toBe('false');
    expect(await list.isVisible()).toBe(false);
    expect(await links().count()).toBe(0);
    await expectNoAxeViolations(page, 'lead home at 320px, menu closed');

    // Mouse: opens, shows every link, closes again.
    await button.click();
    await expect.poll(expanded).toBe('true');
    await expect.poll(() => list.isVisible()).toBe(true);
    await expect
      .poll(async () => (await links().allInnerTexts()).map((t) => t.trim()))
      .toEqual([
        'Home',
        'Returns',
        'Threshold document',
        'Kinship offer',
        'Readiness',
        'Tracker',
        'Yearly reports',
        'Outcome measures',
        'Programme set-up',
        'People',
        'Audit trail',
      ]);
    await expectNoAxeViolations(page, 'lead home at 320px, menu open');
    await button.click();
    await expect.poll(expanded).toBe('false');
    await expect.poll(() => list.isVisible()).toBe(false);

    // Keyboard: Enter opens, Tab reaches the first link, Escape closes and returns focus to the
    // button, Space opens and closes.
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(expanded).toBe('true');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Home');
    await page.keyboard.press('Escape');
    await expect.poll(expanded).toBe('false');
    await expect.poll(() => list.isVisible()).toBe(false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Menu');
    await page.keyboard.press('Space');
    await expect.poll(expanded).toBe('true');
    await page.keyboard.press('Space');
    await expect.poll(expanded).toBe('false');

    // Following a link from the open menu goes there and closes the menu.
    await page.keyboard.press('Enter');
    await expect.poll(expanded).toBe('true');
    await menu.getByRole('link', { name: 'Readiness', exact: true }).press('Enter');
    await expect.poll(() => h1(page)).toBe('Readiness');
    await expect.poll(expanded).toBe('false');
    await expect.poll(() => list.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    // On a wider screen the links show without the button, whatever the menu's state was.
    await page.setViewportSize({ width: 1024, height: 800 });
    await expect.poll(() => button.isVisible()).toBe(false);
    await expect.poll(() => links().count()).toBe(11);
    await expectNoAxeViolations(page, 'readiness at 1024px after using the phone menu');
    await b.closeTab(tab);
  }, 60_000);
});
