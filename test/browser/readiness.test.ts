import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, h1, screenshot, settled, useBrowserPortal } from './harness.js';

/*
 * MACPT readiness in headless Chromium against the real server and its CSP: police mark a
 * criterion ready with evidence, the lead challenges it, police answer, the lead confirms, and the
 * confirmed score moves. axe-core runs on the matrix, the detail and the form.
 */

const b = useBrowserPortal();

const CRITERION = 'macpt-members-in-post';

/** Kent Police's line in the text alternative, e.g. "1 of 5 ready, 0 confirmed" under its name. */
async function policeScore(page: Page): Promise<string> {
  const card = page.locator('[data-testid="agency-scores"] .app-readiness-score', { has: page.getByRole('heading', { name: 'Kent Police', exact: true }) });
  const line = card.locator('.app-readiness-score__summary');
  await line.waitFor();
  return (await line.innerText()).trim();
}

async function openMatrix(page: Page) {
  await page.goto(b.url('/readiness/safeguarding'));
  await page.locator('[data-testid="agency-scores"]').waitFor();
}

async function openCell(page: Page) {
  await page.locator(`[data-testid="cell-${CRITERION}-kent-police"]`).click();
  await page.waitForURL(b.url(`/readiness/safeguarding/${CRITERION}/kent-police`));
  await page.locator('[data-testid="assessment"]').waitFor();
  await settled(page);
}

const statusOnDetail = async (page: Page) => (await page.locator('[data-testid="assessment"] .govuk-summary-list__row', { hasText: 'Status' }).locator('dd').innerText()).trim();

