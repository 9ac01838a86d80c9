import { resolve } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLocalKeys } from '../../functions/auth/tokens.js';
import { createDocumentClient } from '../../functions/db/client.js';
import { startServer } from '../../functions/local/server.js';
import { seedPlatformAdmins } from '../../functions/seed/seed.js';
import { partnershipPath } from '../../shared/partnership/paths.js';
import { createSeededTables, DEMO_PASSWORD, testConfig } from '../support/tables.js';
import { expectNoAxeViolations, h1, screenshot, settled, submitSignIn } from './harness.js';

/*
 * Two-step sign-in (issue 14) in the browser, with the portal started as AWS runs it in this
 * respect: `SECOND_FACTOR=required-for-roles` (the demo leaves it optional, which the other
 * browser suites use). Jordan Ellis, the programme lead, opens the returns, signs in, and is sent
 * to set up two-step sign-in with the reason why; she adds the key to "her app" (a code computed
 * here from the key the page shows), and carries on to the returns. Signed out and in again, she
 * is asked for the code after her password. Each page and error state is checked with axe-core.
 */

const LEAD = 'lead@mscp.example';

let browser: Browser;
let portal: { url: string; close(): Promise<void> };
let drop: () => Promise<unknown>;
const pageErrors: string[] = [];
const cspViolations: string[] = [];

beforeAll(async () => {
  const tables = await createSeededTables(testConfig({ secondFactor: 'required-for-roles' }));
  drop = tables.drop;
  await seedPlatformAdmins(createDocumentClient({ ...tables.config.dynamodb, timeoutMs: 60_000 }), tables.config.tables, { password: DEMO_PASSWORD });
  portal = await startServer({ config: tables.config, doc: tables.doc, keys: await generateLocalKeys(), webDist: resolve('web/dist'), port: 0 });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await drop?.();
});

const url = (path: string) => `${portal.url}${partnershipPath('mscp')}${path === '/' ? '' : path}`;
const summary = (page: Page) => page.locator('.govuk-error-summary');
const codeNow = (key: string) => new TOTP({ secret: Secret.fromBase32(key.replace(/\s+/g, '')) }).generate();
/** A 6-digit code that is not the one due now (nor the one either side). */
const wrongCode = (key: string) => {
  const right = new Set([-30_000, 0, 30_000].map((d) => new TOTP({ secret: Secret.fromBase32(key.replace(/\s+/g, '')) }).generate({ timestamp: Date.now() + d })));
  return ['111111', '222222', '333333', '444444'].find((c) => !right.has(c))!;
};

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  context.setDefaultTimeout(8_000);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  return page;
}

describe('two-step sign-in for the programme lead', () => {
  let key = '';

  it('when the lead without an authenticator signs in, she is sent to set one up, told why, and carries on to the returns after', async () => {
    const page = await newPage();
    await page.goto(url('/returns'));
    await page.waitForURL((u) => u.pathname.endsWith('/sign-in'));
    await submitSignIn(page, LEAD);
    await page.waitForURL((u) => u.pathname.endsWith('/settings/two-step-sign-in') && u.searchParams.get('next') === '/returns');
    await expect.poll(() => h1(page)).toBe('Set up two-step sign-in');
    await expect.poll(() => page.getByTestId('second-factor-why').innerText()).toMatch(/programme lead/);
    await expect.poll(() => page.getByRole('img', { name: /QR code/ }).count()).toBe(1);
    key = (await page.getByTestId('totp-key').innerText()).replace(/\s+/g, '');
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    expect(await page.getByRole('link', { name: 'open the key in your authenticator app' }).getAttribute('href')).toMatch(/^otpauth:\/\/totp\//);
    await expectNoAxeViolations(page, 'set up two-step sign-in');
    await screenshot(page, 'second-factor-set-up');

    // Nothing typed, then not 6 digits, then a code that is not right: each says what to do.
    const turnOn = page.getByRole('button', { name: 'Turn on two-step sign-in' });
    await turnOn.click();
    await expect.poll(() => summary(page).innerText()).toContain('Enter the 6-digit code from your authenticator app');
    await expectNoAxeViolations(page, 'set up two-step sign-in: no code');
    await page.getByLabel('Code from your authenticator app').fill('12');
    await turnOn.click();
    await expect.poll(() => summary(page).innerText()).toContain('The code is 6 digits from your authenticator app');
    await page.getByLabel('Code from your authenticator app').fill(wrongCode(key));
    await turnOn.click();
    await expect.poll(() => summary(page).innerText()).toContain('The code is not right');
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await expectNoAxeViolations(page, 'set up two-step sign-in: wrong code');

    await page.getByLabel('Code from your authenticator app').fill(codeNow(key));
    await turnOn.click();
    await page.waitForURL(url('/returns'));
    await page.locator('[data-testid="user-name"]').waitFor();
    await expect.poll(() => h1(page)).not.toBe('Set up two-step sign-in');
    // What the portal refused her before is read again: the header names her agency.
    await expect.poll(() => page.getByTestId('user-agency').innerText()).toBe('Medway Council');
    await settled(page);

    // Her settings say it is on, and that her role cannot turn it off.
    await page.goto(url('/settings/two-step-sign-in'));
    await expect.poll(() => page.getByTestId('second-factor-state').innerText()).toMatch(/is on/);
    expect(await page.getByRole('button', { name: 'Turn off two-step sign-in' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'two-step sign-in is on');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(url('/sign-in'));
    await page.context().close();
  });

  it('when she signs in again, the code is asked for after her password; a wrong one is refused, the right one signs her in', async () => {
    const page = await newPage();
    await page.goto(url('/sign-in'));
    await submitSignIn(page, LEAD);
    await expect.poll(() => h1(page)).toBe('Enter the code from your authenticator app');
    await expectNoAxeViolations(page, 'the sign-in code');
    const go = page.getByRole('button', { name: 'Continue' });
    await go.click();
    await expect.poll(() => summary(page).innerText()).toContain('Enter the 6-digit code from your authenticator app');
    await page.getByLabel('Code from your authenticator app').fill(wrongCode(key));
    await go.click();
    await expect.poll(() => summary(page).innerText()).toContain('The code is not right');
    await expectNoAxeViolations(page, 'the sign-in code: wrong code');
    await screenshot(page, 'second-factor-sign-in-code');
    await page.getByLabel('Code from your authenticator app').fill(codeNow(key));
    await go.click();
    await page.waitForURL(url('/'));
    await expect.poll(() => page.getByTestId('user-name').innerText()).toBe('Jordan Ellis');
    await page.context().close();
  });

  it('when the pages were used, nothing broke the Content Security Policy or threw', () => {
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
