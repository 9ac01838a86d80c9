import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPORT_SECTION_HEADINGS } from '../../shared/reports/schema.js';
import { expectNoAxeViolations, h1, openFromMenu, screenshot, settled, useBrowserPortal } from './harness.js';

/*
 * The yearly partnership report (issue 16, part 2) in headless Chromium: the lead finds it from the
 * tracker, drafts it for the 12 months to 2026-27 Q2 (the Medway demo accepted every return of Q1
 * and Q2), follows a figure to its source, edits a section, downloads the Word document and reads
 * the headings, the edit and a figure in it, and prints it; the executive reads it without the
 * lead's tools; a partner is offered none of it. axe-core runs on every page and state.
 */

const b = useBrowserPortal();
const Q2 = '2026-27-Q2';
const WINDOW = '1 October 2025 to 30 September 2026';
const TITLE = 'Medway Safeguarding Children Partnership: yearly report, 2025 to 2026';
const DID = REPORT_SECTION_HEADINGS['what-we-did'];
/** A figure the draft writes from the demo's records, with the record it comes from. */
const RETURNS_FIGURE = '2026-27 Q2: 4 of 4 returns accepted';
/** Children in care: 544 in the council's accepted 2026-27 Q2 return. */
const IMPACT_FIGURE = 'Children in care: 544 in 2026-27 Q2';
const NEXT = REPORT_SECTION_HEADINGS['next-year'];
const PLAN = 'Next year the partners will open two family hubs and review the threshold document with schools.';
const OWN_WORDS = 'The partners met every month to agree shared priorities for early help and kinship care.';