describe('MACPT readiness: assess, challenge, answer, confirm', () => {
  let before = '';

  it('when police open MACPT readiness from their home page, they see the matrix with a caption, text summary and no violations', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'police@mscp.example');
    await page.getByRole('link', { name: 'MACPT readiness' }).click();
    await page.waitForURL(b.url('/readiness/safeguarding'));
    await page.locator('[data-testid="agency-scores"]').waitFor();
    await expect.poll(() => h1(page)).toBe('MACPT readiness');
    await expect.poll(() => page.locator('table caption').first().innerText()).toContain('criteria (rows) by agency (columns)');
    before = await policeScore(page);
    // The agency is named once, in the card's heading; the line below it is the figures.
    expect(before).toMatch(/^\d+ of \d+ ready, 0 confirmed/);
    // Status tags say the status in words; derived and not-applicable cells also read as text.
    await expect.poll(() => page.locator(`[data-testid="cell-${CRITERION}-kent-police"]`).innerText()).toContain('In progress');
    const region = page.getByRole('region', { name: 'MACPT readiness matrix' });
    expect(await region.getAttribute('tabindex')).toBe('0');
    await expectNoAxeViolations(page, 'readiness matrix');
    await screenshot(page, 'readiness-matrix');

    // Filtering by agency leaves one agency column and its score.
    await page.getByLabel('Show agency').selectOption('kent-police');
    await expect.poll(() => page.locator('table.app-readiness-matrix thead th').count()).toBe(2);
    await expect.poll(() => page.locator('[data-testid="agency-scores"] li').count()).toBe(1);
    await page.getByLabel('Show agency').selectOption('');
    await expect.poll(() => page.locator('table.app-readiness-matrix thead th').count()).toBe(5);

    await openCell(page);
    await expect.poll(() => h1(page)).toBe('Statutory MACPT members nominated and in post');
    await expectNoAxeViolations(page, 'assessment detail (police)');
    // The lead's history and decision form are not shown to partners.
    expect(await page.getByRole('heading', { name: 'History' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Confirm or challenge' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Update your assessment' }).click();
    await page.waitForURL(/\/edit$/);
    await page.getByLabel('Evidence', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'assessment form');

    // Not applicable needs a reason: the error summary names it and links to the field.
    await page.getByLabel('Not applicable').check();
    await page.getByRole('button', { name: 'Save assessment' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    await expect.poll(() => summary.innerText()).toContain('Say why this criterion does not apply to your agency');
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await expectNoAxeViolations(page, 'assessment form with errors');
    await screenshot(page, 'readiness-form-errors');

    await page.getByLabel('Ready', { exact: true }).check();
    await page.getByLabel('Evidence', { exact: true }).fill('Detective Sergeant post filled from January; protected time agreed with the public protection unit.');
    await page.getByRole('group', { name: 'Link 1' }).getByLabel('Web address').fill('https://intranet.example/police/macpt-post');
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await page.waitForURL(b.url(`/readiness/safeguarding/${CRITERION}/kent-police`));
    await page.getByText('Your assessment has been saved').waitFor();
    await expect.poll(() => statusOnDetail(page)).toBe('Ready');
    await expectNoAxeViolations(page, 'assessment detail after saving');

    await openMatrix(page);
    const readyCount = (score: string) => Number(/(\d+) of/.exec(score)?.[1]);
    await expect.poll(async () => readyCount(await policeScore(page))).toBe(readyCount(before) + 1);
    expect(await policeScore(page)).toContain('0 confirmed');
    await b.closeTab(tab);
  });

  it('when the lead challenges without a comment, the comment is asked for; with one, police see the challenge', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await openMatrix(page);
    await openCell(page);
    await expect.poll(() => statusOnDetail(page)).toBe('Ready');
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await page.locator('table', { hasText: 'Assessed as ready' }).waitFor();
    await expectNoAxeViolations(page, 'assessment detail (lead)');

    await page.getByRole('radio', { name: 'Challenge' }).check();
    await page.getByRole('button', { name: 'Save decision' }).click();
    await page.locator('.govuk-error-summary', { hasText: 'Say what evidence is missing' }).waitFor();
    await expectNoAxeViolations(page, 'decision form with errors');

    await page.getByLabel('Comment').fill('Attach the nomination letter from the Detective Superintendent.');
    await page.getByRole('button', { name: 'Save decision' }).click();
    await page.getByText("You challenged Kent Police's assessment").waitFor();
    await page.locator('[data-testid="assessment"]', { hasText: 'Challenged' }).waitFor();
    await page.locator('table', { hasText: 'Challenged the assessment' }).waitFor();
    await b.closeTab(tab);

    const police = await b.newTab();
    await b.signIn(police.page, 'police@mscp.example');
    await openMatrix(police.page);
    await expect.poll(() => police.page.locator(`[data-testid="cell-${CRITERION}-kent-police"]`).locator('..').innerText()).toContain('Challenged by the lead');
    await openCell(police.page);
    await police.page.getByText('The programme lead challenged this assessment').waitFor();
    await police.page.getByText('Attach the nomination letter').first().waitFor();
    await police.page.getByRole('link', { name: 'Update your assessment' }).click();
    await police.page.getByLabel('Evidence', { exact: true }).waitFor();
    await police.page.getByLabel('Evidence', { exact: true }).fill('Nomination letter from the Detective Superintendent attached (link 2).');
    await police.page.getByRole('button', { name: 'Add another link' }).click();
    await police.page.getByRole('group', { name: 'Link 2' }).getByLabel('Web address').fill('https://intranet.example/police/macpt-nomination');
    await police.page.getByRole('button', { name: 'Save assessment' }).click();
    await police.page.getByText('Your assessment has been saved').waitFor();
    await expect.poll(() => police.page.locator('[data-testid="assessment"]').innerText()).toContain('Waiting for the programme lead to check it');
    await b.closeTab(police);
  });

  it('when the lead confirms the answer, the confirmed score rises', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await openMatrix(page);
    const score = await policeScore(page);
    expect(score).toContain('0 confirmed');
    const confirmedPercent = async () =>
      (await page.locator('[data-testid="agency-scores"] li', { has: page.getByRole('heading', { name: 'Kent Police', exact: true }) }).innerText()).match(
        /Confirmed ready: (\d+)%/,
      )?.[1];
    expect(await confirmedPercent()).toBe('0');
    await openCell(page);
    await page.getByRole('radio', { name: 'Confirm' }).check();
    await page.getByRole('button', { name: 'Save decision' }).click();
    await page.getByText("You confirmed Kent Police's assessment").waitFor();
    await page.locator('table', { hasText: 'Confirmed the assessment' }).waitFor();
    await openMatrix(page);
    await expect.poll(() => policeScore(page)).toContain('1 confirmed');
    await expect.poll(async () => Number(await confirmedPercent())).toBeGreaterThan(0);
    await expect.poll(() => page.locator(`[data-testid="cell-${CRITERION}-kent-police"]`).locator('..').innerText()).toContain('Confirmed by the lead');
    await b.closeTab(tab);
  });

  it('when the window is 320 pixels wide, the matrix scrolls inside its region, not the page', async () => {
    const tab = await b.newTab({ width: 320, height: 640 });
    const { page } = tab;
    await b.signIn(page, 'exec@mscp.example');
    await openMatrix(page);
    await settled(page, { strict: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await page.getByRole('link', { name: 'Update your assessment' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'readiness matrix at 320px');
    await screenshot(page, 'readiness-matrix-320');
    await openCell(page);
    await settled(page, { strict: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await page.getByRole('link', { name: 'Update your assessment' }).count()).toBe(0);
    await screenshot(page, 'readiness-detail-320');
    await b.closeTab(tab);
  });
});
