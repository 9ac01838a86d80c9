import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPortal } from '../support/portal.js';
import { ensureWebBuilt } from './build-web.js';

/*
 * The Kinship Local Offer in headless Chromium against the real server and its CSP: a partner
 * drafts an item and sends it for review, the lead publishes it, and it appears on the public page
 * (signed out), where drafts never appear; the public search and filter; axe-core on every page,
 * at 320px too; the print leaflet.
 */

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const PASSWORD = 'demo-password';
const SHOTS = process.env.SCREENSHOTS_DIR ?? '/tmp';
const SEED = JSON.parse(readFileSync(new URL('../../functions/seed/data/mscp/kinship-items.json', import.meta.url), 'utf8')) as { title: string; status: string }[];
const SEEDED_UNPUBLISHED = SEED.filter((i) => i.status === 'draft' || i.status === 'in-review').map((i) => i.title);

let portal: { url: string; stop(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  portal = await startTestPortal();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

interface Tab {
  page: Page;
  context: BrowserContext;
  cspViolations: string[];
  pageErrors: string[];
}

async function newTab(viewport = { width: 1280, height: 900 }): Promise<Tab> {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
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
  return tab;
}

async function closeTab(tab: Tab) {
  expect(tab.cspViolations, 'Content Security Policy violations').toEqual([]);
  expect(tab.pageErrors, 'uncaught errors in the page').toEqual([]);
  await tab.context.close();
}

async function settle(page: Page) {
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' }).catch(() => undefined);
}

async function expectNoAxeViolations(page: Page, where: string) {
  await settle(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.map((v) => `${v.id} [${v.impact ?? 'n/a'}] ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }, AXE_TAGS);
  expect(violations, `axe violations on ${where}:\n${violations.join('\n')}`).toEqual([]);
}

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

async function signIn(page: Page, email: string) {
  await page.goto(`${portal.url}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${portal.url}/`);
  await page.locator('[data-testid="user-name"]').waitFor();
}

async function openRegister(page: Page) {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Kinship offer', exact: true }).click();
  await page.locator('[data-testid="register-count"]').waitFor();
  await settle(page);
}

async function openPublicOffer(page: Page) {
  await page.goto(`${portal.url}/kinship-offer`);
  await page.locator('[data-testid="results-count"]').waitFor();
  await settle(page);
}

const publicTitles = (page: Page) => page.locator('.app-offer-item__title').allInnerTexts();

const ITEM = {
  title: 'Wellbeing drop-in for kinship carers',
  summary: 'A monthly drop-in where kinship carers can talk to a mental health nurse about their own wellbeing and the stress of caring.',
  eligibility: 'Any kinship carer living in Medway, whatever the legal arrangement.',
  howToApply: 'Just come along. You do not need to book or be referred.',
  contact: 'See times and places at https://www.example.nhs.uk/kinship-wellbeing or ask your health visitor.',
};

describe('Kinship Local Offer', () => {
  let itemPath = '';

  it('when a partner drafts an item through the form and sends it for review, it is in review and not public', async () => {
    const tab = await newTab();
    const { page } = tab;
    await signIn(page, 'health@mscp.example');
    await openRegister(page);
    expect(await page.getByRole('heading', { name: 'Coverage of the statutory categories' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'partner register');

    // Filters: a GOV.UK filter form; the register shows only what matches.
    await page.getByLabel('Status').selectOption('draft');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.locator('[data-testid="register-count"]').innerText()).toMatch(/match the filters/);
    await page.waitForURL(/status=draft/);
    const statuses = await page.locator('#register tbody td[data-label="Status"] .govuk-tag').allInnerTexts();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['Draft']));
    await expectNoAxeViolations(page, 'partner register filtered');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.locator('[data-testid="register-count"]').innerText()).toMatch(/in the register/);

    // The form: empty, then with errors, then filled.
    await page.getByRole('button', { name: 'Add an item' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a Kinship Local Offer item' }).waitFor();
    await settle(page);
    await expectNoAxeViolations(page, 'item form');
    await page.getByLabel('Category').selectOption('financial-support');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary a').allInnerTexts()).toEqual([
      'Enter a title families will recognise',
      'Enter a plain-English summary of the support',
      'Choose at least one kinship arrangement this support is for',
      'Say how decisions about financial support are made',
    ]);
    await page.locator('.govuk-error-summary a').nth(2).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('arrangementTypes');
    await expectNoAxeViolations(page, 'item form with errors');
    await page.screenshot({ path: `${SHOTS}/kinship-form-errors.png`, fullPage: true });

    await page.getByLabel('Category').selectOption('health-and-wellbeing');
    await page.getByLabel('Title').fill(ITEM.title);
    await page.getByLabel('Summary').fill(ITEM.summary);
    await page.getByLabel('Special guardianship order').check();
    await page.getByLabel('Child arrangements order').check();
    await page.getByLabel('Informal or family arrangement').check();
    await page.getByLabel('Who can get it').fill(ITEM.eligibility);
    await page.getByLabel('How to apply').fill(ITEM.howToApply);
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    expect(await page.getByLabel('Who provides it').inputValue()).toBe('nhs-kent-medway');
    await page.getByLabel('Contact').fill(ITEM.contact);
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.getByRole('heading', { level: 1, name: ITEM.title }).waitFor();
    itemPath = new URL(page.url()).pathname;
    expect(itemPath).toMatch(/^\/kinship\/wellbeing-drop-in-for-kinship-carers-[a-z0-9]+$/);
    expect(await page.locator('[data-testid="item-status"]').innerText()).toBe('Draft');
    expect(await page.locator('.govuk-notification-banner--success').innerText()).toContain('saved as a draft');
    await expectNoAxeViolations(page, 'draft item page (partner)');

    // A draft never appears on the public page.
    const pub = await newTab();
    await openPublicOffer(pub.page);
    expect(await publicTitles(pub.page)).not.toContain(ITEM.title);

    await page.getByRole('button', { name: 'Send for review' }).click();
    await expect.poll(() => page.locator('[data-testid="item-status"]').innerText()).toBe('In review');
    expect(await page.getByRole('button', { name: 'Send for review' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'item in review (partner)');
    await page.screenshot({ path: `${SHOTS}/kinship-item-in-review.png`, fullPage: true });

    await pub.page.reload();
    await pub.page.locator('[data-testid="results-count"]').waitFor();
    expect(await publicTitles(pub.page)).not.toContain(ITEM.title);
    await closeTab(pub);
    await closeTab(tab);
  }, 60_000);

  it('when the lead publishes it from the review queue, it appears on the public page, signed out', async () => {
    const tab = await newTab();
    const { page } = tab;
    await signIn(page, 'lead@mscp.example');
    await openRegister(page);
    await page.getByRole('heading', { name: 'Coverage of the statutory categories' }).waitFor();
    await page.locator('[data-testid="coverage-summary"]').waitFor();
    expect(await page.locator('[data-testid="coverage-summary"]').innerText()).toContain('Complete');
    expect(await page.locator('[data-testid="overdue-reviews"] li').count()).toBe(1);
    const queue = page.locator('#review-queue');
    await queue.waitFor();
    expect(await queue.innerText()).toContain(ITEM.title);
    await expectNoAxeViolations(page, 'lead register with queue and coverage');
    await page.screenshot({ path: `${SHOTS}/kinship-lead-register.png`, fullPage: true });

    await queue.getByRole('link', { name: ITEM.title }).click();
    await page.getByRole('heading', { level: 1, name: ITEM.title }).waitFor();
    await settle(page);
    await expectNoAxeViolations(page, 'item page (lead)');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => page.locator('[data-testid="item-status"]').innerText()).toBe('Published');
    expect(await page.locator('.govuk-notification-banner--success').innerText()).toContain('is published');
    expect(await page.locator('[data-testid="item-state"]').innerText()).toMatch(/Next review due\s+\d+ \w+ \d{4}/);
    await expectNoAxeViolations(page, 'published item (lead)');
    await closeTab(tab);

    const pub = await newTab();
    await openPublicOffer(pub.page);
    expect(await pub.page.locator('[data-testid="user-name"]').count()).toBe(0);
    expect(await publicTitles(pub.page)).toContain(ITEM.title);
    for (const t of SEEDED_UNPUBLISHED) expect(await publicTitles(pub.page)).not.toContain(t);
    const item = pub.page.locator('.app-offer-item', { hasText: ITEM.title });
    expect(await item.innerText()).toContain(ITEM.eligibility);
    expect(await item.getByRole('link').getAttribute('href')).toBe('https://www.example.nhs.uk/kinship-wellbeing');
    expect(await pub.page.locator('.app-offer-group', { has: pub.page.locator('.app-offer-item', { hasText: ITEM.title }) }).locator('h2').innerText()).toBe('Health and wellbeing');
    await closeTab(pub);
  }, 60_000);

  it('when a member of the public searches or filters the offer, the items and the announced count follow, with no violations', async () => {
    const tab = await newTab();
    const { page } = tab;
    await openPublicOffer(page);
    expect(await page.locator('h1').innerText()).toBe('Kinship Local Offer');
    expect(await page.locator('[data-testid="last-updated"]').innerText()).toMatch(/^Last updated: \d+ \w+ \d{4}$/);
    const headings = await page.locator('.app-offer-group__title').allInnerTexts();
    expect(headings.slice(0, 6)).toEqual([
      'Our general approach to kinship care',
      'Financial support',
      'Health and wellbeing',
      'Relationships, including contact with parents and relatives',
      'Education and training',
      'Housing and accommodation',
    ]);
    const total = await page.locator('.app-offer-item').count();
    expect(await page.locator('[data-testid="results-count"]').innerText()).toBe(`${total} support items`);
    expect(await page.locator('[data-testid="results-count"]').getAttribute('aria-live')).toBe('polite');
    await expectNoAxeViolations(page, 'public offer');
    await page.screenshot({ path: `${SHOTS}/kinship-public.png`, fullPage: true });

    await page.getByLabel('Search the offer').fill('allowance');
    await expect.poll(() => page.locator('[data-testid="results-count"]').innerText()).toMatch(/^\d+ of \d+ support items match$/);
    const found = await publicTitles(page);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(total);
    expect(found).toContain('Special guardianship allowance');
    expect(await page.locator('[data-testid="results-count"]').innerText()).toBe(`${found.length} of ${total} support items match`);

    await page.getByLabel('Search the offer').fill('');
    await page.getByLabel('Your kinship arrangement').selectOption('private-fostering');
    await expect.poll(async () => (await publicTitles(page)).length).toBeLessThan(total);
    expect(await publicTitles(page)).not.toContain(ITEM.title);
    expect(await publicTitles(page)).not.toContain('Special guardianship allowance');
    await expectNoAxeViolations(page, 'public offer filtered');

    await page.getByLabel('Search the offer').fill('zebra crossing');
    await expect.poll(() => page.locator('[data-testid="results-count"]').innerText()).toBe(`0 of ${total} support items match`);
    expect(await page.getByText('No support matches your search.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Show all support' }).click();
    await expect.poll(() => page.locator('.app-offer-item').count()).toBe(total);

    // The print leaflet: no portal chrome or filters; links show where they go.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header-wrapper').isVisible()).toBe(false);
    expect(await page.locator('.app-footer').isVisible()).toBe(false);
    expect(await page.locator('.app-offer__tools').isVisible()).toBe(false);
    expect(await page.locator('.app-offer__print-url').isVisible()).toBe(true);
    const after = await page.evaluate(() => {
      const a = document.querySelector('.app-offer-item a[href^="http"]');
      return a ? getComputedStyle(a, '::after').content : '';
    });
    expect(after).toContain('https://');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.app-offer-item')!).breakInside)).toBe('avoid');
    await page.screenshot({ path: `${SHOTS}/kinship-print.png`, fullPage: true });
    await page.pdf({ path: `${SHOTS}/kinship-leaflet.pdf`, format: 'A4' }).catch(() => undefined);
    await page.emulateMedia({ media: 'screen' });
    await closeTab(tab);
  }, 60_000);

  it('when the pages are 320 pixels wide, nothing scrolls sideways and axe finds no violations', async () => {
    const pub = await newTab({ width: 320, height: 640 });
    await openPublicOffer(pub.page);
    expect(await noHorizontalScroll(pub.page)).toBe(true);
    await expectNoAxeViolations(pub.page, 'public offer at 320px');
    await pub.page.screenshot({ path: `${SHOTS}/kinship-public-320.png`, fullPage: true });
    await closeTab(pub);

    const tab = await newTab({ width: 320, height: 640 });
    const { page } = tab;
    await signIn(page, 'lead@mscp.example');
    await openRegister(page);
    await page.locator('#review-queue, #drafts').first().waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await expectNoAxeViolations(page, 'lead register at 320px');
    await page.screenshot({ path: `${SHOTS}/kinship-register-320.png`, fullPage: true });
    await page.goto(`${portal.url}${itemPath}`);
    await page.locator('[data-testid="item-status"]').waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await expectNoAxeViolations(page, 'item page at 320px');
    await page.goto(`${portal.url}/kinship/new`);
    await page.getByRole('heading', { level: 1, name: 'Add a Kinship Local Offer item' }).waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await expectNoAxeViolations(page, 'item form at 320px');
    await closeTab(tab);
  }, 60_000);

  it('when an executive opens the register, they see coverage but cannot change anything', async () => {
    const tab = await newTab();
    const { page } = tab;
    await signIn(page, 'exec@mscp.example');
    await openRegister(page);
    await page.locator('[data-testid="coverage-summary"]').waitFor();
    expect(await page.getByRole('button', { name: 'Add an item' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Review queue' }).count()).toBe(0);
    await page.goto(`${portal.url}${itemPath}`);
    await page.locator('[data-testid="item-status"]').waitFor();
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByText('can read the register but not change it').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'item page (executive)');
    await closeTab(tab);
  });
});