/** The words of a Word document's body, without its markup. */
function wordText(docx: Uint8Array): string {
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The yearly reports, opened from the link on the tracker (where the board report is). */
async function openFromTracker(page: Page) {
  await page.getByRole('link', { name: 'Yearly partnership reports' }).click();
  await page.waitForURL(b.url('/reports'));
  await expect.poll(() => h1(page)).toBe('Yearly partnership reports');
  await settled(page);
}

const section = (page: Page, heading: string) => page.getByRole('region', { name: heading, exact: true });

describe('the yearly partnership report', () => {
  it('when the lead opens the yearly reports before any is drafted, it says what to do, and drafting one for the 12 months to 2026-27 Q2 shows every section with its sources', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await openFromMenu(page, 'Tracker');
    await page.locator('[data-testid="tracker-period"]').waitFor();
    await openFromTracker(page);
    await expect.poll(() => page.getByTestId('no-reports').innerText()).toContain('No yearly report has been drafted yet');
    // The latest closed quarter is offered first: the 12 months of the example in Working Together's cycle.
    const q2 = page.getByRole('radio', { name: /^2026-27 Q2: July to September 2026/ });
    await expect.poll(() => q2.isChecked()).toBe(true);
    await expect.poll(() => page.getByText(`Covers ${WINDOW}`).count()).toBe(1);
    await expectNoAxeViolations(page, 'yearly reports, none drafted');

    await page.getByRole('button', { name: 'Draft the report' }).click();
    await page.waitForURL(b.url(`/reports/${Q2}`));
    await expect.poll(() => h1(page)).toBe(TITLE);
    await page.getByText(`The report for ${WINDOW} has been drafted from the records.`).waitFor();
    await expect.poll(() => page.getByTestId('report-facts').innerText()).toMatch(/Drafted by Jordan Ellis on \d{1,2} \w+ \d{4} at [\d:]+(am|pm), last changed by Jordan Ellis on/);
    for (const heading of Object.values(REPORT_SECTION_HEADINGS)) await section(page, heading).waitFor();

    // A figure and its record: the source links to the quarter's returns, within the partnership.
    const did = section(page, DID);
    const sources = did.locator('.app-source-list');
    const source = sources.getByRole('link', { name: RETURNS_FIGURE });
    expect(await source.getAttribute('href')).toBe(`/p/mscp/returns/${Q2}`);
    const item = sources.locator('li').filter({ hasText: RETURNS_FIGURE });
    const id = (await item.getAttribute('id'))!;
    const n = /-source-(\d+)$/.exec(id)![1];
    // The marker in the text goes to its source in the list beside it.
    await did
      .getByTestId('text-what-we-did')
      .getByRole('link', { name: `Source [${n}]` })
      .first()
      .click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(id);
    await expect.poll(() => section(page, REPORT_SECTION_HEADINGS.impact).innerText()).toContain(IMPACT_FIGURE);
    await expectNoAxeViolations(page, 'yearly report, as drafted');
    await b.closeTab(tab);
  });

  it('when the lead edits a section, an empty text is refused, and the saved text shows with who edited it, and drafting again keeps it', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await page.goto(b.url(`/reports/${Q2}`));
    await expect.poll(() => h1(page)).toBe(TITLE);
    await page.getByRole('link', { name: `Edit "${DID}"` }).click();
    await page.waitForURL(b.url(`/reports/${Q2}/sections/what-we-did/edit`));
    await expect.poll(() => h1(page)).toBe(DID);
    const box = page.getByLabel('Section text');
    await expect.poll(() => box.inputValue()).toContain(RETURNS_FIGURE);
    const drafted = await box.inputValue();
    await expect.poll(() => page.locator('.app-source-list').innerText()).toContain(RETURNS_FIGURE);
    await expectNoAxeViolations(page, 'section edit page');

    await box.fill('');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    await expect.poll(() => summary.innerText()).toContain(`Enter the text of "${DID}"`);
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await expectNoAxeViolations(page, 'section edit page with an error');
    await screenshot(page, 'yearly-report-edit-error');

    await box.fill(`${OWN_WORDS}\n\n${drafted}`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(b.url(`/reports/${Q2}`));
    await page.getByText(`"${DID}" has been saved.`).waitFor();
    const did = section(page, DID);
    await expect.poll(() => did.innerText()).toContain(OWN_WORDS);
    await expect.poll(() => did.innerText()).toMatch(/Edited by Jordan Ellis on \d{1,2} \w+ \d{4} at/);
    // Its figures keep their sources.
    await did.getByRole('link', { name: RETURNS_FIGURE }).waitFor();
    await expectNoAxeViolations(page, 'yearly report with an edited section');
    await screenshot(page, 'yearly-report');

    await page.getByRole('button', { name: 'Draft again from the records' }).click();
    await page
      .locator('.govuk-notification-banner--success')
      .filter({ hasText: /report is as it was|drafted again from the records/ })
      .waitFor();
    await expect.poll(() => did.innerText()).toContain(OWN_WORDS);
    await b.closeTab(tab);
  });

  it('when someone else saves the report first, the lead’s text is kept and theirs can be loaded, and a phone number is saved once confirmed', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await page.goto(b.url(`/reports/${Q2}/sections/next-year/edit`));
    await expect.poll(() => h1(page)).toBe(NEXT);
    const box = page.getByLabel('Section text');
    await expect.poll(() => box.inputValue()).toContain('To be written by the partnership');
    const theirs = await box.inputValue();

    // Meanwhile the report moves on: the lead saves another section in another window.
    const call = await b.apiAs('lead@mscp.example');
    const etag = (await call('GET', `/api/p/mscp/reports/${Q2}`)).headers.get('etag') ?? '';
    const other = await call(
      'PUT',
      `/api/p/mscp/reports/${Q2}/sections/feedback`,
      { text: 'Young people shaped the kinship offer through the children in care council.' },
      { 'If-Match': etag },
    );
    expect(other.status, await other.clone().text()).toBe(200);

    await box.fill(PLAN);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = page.locator('#conflict');
    await conflict.waitFor();
    await expect.poll(() => conflict.innerText()).toContain('your changes to this section have not been saved');
    await expect.poll(() => box.inputValue()).toBe(PLAN);
    await expectNoAxeViolations(page, 'section edit page, someone saved first');
    await conflict.getByRole('button', { name: 'Load their version' }).click();
    await expect.poll(() => page.getByTestId('kept-text').innerText()).toBe(PLAN);
    await expect.poll(() => box.inputValue()).toBe(theirs);
    await expectNoAxeViolations(page, 'section edit page, their version loaded');

    // A phone number may be a family's: the error summary asks, and it saves once confirmed.
    await box.fill(`${PLAN}\n\nFamilies can call the early help hub on 07700 900123.`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').innerText()).toMatch(/looks like a phone number/);
    const confirm = page.getByLabel('I have checked: this is not personal data about a child or family member');
    await expectNoAxeViolations(page, 'section edit page, asking to confirm a phone number');
    await confirm.check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(b.url(`/reports/${Q2}`));
    await page.getByText(`"${NEXT}" has been saved.`).waitFor();
    await expect.poll(() => section(page, NEXT).innerText()).toContain('07700 900123');
    // Confirmed, and still said beside the section: the report is published.
    await expect.poll(() => section(page, NEXT).innerText()).toContain('This looks like a phone number');
    await expectNoAxeViolations(page, 'report page, a section with a possible phone number');
    await expect.poll(() => section(page, REPORT_SECTION_HEADINGS.feedback).innerText()).toContain('children in care council');
    await b.closeTab(tab);
  });

  it('when the lead downloads the report as Word, it has the Working Together headings, the edited text and the figures from the records', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await page.goto(b.url(`/reports/${Q2}`));
    await expect.poll(() => h1(page)).toBe(TITLE);
    await settled(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as Word (.docx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^mscp-yearly-report-2025-10-01-to-2026-09-30\.docx$/);
    await page.getByText('The Word document of the report has been downloaded.').waitFor();
    const text = wordText(new Uint8Array(await readFile((await download.path())!)));
    for (const heading of Object.values(REPORT_SECTION_HEADINGS)) expect(text).toContain(heading);
    expect(text).toContain(OWN_WORDS);
    expect(text).toContain(IMPACT_FIGURE);
    await expectNoAxeViolations(page, 'yearly report after the download');
    await b.closeTab(tab);
  });

  it('when the lead prints the report, each section has its sources as notes with the whole address, and the list shows the report', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await page.goto(b.url(`/reports/${Q2}`));
    await expect.poll(() => h1(page)).toBe(TITLE);
    await page.getByRole('link', { name: 'Print or save as PDF' }).click();
    await page.waitForURL(b.url(`/reports/${Q2}/print`));
    await expect.poll(() => h1(page)).toBe(TITLE);
    const notes = page.getByRole('region', { name: DID, exact: true }).locator('.app-source-list');
    await expect.poll(() => notes.innerText()).toContain(`${RETURNS_FIGURE}. ${b.url(`/returns/${Q2}`)}`);
    await expect.poll(() => page.getByRole('region', { name: DID, exact: true }).innerText()).toContain(OWN_WORDS);
    await page.getByRole('button', { name: 'Print or save as PDF' }).waitFor();
    await expectNoAxeViolations(page, 'yearly report to print');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'yearly-report-print');
    await page.emulateMedia({ media: 'screen' });

    await page.goto(b.url('/reports'));
    await expect.poll(() => h1(page)).toBe('Yearly partnership reports');
    const row = page.locator(`tr[data-report="${Q2}"]`);
    await expect.poll(() => row.innerText()).toContain(WINDOW);
    await expect.poll(() => row.innerText()).toMatch(/by Jordan Ellis/);
    await expectNoAxeViolations(page, 'yearly reports, one drafted');
    await screenshot(page, 'yearly-reports-list');

    // The same 12 months again: the report exists, and the error links to it.
    await page.getByRole('radio', { name: /^2026-27 Q2/ }).check();
    await page.getByRole('button', { name: 'Draft the report' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    const existing = summary.getByRole('link', { name: `There is already a report for ${WINDOW}: open it to edit it or draft it again` });
    await existing.waitFor();
    await expectNoAxeViolations(page, 'yearly reports, drafting one that exists');
    await existing.click();
    await page.waitForURL(b.url(`/reports/${Q2}`));
    await expect.poll(() => h1(page)).toBe(TITLE);
    await b.closeTab(tab);
  });

  it('when the executive reads the report, they find it from the tracker and read it without the lead’s tools', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'exec@mscp.example');
    await page.locator('[data-testid="tracker-period"]').waitFor();
    await openFromTracker(page);
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(b.url(`/reports/${Q2}`));
    await expect.poll(() => h1(page)).toBe(TITLE);
    await expect.poll(() => section(page, DID).innerText()).toContain(OWN_WORDS);
    await page.getByRole('button', { name: 'Download as Word (.docx)' }).waitFor();
    await page.getByRole('link', { name: 'Print or save as PDF' }).waitFor();
    expect(await page.getByRole('link', { name: /^Edit/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Draft again from the records' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Draft the report' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'yearly report, as the executive reads it');

    await page.goto(b.url(`/reports/${Q2}/sections/what-we-did/edit`));
    await expect.poll(() => h1(page)).toBe('You cannot edit the yearly report');
    await b.closeTab(tab);

    // On a phone the sources stack under the text, and nothing scrolls sideways.
    const narrow = await b.newTab({ width: 320, height: 800 });
    await b.signIn(narrow.page, 'exec@mscp.example');
    await narrow.page.goto(b.url(`/reports/${Q2}`));
    await expect.poll(() => section(narrow.page, DID).innerText()).toContain(OWN_WORDS);
    await settled(narrow.page);
    expect(await narrow.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await screenshot(narrow.page, 'yearly-report-320');
    await b.closeTab(narrow);
  });

  it('when a partner signs in, the yearly reports are not offered, and the page says they cannot see it', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'council@mscp.example');
    const menu = page.getByRole('navigation', { name: 'Menu' });
    await menu.getByRole('link', { name: 'Our return' }).waitFor();
    expect(await menu.locator('a[href$="/reports"]').count()).toBe(0);
    await page.goto(b.url(`/reports/${Q2}`));
    await expect.poll(() => h1(page)).toBe('You cannot view this page');
    await expect.poll(() => page.locator('main').innerText()).not.toContain(OWN_WORDS);
    await expectNoAxeViolations(page, 'yearly report, refused to a partner');
    await b.closeTab(tab);
  });
});
