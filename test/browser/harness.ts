import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { SeedFile } from '../../functions/seed/seed.js';
import { partnershipPath } from '../../shared/partnership/paths.js';
import { startTestPortal, type TestPortal } from '../support/portal.js';

/*
 * Shared set-up for the browser suites: the real portal (API + built SPA, seeded Medway demo) with
 * its Content-Security-Policy enforced, Debian's Chromium through playwright-core, and axe-core
 * injected through the DevTools protocol (page.evaluate), which CSP does not govern, so a CSP
 * violation by the app still fails the test.
 */

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
export const PASSWORD = 'demo-password';
/** Where the suites leave screenshots and PDFs for people to look at. */
export const SHOTS = process.env.SCREENSHOTS_DIR ?? '/tmp';

export interface Tab {
  page: Page;
  context: BrowserContext;
  cspViolations: string[];
  pageErrors: string[];
}

/** Starts a portal and a browser for one test file; closes both after it. */
export function useBrowserPortal(opts: { mail?: boolean; seed?: SeedFile; alsoSeed?: SeedFile[] } = {}) {
  const state: { portal?: TestPortal; browser?: Browser; tabs: Tab[] } = { tabs: [] };
  // The SPA is built once for the whole run by test/support/global-setup.ts.
  beforeAll(async () => {
    state.portal = await startTestPortal(opts);
    state.browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    });
  }, 180_000);
  afterAll(async () => {
    for (const tab of state.tabs) await tab.context.close().catch(() => undefined);
    await state.browser?.close();
    await state.portal?.stop();
  });

  /**
   * A page of a partnership (the portal's own unless named), as the app addresses it:
   * `/returns` -> `{portal}/p/mscp/returns`, `/` -> `{portal}/p/mscp` (the router's base).
   */
  const url = (path = '', partnershipId = state.portal!.partnershipId) =>
    `${state.portal!.url}${partnershipPath(partnershipId)}${path === '/' ? '' : path.replace(/^\/(?=[?#])/, '')}`;
  /** An address on the portal as it is (the API, or a page address naming no partnership). */
  const at = (path = '') => `${state.portal!.url}${path}`;

  async function newTab(viewport = { width: 1280, height: 900 }): Promise<Tab> {
    const context = await state.browser!.newContext({ viewport, locale: 'en-GB', acceptDownloads: true });
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    const tab: Tab = { page, context, cspViolations: [], pageErrors: [] };
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) tab.cspViolations.push(m.text());
    });
    page.on('pageerror', (e) => tab.pageErrors.push(e.message));
    await page.exposeFunction('__reportCsp', (v: string) => tab.cspViolations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __reportCsp(v: string): void }).__reportCsp(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
      });
    });
    state.tabs.push(tab);
    return tab;
  }

  async function closeTab(tab: Tab) {
    expect(tab.cspViolations, 'Content Security Policy violations').toEqual([]);
    expect(tab.pageErrors, 'uncaught errors in the page').toEqual([]);
    await tab.context.close();
    state.tabs.splice(state.tabs.indexOf(tab), 1);
  }

  /**
   * Signs in through the form and waits for the signed-in page at `landsOn` (home by default).
   * With `fromSignInPage: false` it fills the sign-in page the browser is already on (after a redirect).
   */
  async function signIn(page: Page, email: string, { landsOn = '/', fromSignInPage = true }: { landsOn?: string; fromSignInPage?: boolean } = {}) {
    if (fromSignInPage) await page.goto(url('/sign-in'));
    await submitSignIn(page, email);
    await page.waitForURL(url(landsOn));
    await page.locator('[data-testid="user-name"]').waitFor();
    await settled(page);
  }

  /** Signs out with the header button and waits for the sign-in page. */
  async function signOut(page: Page) {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(url('/sign-in'));
    // The form itself, without a reload: signing out must not take away what the page needs.
    await page.getByLabel('Email address').waitFor();
  }

  /**
   * The API as a demo user, for the steps around the pages a test does not walk through:
   * `call(method, path, body?, headers?)`, with the bearer token of the built-in sign-in.
   */
  async function apiAs(email: string) {
    const res = await fetch(at('/api/auth/login'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
    expect(res.status, `sign-in of ${email}`).toBe(200);
    const { token } = (await res.json()) as { token: string };
    return (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      fetch(at(path), {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
  }

  return { url, at, newTab, closeTab, signIn, signOut, apiAs, portal: () => state.portal! };
}

/** Fills the sign-in form on the current page and sends it (the caller checks what happens next). */
export async function submitSignIn(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Waits until data-driven parts have loaded, so checks see the finished page. By default a page
 * still busy after the timeout goes on to its checks; with `strict` that fails the test instead.
 */
export async function settled(page: Page, { strict = false }: { strict?: boolean } = {}) {
  if (strict) await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 8_000 }).toBe(0);
  else
    await page
      .locator('[aria-busy="true"]')
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
}

/** The page's h1, trimmed. */
export async function h1(page: Page): Promise<string> {
  return (await page.locator('h1').innerText()).trim();
}

/** Follows a link in the main menu, as people do. */
export async function openFromMenu(page: Page, label: string) {
  const menu = page.getByRole('navigation', { name: 'Menu' });
  // On a narrow screen the links are behind the Menu button.
  const button = menu.getByRole('button', { name: 'Menu' });
  if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await menu.getByRole('link', { name: label, exact: true }).click();
}

/** Saves a full-page screenshot as SHOTS/name.png. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Waits for loading to finish, runs axe-core and fails with one readable line per rule and the elements it flagged. */
export async function expectNoAxeViolations(page: Page, where: string) {
  await settled(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.map((v) => `${v.id} [${v.impact ?? 'n/a'}] ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }, AXE_TAGS);
  expect(violations, `axe violations on ${where}:\n${violations.join('\n')}`).toEqual([]);
}

/** Types `YYYY-MM-DD` into the GOV.UK date input (day, month, year) whose legend is `legend`, inside `scope` (a page or a form). */
export async function fillDate(scope: Pick<Page, 'getByRole'>, legend: string | RegExp, iso: string) {
  const [year, month, day] = iso.split('-').map(Number);
  const group = scope.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(day));
  await group.getByLabel('Month').fill(String(month));
  await group.getByLabel('Year').fill(String(year));
}
