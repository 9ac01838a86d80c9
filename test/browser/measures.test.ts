import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, fillDate, h1, openFromMenu, screenshot, settled, useBrowserPortal } from './harness.js';

/*
 * Outcome measures (issue 15) in headless Chromium against the real server and its CSP: the lead
 * adds an indicator through the form (a percentage target of 150 is refused at the field first),
 * sees it on the workstream page, and meets a stale save; the executive sees it on the measures
 * pages and in the tracker's outcome measures section, but not an indicator kept from them. axe-core
 * runs on every page and state, and at 320px the page does not scroll sideways.
 */

const b = useBrowserPortal();

const NAME = 'Kinship carers offered support within 10 working days';
/** Added through the API, not shown to the executive. */
const HIDDEN = 'Kinship assessments started late';
const HIDDEN_ID = 'kinship-assessments-started-late';

beforeAll(async () => {
  const lead = await b.apiAs('lead@mscp.example');
  const res = await lead('POST', '/api/p/mscp/workstreams/kinship/indicators', {
    name: HIDDEN,
    unit: 'count',
    direction: 'lower',
    reportingAgencyId: 'medway-council',
    publishedToExecutive: false,
  });
  expect(res.status).toBe(201);
});

/** The card of an indicator on its workstream page. */
const card = (page: Page, name: string) => page.locator('.app-summary-card', { has: page.getByRole('heading', { name, exact: true }) });

