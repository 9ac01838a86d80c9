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
    expect(
      await page
        .locator('#kinship')
        .getByRole('link', { name: /statutory categories covered/ })
        .getAttribute('href'),
    ).toBe('/p/mscp/kinship');
    expect(
      await page
        .locator('#threshold')
        .getByRole('link', { name: /^Version v/ })
        .getAttribute('href'),
    ).toBe('/p/mscp/threshold');
    await expectNoAxeViolations(page, 'tracker (executive home)');
    await screenshot(page, 'tracker-desktop');
    await b.closeTab(tab);
  });

  it('when the executive opens the tracker at 1280x800, every headline figure is on the first screen, and a provisional rating leads to its return', async () => {
    const tab = await b.newTab({ width: 1280, height: 800 });
    const { page } = tab;
    await b.signIn(page, 'exec@mscp.example');
    await openTracker(page);
    // The demo's 2026-27 Q3: only Medway Council's return is in (submitted, not yet accepted).
    const strip = page.getByRole('region', { name: 'At a glance: 2026-27 Q3' });
    const figures = {
      returns: strip.getByTestId('headline-returns'),
      readiness: strip.getByTestId('headline-readiness'),
      threshold: strip.getByTestId('headline-threshold'),
      kinship: strip.getByTestId('headline-kinship'),
      measures: strip.getByTestId('headline-measures'),
      risks: strip.getByTestId('headline-risks'),
    };
    const ratings = strip.getByRole('list', { name: 'Overall delivery confidence by workstream' }).getByRole('listitem');
    await expect.poll(() => ratings.count()).toBe(5);
    await page.screenshot({ path: `${SHOTS}/tracker-headline-1280.png` });
    const onFirstScreen = [page.locator('h1'), page.getByTestId('tracker-period'), page.getByTestId('confidence-key-line'), ...(await ratings.all()), ...Object.values(figures)];
    for (const el of onFirstScreen) {
      const box = await el.boundingBox();
      expect(box, await el.innerText()).not.toBeNull();
      expect(box!.y + box!.height, `bottom of "${(await el.innerText()).slice(0, 60)}"`).toBeLessThanOrEqual(800);
    }
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // Each figure in words, linking to its detail.
    expect(await figures.returns.innerText()).toMatch(/1 of 4 in[\s\S]*3 still due, 0 overdue, 0 accepted/);
    expect(await figures.readiness.getByRole('link').innerText()).toMatch(/^\d+% confirmed/);
    expect(await figures.readiness.getByRole('link').getAttribute('href')).toBe('/p/mscp/readiness/safeguarding');
    expect(await figures.threshold.innerText()).toMatch(/\d of \d partners[\s\S]*version v3\.0/);
    expect(await figures.threshold.getByRole('link').getAttribute('href')).toBe('/p/mscp/threshold');
    expect(await figures.kinship.innerText()).toMatch(/\d+ of \d+ covered[\s\S]*\d+ reviews? overdue/);
    expect(await figures.kinship.getByRole('link').getAttribute('href')).toBe('/p/mscp/kinship');
    expect(await figures.measures.innerText()).toMatch(/\d+ off target/);
    expect(await figures.measures.getByRole('link').getAttribute('href')).toBe('/p/mscp/measures');
    expect(await figures.returns.getByRole('link').getAttribute('href')).toBe('#returns-heading');
    expect(await figures.risks.getByRole('listitem').count()).toBe(3);
    expect(await figures.risks.getByRole('link').first().innerText()).toMatch(/3 highest of \d+ open risks/);
    // The colour key is one line, linking to the full key further down.
    const keyLine = page.getByTestId('confidence-key-line');
    expect(await keyLine.innerText()).toContain('Green, Amber/Green, Amber, Amber/Red, Red');
    expect((await keyLine.boundingBox())!.height).toBeLessThan(60);
    await expectNoAxeViolations(page, 'tracker at 1280x800');
    await page.screenshot({ path: `${SHOTS}/tracker-headline-1280.png` });

    // Every rating is provisional: the words say so, and how many returns are accepted.
    // (Family Help: the lead's test further down sets Improving Safeguarding's rating itself.)
    const rating = ratings.filter({ hasText: 'Family Help and Early Intervention' });
    expect(await rating.getAttribute('data-provisional')).toBe('true');
    expect(await rating.innerText()).toContain('Provisional');
    expect(await rating.innerText()).toMatch(/0 of \d agencies' returns accepted/);
    // Followed: the workstream's row in the matrix, then the return behind its rating.
    await rating.getByRole('link').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('confidence-family-help');
    const overall = page.getByTestId('overall-family-help');
    expect(await overall.getAttribute('data-provisional')).toBe('true');
    expect(await overall.innerText()).toMatch(/Provisional[\s\S]*From the submitted, not yet accepted, return of Medway Council/);
    const toReturn = overall.getByRole('link', { name: 'Medway Council' });
    expect(await toReturn.getAttribute('href')).toBe('/p/mscp/returns/2026-27-Q3/medway-council#section-family-help');
    await toReturn.click();
    await page.waitForURL((url) => url.pathname === '/p/mscp/returns/2026-27-Q3/medway-council');
    await expect.poll(() => h1(page)).toBe('Medway Council: return for 2026-27 Q3');
    await b.closeTab(tab);
  });

  it('when the executive reads on, the key, returns and risks are a link away, the trend marks provisional points and milestones are by quarter', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'exec@mscp.example');
    await openTracker(page);
    // The strip's in-page links move focus to what they name: the full key, a section, the period picker.
    const focused = () => page.evaluate(() => document.activeElement?.id);
    await page.getByRole('link', { name: 'What each rating means' }).click();
    await expect.poll(focused).toBe('confidence-key');
    await page.getByTestId('headline-returns').getByRole('link').click();
    await expect.poll(focused).toBe('returns-heading');
    await page.getByRole('link', { name: /^3 highest of \d+ open risks$/ }).click();
    await expect.poll(focused).toBe('risks-heading');
    await page.getByRole('link', { name: 'Choose another period' }).click();
    await expect.poll(focused).toBe('period');
    const chart = page.locator('svg[aria-labelledby^="trend-family-help-title"]');
    expect(await chart.locator('.app-trend-chart__point--provisional').count()).toBe(1);
    expect(await page.locator('#trend-family-help-desc').textContent()).toMatch(/2026-27 Q2: [\w/]+; 2026-27 Q3: [\w/]+ \(provisional\)\.$/);
    const table = page.getByRole('region', { name: 'Trend table' });
    expect(await table.getByRole('row', { name: /Family Help/ }).innerText()).toMatch(/Provisional\s*$/);
    // Milestones: due this quarter, overdue and due next quarter, each with its owner and status in words.
    const milestones = page.getByRole('region', { name: 'Milestones', exact: true });
    expect(await milestones.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual([
      'Due this quarter: 2026-27 Q3 (October to December 2026)',
      'Overdue',
      'Due next quarter: 2026-27 Q4 (January to March 2027)',
    ]);
    const overdue = page.getByRole('region', { name: 'Milestones overdue' });
    expect(await overdue.getByRole('columnheader').allInnerTexts()).toEqual(['Milestone', 'Workstream', 'Owner', 'Due', 'Status']);
    expect(await overdue.getByRole('row', { name: /information-sharing/i }).innerText()).toMatch(/Off track|At risk|On track|Not started/);
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
    expect(rows[0]).toMatch(/^Period,Months,Agency,Status,Reopened for a correction,Overdue,Due date/);
    expect(rows).toHaveLength(1 + 4);
    expect(
      rows
        .slice(1)
        .map((r) => r.split(',')[2])
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
    // The headline figures open the report, provisional ratings marked as such (there and in the matrix).
    const glance = page.getByRole('region', { name: 'At a glance: 2026-27 Q3' });
    expect(await glance.getByRole('heading', { level: 2 }).isVisible()).toBe(true);
    expect(await glance.getByTestId('headline-ws-family-help').innerText()).toContain('Provisional');
    expect(await glance.getByTestId('headline-returns').innerText()).toContain('1 of 4 in');
    expect(await page.getByTestId('overall-family-help').innerText()).toContain('Provisional');
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
    // The lead's own setting is final: no longer provisional, in the matrix or the headline.
    expect(await overall.getAttribute('data-provisional')).toBe('false');
    expect(await page.getByTestId('headline-ws-safeguarding').innerText()).not.toContain('Provisional');
    await expectNoAxeViolations(page, 'tracker (lead)');
    await b.closeTab(tab);
  });

  it('when the window is 320 pixels wide, tables scroll inside their regions and the page does not', async () => {
    const tab = await b.newTab({ width: 320, height: 800 });
    const { page } = tab;
    await b.signIn(page, 'exec@mscp.example');
    await openTracker(page);
    await settled(page, { strict: true });
    expect(await noPageScroll(page)).toBeLessThanOrEqual(320);
    // The headline figures stack, one under another, each within the screen's width.
    await page.screenshot({ path: `${SHOTS}/tracker-headline-320.png` });
    const figures = await page
      .getByRole('region', { name: /^At a glance/ })
      .locator('.app-headline-figure')
      .all();
    expect(figures.length).toBe(6);
    const boxes = await Promise.all(figures.map((f) => f.boundingBox()));
    for (const box of boxes) expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    expect(new Set(boxes.map((box) => Math.round(box!.x))).size).toBe(1);
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
