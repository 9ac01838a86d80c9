import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, h1, openFromMenu, screenshot, settled as settledOrNot, SHOTS, useBrowserPortal } from './harness.js';

/*
 * A single return to print or save as PDF (issue 16, part 1): the lead follows the link from a
 * return to its printable view, with every section, the outcome indicator values and the history,
 * and saves it as a PDF; on paper the portal's header, menu and buttons are left out. The
 * executive's printout says why it has no history; a partner prints their own return and is
 * refused another agency's. axe-core runs on every state; at 320 px nothing scrolls sideways.
 */

const Q3 = '2026-27-Q3';
const COUNCIL = `/api/p/mscp/returns/${Q3}/medway-council`;
const COMMENT = 'Please say when the fostering recruitment campaign ends in the placement narrative.';
const SECTIONS = [
  'Family Help and Early Intervention',
  'Strengthening Kinship Care',
  'Improving Safeguarding and Multi-Agency Collaboration',
  'Increasing Placement Sufficiency',
  'Supporting Care Leavers',
];

const SCREENSHOTS = process.env.PRINT_SCREENSHOTS === '1';

const b = useBrowserPortal();

/** Loading indicators must go: a page still busy after the timeout fails the test. */
const settled = (page: Page) => settledOrNot(page, { strict: true });

/** A step on the council's return through the API, at the ETag it has now, as someone else's work before the test looks. */
async function onCouncilReturn(email: string, action: string, body: unknown = {}) {
  const call = await b.apiAs(email);
  const etag = (await call('GET', COUNCIL)).headers.get('etag') ?? '';
  const res = await call('POST', `${COUNCIL}/${action}`, body, { 'If-Match': etag });
  expect(res.status, `${action}: ${await res.clone().text()}`).toBe(200);
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
}

/** Whether an element is on the page as laid out now (on paper, the portal's header, menu and footer are not). */
const shown = (page: Page, selector: string) => page.locator(selector).first().isVisible();

const history = (page: Page) => page.getByRole('table', { name: /History of this return/ });
const historyWithheld = /The history of this return \(who changed what, and when\) is in the programme lead's audit trail, which your account cannot read/;

/** The printable view opened, with every part loaded. */
async function printout(page: Page, heading: string) {
  await expect.poll(() => h1(page)).toBe(heading);
  await settled(page);
}

beforeAll(async () => {
  // History to print: the lead returns the council's submitted return, the officer sends it again
  // and the signatory certifies it (the Medway demo certifies returns).
  await onCouncilReturn('lead@mscp.example', 'return', { comment: COMMENT });
  await onCouncilReturn('council.officer@mscp.example', 'submit', { acknowledgeWarnings: true });
  await onCouncilReturn('council@mscp.example', 'certify');
}, 60_000);