/** The text of the elements an attribute of the chart points at (`aria-labelledby`, `aria-describedby`). */
const textOf = (chart: Locator, attribute: string) =>
  chart.evaluate(
    (svg, name) =>
      (svg.getAttribute(name) ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    attribute,
  );

/** Every trend chart on the page is one image, named by its title alone and described by its desc. */
async function expectChartsDescribed(page: Page) {
  const charts = page.locator('svg[role="img"].app-measure-trend__svg');
  for (const chart of await charts.all()) {
    const title = await textOf(chart, 'aria-labelledby');
    const desc = await textOf(chart, 'aria-describedby');
    expect(title).not.toBe('');
    expect(title).toBe(await chart.locator('title').textContent());
    expect(desc).toMatch(/(\d{4}-\d{2} Q\d: |No values reported yet)/);
  }
}

describe('outcome measures', () => {
  it('when the lead adds an indicator with a target, a percentage of 150 is refused at its field first, then it is on the workstream page', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await openFromMenu(page, 'Outcome measures');
    await page.waitForURL(b.url('/measures'));
    await expect.poll(() => h1(page)).toBe('Outcome measures');
    await page.getByRole('heading', { name: 'Small-number threshold' }).waitFor();
    await expectNoAxeViolations(page, 'outcome measures (lead)');

    // The threshold is a whole number from 2 to 20.
    await page.getByRole('textbox', { name: 'Small-number threshold' }).fill('25');
    await page.getByRole('button', { name: 'Change threshold' }).click();
    await page.locator('.govuk-error-summary', { hasText: 'Enter a whole number from 2 to 20' }).waitFor();
    await expectNoAxeViolations(page, 'threshold form with an error');

    await page.getByRole('heading', { name: 'Strengthening Kinship Care' }).getByRole('link').click();
    await page.waitForURL(b.url('/measures/kinship'));
    await expect.poll(() => h1(page)).toBe('Strengthening Kinship Care');
    await expectNoAxeViolations(page, 'workstream measures (lead)');

    await page.getByRole('button', { name: 'Add an indicator' }).click();
    await page.waitForURL(b.url('/measures/kinship/new'));
    await page.getByLabel('Name', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'indicator form');

    await page.getByLabel('Name', { exact: true }).fill(NAME);
    await page.getByLabel('Definition (optional)').fill('Kinship carers whose first support offer came within 10 working days of the arrangement starting.');
    await page.getByRole('radio', { name: 'Percentage' }).check();
    await page.getByRole('radio', { name: 'Higher is better' }).check();
    await page.getByLabel('Target (optional)').fill('150');
    await page.getByLabel('Which agency reports it?').selectOption('medway-council');
    await page.getByRole('button', { name: 'Add indicator' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    await expect.poll(() => summary.innerText()).toContain('The target: enter a percentage from 0 to 100');
    await expect.poll(() => page.locator('#target-error').innerText()).toContain('enter a percentage from 0 to 100');
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    expect(page.url()).toBe(b.url('/measures/kinship/new'));
    await expectNoAxeViolations(page, 'indicator form with errors');
    await screenshot(page, 'measures-form-errors');

    await page.getByLabel('Target (optional)').fill('90');
    await page.getByLabel('Tolerance (optional)').fill('5');
    await page.getByLabel('Baseline value (optional)').fill('72');
    await fillDate(page, /Baseline date/, '2026-03-31');
    await page.getByRole('button', { name: 'Add indicator' }).click();
    await page.waitForURL(b.url('/measures/kinship'));
    await page.getByText(`"${NAME}" has been added`).waitFor();
    const added = card(page, NAME);
    await expect.poll(() => added.innerText()).toContain('90% or more');
    await expect.poll(() => added.innerText()).toContain('72% on 31 March 2026');
    await expect.poll(() => added.innerText()).toContain('No values reported yet');
    await expect.poll(() => added.innerText()).toContain('Medway Council');
    await expectChartsDescribed(page);
    await expectNoAxeViolations(page, 'workstream measures after adding');
    await b.closeTab(tab);
  });

  it('when someone else changed an indicator after the lead opened it, the save is refused and says so', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await page.goto(b.url(`/measures/kinship/${HIDDEN_ID}/edit`));
    await expect.poll(() => h1(page)).toBe('Change indicator');
    const lead = await b.apiAs('lead@mscp.example');
    expect((await lead('PATCH', `/api/p/mscp/workstreams/kinship/indicators/${HIDDEN_ID}`, { source: 'Case management system' }, { 'If-Match': '"1"' })).status).toBe(200);
    await page.getByLabel('Target (optional)').fill('10');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('.govuk-error-summary', { hasText: 'Someone else changed this indicator' }).waitFor();
    await expectNoAxeViolations(page, 'indicator form after a stale save');
    await b.closeTab(tab);
  });

  it('when the executive opens outcome measures, they see the published indicator, not the one kept from them, and cannot change it', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'exec@mscp.example');
    await openFromMenu(page, 'Outcome measures');
    await page.waitForURL(b.url('/measures'));
    const row = page.locator('tr', { hasText: NAME });
    await row.waitFor();
    expect(await row.innerText()).toContain('No values reported yet');
    expect(await page.getByText(HIDDEN).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Small-number threshold' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'outcome measures (executive)');

    // The indicator's name goes to its own card on the workstream's page.
    const link = row.getByRole('link', { name: NAME });
    const cardAnchor = (await link.getAttribute('href'))?.split('#')[1];
    expect(cardAnchor).toMatch(/^indicator-/);
    await link.click();
    await page.waitForURL(b.url(`/measures/kinship#${cardAnchor}`));
    await card(page, NAME).waitFor();
    expect(await card(page, NAME).getAttribute('id')).toBe(cardAnchor);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(cardAnchor);
    expect(await page.getByText(HIDDEN).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add an indicator' }).count()).toBe(0);
    expect(
      await card(page, NAME)
        .getByRole('button', { name: /Change|Retire/ })
        .count(),
    ).toBe(0);
    await expectChartsDescribed(page);
    await expectNoAxeViolations(page, 'workstream measures (executive)');
    await screenshot(page, 'measures-workstream-executive');
    await b.closeTab(tab);
  });

  it('when the executive opens the tracker, its outcome measures section lists the indicator and links to the workstream', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'exec@mscp.example');
    await page.locator('[data-testid="tracker-period"]').waitFor();
    const section = page.getByRole('region', { name: 'Outcome measures', exact: true });
    await section.waitFor();
    await section.getByRole('heading', { name: 'Key: against target' }).waitFor();
    const row = section.locator('tr', { hasText: NAME });
    await row.waitFor();
    expect(await row.innerText()).toContain('Target: 90% or more');
    expect(await section.getByText(HIDDEN).count()).toBe(0);
    expect(await section.locator('[data-workstream="kinship"] h3 a').getAttribute('href')).toBe('/p/mscp/measures/kinship');
    await settled(page);
    await expectChartsDescribed(page);
    await expectNoAxeViolations(page, 'tracker with outcome measures');
    await b.closeTab(tab);
  });

  it('when the window is 320 pixels wide, the measures pages do not scroll sideways', async () => {
    const tab = await b.newTab({ width: 320, height: 640 });
    const { page } = tab;
    await b.signIn(page, 'exec@mscp.example');
    for (const path of ['/measures', '/measures/kinship']) {
      await page.goto(b.url(path));
      await page.locator('.app-measure-table, .app-summary-card').first().waitFor();
      await settled(page, { strict: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await expectNoAxeViolations(page, `${path} at 320px`);
    }
    await screenshot(page, 'measures-workstream-320');
    await b.closeTab(tab);
  });
});
