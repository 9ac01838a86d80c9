import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, h1, openFromMenu, screenshot, settled, SHOTS, useBrowserPortal } from './harness.js';

/*
 * The lead's audit trail in headless Chromium against the real server and its CSP: searching by
 * record and by person, following a record's link, the filters kept in the address, an error
 * summary for an incomplete search, axe-core on every state, and a phone-width screen.
 */

const b = useBrowserPortal();
const PERIOD = '2027-28-Q1';

/** Changes made through the API, as other people would make them before the lead looks. */
async function as(email: string) {
  const call = await b.apiAs(email);
  return (path: string, body: unknown) => call('POST', path, body);
}

beforeAll(async () => {
  // The lead opens a period (an event with a record page); the partner signs in (an event of theirs).
  const lead = await as('lead@mscp.example');
  expect((await lead('/api/p/mscp/periods', { id: PERIOD, dueDate: '2027-07-31' })).status).toBe(201);
  await as('council@mscp.example');
});

const LOADED = /(\d+ events?( on this page)?, newest first\.|No events match your search\.)$/;
const count = (page: Page) => page.locator('[data-testid="audit-count"]').innerText();
const rows = (page: Page) => page.locator('[data-testid="audit-event"]');
const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

async function searchWith(page: Page, fill: () => Promise<void>, url: RegExp) {
  await fill();
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(url);
  await expect.poll(() => count(page)).toMatch(LOADED);
  await settled(page);
}

describe('audit trail', () => {
  it('when the lead searches by record, by person and follows a record link, it shows who did what, with the filters in the address', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await openFromMenu(page, 'Audit trail');
    await page.waitForURL(/\/audit$/);
    expect(await h1(page)).toBe('Audit trail');
    await expect.poll(() => count(page)).toMatch(LOADED);
    await expect.poll(() => rows(page).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'audit trail, latest events');

    // By record: the period the lead opened, with their name (not their email) and a link to it.
    await searchWith(
      page,
      async () => {
        await page.getByLabel('Type of record').selectOption('period');
        await page.getByLabel('Record id').fill(PERIOD);
      },
      /type=period&id=2027-28-Q1/,
    );
    expect(await count(page)).toBe('1 event, newest first.');
    const row = rows(page).first();
    expect(await row.innerText()).toContain(`Opened reporting period ${PERIOD}`);
    expect(await row.innerText()).toContain('Jordan Ellis');
    expect(await row.innerText()).not.toContain('@');
    // When, in UK time as GOV.UK writes it ("29 November 2026, 7:05pm").
    expect((await row.locator('time').innerText()).trim()).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}, (\d{1,2}(:\d{2})?(am|pm)|midday|midnight)$/);
    await expectNoAxeViolations(page, 'audit trail by record');
    await screenshot(page, 'audit-by-record');

    await row.getByRole('link', { name: `Reporting period ${PERIOD}` }).click();
    await page.waitForURL(new RegExp(`/returns/${PERIOD}$`));
    // Back: the search is still in the address and the form.
    await page.goBack();
    await page.waitForURL(/type=period&id=2027-28-Q1/);
    await expect.poll(() => count(page)).toBe('1 event, newest first.');
    expect(await page.getByLabel('Record id').inputValue()).toBe(PERIOD);

    // By person: only the partner's events, by name.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL(/\/audit$/);
    const person = page.getByLabel('Person');
    await expect.poll(() => person.locator('option', { hasText: 'Morgan Reid' }).count()).toBe(1);
    await searchWith(
      page,
      async () => {
        const value = await person.locator('option', { hasText: 'Morgan Reid' }).getAttribute('value');
        await person.selectOption(value!);
      },
      /person=/,
    );
    await expect.poll(() => rows(page).count()).toBeGreaterThan(0);
    for (const text of await rows(page).allInnerTexts()) {
      expect(text).toContain('Morgan Reid');
      expect(text).not.toContain('Jordan Ellis');
    }
    await expectNoAxeViolations(page, 'audit trail by person');

    // An incomplete search: one clear error, linked to its field.
    await page.getByLabel('Type of record').selectOption('return');
    await page.getByRole('button', { name: 'Search' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain("Enter the record's id, or choose Any record");
    await expect.poll(() => page.title()).toMatch(/^Error: Audit trail/);
    await expectNoAxeViolations(page, 'audit trail with an error');

    // Dates in the GOV.UK date input: a day with nothing in it says so and what to do.
    await page.getByLabel('Type of record').selectOption('');
    await page.locator('#from-day').fill('1');
    await page.locator('#from-month').fill('1');
    await page.locator('#from-year').fill('2020');
    await page.locator('#to-day').fill('2');
    await page.locator('#to-month').fill('1');
    await page.locator('#to-year').fill('2020');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/from=2020-01-01&to=2020-01-02/);
    await expect.poll(() => count(page)).toBe('No events match your search.');
    expect(await page.getByRole('link', { name: 'Clear the filters' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'audit trail, nothing found');
    await b.closeTab(tab);
  });

  it('when the lead opens the audit trail on a 320 px phone, the page does not scroll sideways and has no violations', async () => {
    const tab = await b.newTab({ width: 320, height: 800 });
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await page.goto(b.url('/audit'));
    await expect.poll(() => count(page)).toMatch(LOADED);
    await settled(page);
    expect(await noHorizontalScroll(page)).toBe(true);
    await expectNoAxeViolations(page, 'audit trail at 320px');
    await page.screenshot({ path: `${SHOTS}/audit-320.png`, fullPage: true });
    await b.closeTab(tab);
  });

  it('when a partner types the address of the audit trail, it is not shown to them', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'council@mscp.example');
    await page.goto(b.url('/audit'));
    await settled(page);
    expect(await page.locator('[data-testid="audit-count"]').count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Audit trail' }).count()).toBe(0);
    await b.closeTab(tab);
  });
});