describe('a return to print or save as PDF', () => {
  it('when the lead follows the print link from a return, the printout has every section, the indicator values and the history, and prints without the portal around it', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await openFromMenu(page, 'Returns');
    await expect.poll(() => h1(page)).toBe('Quarterly returns for 2026-27 Q3');
    const row = page.locator('tr', { hasText: 'Medway Council' });
    await expect.poll(() => row.locator('.govuk-tag').first().innerText()).toBe('Submitted');
    await row.getByRole('link').click();
    await expect.poll(() => h1(page)).toBe('Medway Council: return for 2026-27 Q3');
    await page.getByRole('link', { name: 'Print or save this return as PDF' }).click();
    await page.waitForURL(b.url(`/returns/${Q3}/medway-council/print`));
    await printout(page, 'Medway Council: return for 2026-27 Q3');
    expect(await page.title()).toBe('Medway Council: return for 2026-27 Q3 - Partnership Reform Portal');

    // The title block: the partnership, the period and its months, where the return stands and who moved it.
    const facts = await page.locator('.app-print-facts, .app-return-facts').allInnerTexts();
    expect(facts.join('\n')).toContain('Medway Safeguarding Children Partnership');
    expect(facts.join('\n')).toContain('2026-27 Q3 (October to December 2026)');
    expect(facts.join('\n')).toMatch(/Status\s+Submitted/);
    expect(facts.join('\n')).toMatch(/Prepared by\s+Casey Brooks, sent for certification \d+ \w+ 20\d\d at /);
    expect(facts.join('\n')).toMatch(/Certified\s+\d+ \w+ 20\d\d at .+ by Morgan Reid/);
    expect(facts.join('\n')).toMatch(/Due\s+\d+ \w+ 2027|Due\s+\d+ \w+ 2026/);

    // Every section in programme order, each with its confidence in words and what it means.
    expect(await page.locator('.app-summary-card__title').allInnerTexts()).toEqual(SECTIONS);
    const placement = page.locator('#section-placement-sufficiency');
    await expect.poll(() => placement.innerText()).toContain('Amber/Red');
    expect(await placement.innerText()).toMatch(/Children in care: 548/);
    expect(await placement.innerText()).toMatch(/Children in unregistered or unregulated placements: Fewer than 5/i);
    expect(await page.locator('#section-care-leavers').innerText()).toMatch(/Care leavers in suitable accommodation: 93%/);
    expect(await page.locator('#section-family-help').innerText()).toContain('Family Help Lead Practitioner role introduced: Complete');
    expect(await page.locator('.app-ret-risk-rating').count()).toBeGreaterThan(0);
    await page.locator('.app-ret-comment').getByText(COMMENT).waitFor();

    // The history: who did what, when (UK dates and times).
    await expect.poll(() => history(page).innerText()).toContain('Returned the return to the agency with comments');
    const historyText = await history(page).innerText();
    expect(historyText).toContain('Jordan Ellis');
    expect(historyText).toMatch(/\d+ \w+ 20\d\d, \d+(:\d\d)?(am|pm)|\d+ \w+ 20\d\d at /);
    await expectNoAxeViolations(page, 'the lead’s printout');

    // On paper: the document only, without the header, menu, footer or buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await shown(page, '.app-header-wrapper')).toBe(false);
    expect(await shown(page, 'nav[aria-label="Menu"]')).toBe(false);
    expect(await shown(page, '.app-footer')).toBe(false);
    expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
    expect(await shown(page, '#section-kinship')).toBe(true);
    if (SCREENSHOTS) await screenshot(page, 'return-print-on-paper');
    await page.emulateMedia({ media: 'screen' });
    const pdf = `${SHOTS}/return-print-medway-council.pdf`;
    await page.pdf({ path: pdf, format: 'A4' });
    const saved = await readFile(pdf);
    expect(saved.subarray(0, 5).toString()).toBe('%PDF-');
    expect(saved.length).toBeGreaterThan(10_000);

    // The way back.
    await page.getByRole('link', { name: 'Back to the return' }).click();
    await expect.poll(() => h1(page)).toBe('Medway Council: return for 2026-27 Q3');
    await b.closeTab(tab);
  }, 120_000);

  it('when the lead prints on a 320 px screen, nothing scrolls sideways', async () => {
    const tab = await b.newTab({ width: 320, height: 800 });
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await page.goto(b.url(`/returns/${Q3}/medway-council/print`));
    await printout(page, 'Medway Council: return for 2026-27 Q3');
    await history(page).waitFor();
    await noSidewaysScroll(page);
    if (SCREENSHOTS) await screenshot(page, 'return-print-320');
    await expectNoAxeViolations(page, 'the lead’s printout at 320 px');
    await b.closeTab(tab);
  }, 60_000);

  it('when the executive prints a return, it has no history and says why', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'exec@mscp.example');
    await page.goto(b.url(`/returns/${Q3}/medway-council`));
    await expect.poll(() => h1(page)).toBe('Medway Council: return for 2026-27 Q3');
    await page.getByRole('link', { name: 'Print or save this return as PDF' }).click();
    await printout(page, 'Medway Council: return for 2026-27 Q3');
    await expect.poll(() => page.locator('#section-placement-sufficiency').innerText()).toMatch(/Children in care: 548/);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await page.getByText(historyWithheld).waitFor();
    expect(await history(page).count()).toBe(0);
    await expectNoAxeViolations(page, 'the executive’s printout');
    await b.closeTab(tab);
  }, 60_000);

  it("when a police partner prints their own return it has the lead's comments and no history, and another agency's is refused", async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'police@mscp.example');
    await openFromMenu(page, 'Our return');
    await expect.poll(() => h1(page)).toBe('Your return for 2026-27 Q3');
    await page.getByRole('link', { name: 'Print or save this return as PDF' }).click();
    await page.waitForURL(b.url(`/our-return/${Q3}/print`));
    await printout(page, 'Kent Police: return for 2026-27 Q3');
    expect(await page.locator('.app-summary-card__title').allInnerTexts()).toEqual([SECTIONS[0], SECTIONS[2]]);
    await expect.poll(() => page.locator('.app-return-facts').innerText()).toMatch(/Status\s+Returned/);
    await page
      .locator('.app-ret-comment')
      .getByText(/Returned for two changes/)
      .waitFor();
    expect(await page.locator('#section-family-help').innerText()).toMatch(/Police notifications to the front door: 806/);
    await page.getByText(historyWithheld).waitFor();
    await expectNoAxeViolations(page, 'the partner’s printout');
    await page.getByRole('link', { name: 'Back to your return' }).click();
    await expect.poll(() => h1(page)).toBe('Your return for 2026-27 Q3');

    // Another agency's return: the page is refused, and so is the API behind it.
    await page.goto(b.url(`/returns/${Q3}/medway-council/print`));
    await expect.poll(() => h1(page)).toBe('You cannot view this page');
    await expectNoAxeViolations(page, 'a partner refused another agency’s printout');
    const police = await b.apiAs('police@mscp.example');
    const refused = await police('GET', COUNCIL);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { detail?: string }).detail).toBe("You can only see your own agency's return.");
    await b.closeTab(tab);
  }, 60_000);
});
