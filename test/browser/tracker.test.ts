import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, h1, screenshot, settled, SHOTS, useBrowserPortal } from './harness.js';

/*
 * The shared tracker in headless Chromium against the real server and its CSP: the executive lands
 * on it, follows a rating through to the return behind it, downloads a CSV and opens the board
 * report (also as printed). axe-core runs on each, at desktop width and at 320px.
 */

const b = useBrowserPortal();

async function openTracker(page: Page, path = '/') {
  if (path !== '/' || !page.url().endsWith('/')) await page.goto(b.url(path));
  await page.locator('[data-testid="tracker-period"]').waitFor();
  await settled(page);
}

const noPageScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('shared tracker', () => {
  it('when the executive signs in, the tracker is their home page, with the key, charts and no violations', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'exec@mscp.example');
    await openTracker(page);
    await expect.poll(() => h1(page)).toBe('Shared tracker');
    await expect.poll(() => page.locator('[data-testid="tracker-period"]').innerText()).toContain('2026-27 Q3');
    // The five-level key with meanings is on the page with the ratings.
    const key = page.getByRole('region', { name: 'Key: delivery confidence' });
    for (const level of ['Green', 'Amber/Green', 'Amber', 'Amber/Red', 'Red']) await expect.poll(() => key.getByText(level, { exact: true }).count()).toBeGreaterThan(0);
    await expect.poll(() => key.innerText()).toContain('highly likely');
    // Submitted-not-accepted is said in words, not only by the dashed outline.
    await expect.poll(() => page.locator('a.app-rag-link[data-state="submitted"]').first().innerText()).toContain('(submitted, not yet accepted)');
    // Each trend chart is one image named and described by its title and desc, with a table of the same numbers.
    const charts = page.locator('svg.app-trend-chart[role="img"]');
    await expect.poll(() => charts.count()).toBe(5);
    const labelled = await charts.first().evaluate((svg) => (svg.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? ''));
    expect(labelled[0]).toContain('overall delivery confidence by quarter');
    expect(labelled[1]).toMatch(/2026-27 Q1: \w+/);
    await expect.poll(() => page.locator('table', { hasText: 'the numbers behind the charts' }).count()).toBe(1);
    // MACPT readiness is highlighted and links through.
    expect(await page.locator('[data-testid="macpt-readiness"] a').getAttribute('href')).toBe('/p/mscp/readiness/safeguarding');
    expect(await page.getByRole('link', { name: /statutory categories covered/ }).getAttribute('href')).toBe('/p/mscp/kinship');
    expect(await page.getByRole('link', { name: /^Version v/ }).getAttribute('href')).toBe('/p/mscp/threshold');
    await expectNoAxeViolations(page, 'tracker (executive home)');
    await screenshot(page, 'tracker-desktop');
    await b.closeTab(tab);
  });

  it('when the executive follows an amber-red or red rating, it opens the return section behind it', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'exec@mscp.example');
    await openTracker(page);
    const cell = page.locator('a.app-rag-link[data-confidence="red"], a.app-rag-link[data-confidence="amber-red"]').first();
    const href = await cell.getAttribute('href');
    expect(href).toMatch(/^\/p\/mscp\/returns\/2026-27-Q3\/[a-z-]+#section-[a-z-]+$/);
    await cell.click();
    await page.waitForURL((url) => `${url.pathname}${url.hash}` === href);
    // The return behind the rating, once it has loaded (not its loading page).
    await expect.poll(() => h1(page)).toMatch(/: return for 2026-27 Q3$/);
    await settled(page);
    expect(await h1(page)).not.toBe('Page not found');
    expect(await h1(page)).not.toBe('You cannot view this page');
    await b.closeTab(tab);
  });

  it('when the executive downloads returns.csv, it has a header and one row per agency', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'exec@mscp.example');
    await openTracker(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download returns (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('mscp-returns-2026-27-Q3.csv');
    const path = await download.path();
    const rows = readFileSync(path, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(rows[0]).toMatch(/^Period,Agency,Status,Overdue,Due date/);
    expect(rows).toHaveLength(1 + 4);
    expect(
      rows
        .slice(1)
        .map((r) => r.split(',')[1])
        .sort(),
    ).toEqual(['Kent Police', 'Medway Council', 'Medway schools and education', 'NHS Kent and Medway']);
    await page.getByText('Returns (CSV) for 2026-27 Q3 downloaded.').waitFor();
    await b.closeTab(tab);
  });

  it('when the executive opens the board report, it is a printable document with no violations, on screen and in print', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'exec@mscp.example');
    await openTracker(page);
    await page.getByRole('link', { name: 'Board report for 2026-27 Q3' }).click();
    await page.waitForURL(b.url('/board-report?periodId=2026-27-Q3'));
    await page.locator('.app-board-report h1').waitFor();
    await expect.poll(() => h1(page)).toBe('Reform progress report: 2026-27 Q3');
    await expect.poll(() => page.locator('.app-board-report__meta').innerText()).toMatch(/Figures as at \d{1,2} \w+ \d{4}/);
    await page.getByRole('button', { name: 'Print or save as PDF' }).waitFor();
    await expectNoAxeViolations(page, 'board report');
    await screenshot(page, 'board-report-screen');

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
    expect(await page.locator('.app-header-wrapper').isVisible()).toBe(false);
    expect(await page.locator('.app-footer').isVisible()).toBe(false);
    expect(
      await page
        .locator('.app-board-report .app-tracker-section')
        .first()
        .evaluate((el) => getComputedStyle(el).breakBefore),
    ).toBe('page');
    await expectNoAxeViolations(page, 'board report (print)');
    await screenshot(page, 'board-report-print');
    await page.pdf({ path: `${SHOTS}/board-report.pdf`, format: 'A4', printBackground: true });
    await b.closeTab(tab);
  });

  it("when the lead sets a workstream's overall confidence, the tracker shows it as set by the lead", async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await openTracker(page, '/tracker');
    await page.getByLabel('Workstream', { exact: true }).selectOption('safeguarding');
    await page.getByRole('radio', { name: 'Red', exact: true }).check();
    await page.getByLabel('Note (optional)').fill('Information-sharing agreement still unsigned by two partners.');
    await page.getByRole('button', { name: 'Save overall confidence' }).click();
    await page.getByText('overall confidence set to Red').waitFor();
    const overall = page.locator('[data-testid="overall-safeguarding"]');
    await expect.poll(() => overall.innerText()).toContain('Set by the programme lead');
    await expect.poll(() => overall.innerText()).toContain('Red');
    await expectNoAxeViolations(page, 'tracker (lead)');
    await b.closeTab(tab);
  });

  it('when the window is 320 pixels wide, tables scroll inside their regions and the page does not', async () => {
    const tab = await b.newTab({ width: 320, height: 640 });
    const { page } = tab;
    await b.signIn(page, 'exec@mscp.example');
    await openTracker(page);
    await settled(page, { strict: true });
    expect(await noPageScroll(page)).toBeLessThanOrEqual(320);
    const region = page.getByRole('region', { name: 'Delivery confidence by workstream and agency' });
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expectNoAxeViolations(page, 'tracker at 320px');
    await screenshot(page, 'tracker-320');
    await page.goto(b.url('/board-report'));
    await page.locator('.app-board-report h1').waitFor();
    await settled(page, { strict: true });
    expect(await noPageScroll(page)).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page, 'board report at 320px');
    await screenshot(page, 'board-report-320');
    await b.closeTab(tab);
  });
});
