import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, openFromMenu, settled, useBrowserPortal } from './harness.js';

const b = useBrowserPortal();

/** Today as the pages write it ("30 November 2026"), in UK time. */
const today = () => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(new Date());

const banner = (page: Page, text: string | RegExp) => page.locator('.govuk-notification-banner--success').getByText(text).waitFor();
const names = (page: Page, list: 'workstream' | 'agency') => page.locator(`#${list}-list tbody th`).allInnerTexts();
const errorSummary = async (page: Page) => {
  await page.locator('.govuk-error-summary').waitFor();
  return page.locator('.govuk-error-summary').innerText();
};

describe('programme set-up of workstreams and agencies (lead)', () => {
  it('when the lead adds, renames, moves and retires a workstream, each step shows and every page state is accessible', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await openFromMenu(page, 'Programme set-up');
    await page.waitForURL(b.url('/programme'));
    await settled(page);
    await page.locator('#workstream-list').waitFor();
    await expectNoAxeViolations(page, 'programme set-up with workstreams and agencies');

    // Add: nothing answered names each question; then the workstream is added last.
    await page.getByRole('button', { name: 'Add a workstream' }).click();
    await page.waitForURL(b.url('/programme/workstreams/new'));
    await page.getByRole('button', { name: 'Add workstream' }).click();
    const missing = await errorSummary(page);
    expect(missing).toContain('Enter the workstream’s name');
    expect(missing).toContain('Choose the lead agency');
    expect(missing).toContain('Choose at least one agency that reports on it');
    await expect.poll(() => page.title()).toMatch(/^Error: Add a workstream/);
    await expectNoAxeViolations(page, 'add a workstream, with errors');
    await page.getByLabel('Name').fill('Youth Justice');
    await page.getByLabel('Description (optional)').fill('Prevent offending by children known to several agencies.');
    await page.getByLabel('Lead agency').selectOption({ label: 'Medway Council' });
    await page.getByRole('group', { name: 'Agencies that report on it' }).getByLabel('Medway Council').check();
    await page.getByRole('group', { name: 'Agencies that report on it' }).getByLabel('Kent Police').check();
    await page.getByRole('button', { name: 'Add workstream' }).click();
    await page.waitForURL(b.url('/programme'));
    await banner(page, /Youth Justice has been added/);
    await expect
      .poll(() => names(page, 'workstream'))
      .toEqual([
        'Family Help and Early Intervention',
        'Strengthening Kinship Care',
        'Improving Safeguarding and Multi-Agency Collaboration',
        'Increasing Placement Sufficiency',
        'Supporting Care Leavers',
        'Youth Justice',
      ]);
    await expectNoAxeViolations(page, 'programme set-up after adding a workstream');

    // Rename.
    await page.getByRole('link', { name: 'Change Youth Justice' }).click();
    await page.waitForURL(b.url('/programme/workstreams/youth-justice/change'));
    // The form itself, not the moment between pages.
    await page.getByLabel('Name').waitFor();
    await expectNoAxeViolations(page, 'change a workstream');
    await page.getByLabel('Name').fill('Youth Justice and Prevention');
    // The MACPT mark: one workstream has it, and ticking it here takes it from that one.
    const macpt = page.getByLabel('This workstream sets up the multi-agency child protection teams (MACPTs)');
    expect(await macpt.isChecked()).toBe(false);
    await expect
      .poll(() => page.locator('#macpt-hint').innerText())
      .toContain('Improving Safeguarding and Multi-Agency Collaboration does now, and stops if you save this one ticked');
    await macpt.check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await banner(page, 'Your changes to Youth Justice and Prevention have been saved.');
    await page.goto(b.url('/readiness'));
    await expect.poll(() => page.locator('.app-readiness-list__item').first().innerText()).toContain('MACPT readiness: Youth Justice and Prevention');
    await page.goto(b.url('/programme'));
    await page.locator('#workstream-list').waitFor();

    // Move up: it changes places with the one above, and keeps the keyboard focus.
    await page.getByRole('button', { name: 'Move up Youth Justice and Prevention' }).click();
    await banner(page, 'Youth Justice and Prevention moved up.');
    await expect.poll(async () => (await names(page, 'workstream')).slice(-2)).toEqual(['Youth Justice and Prevention', 'Supporting Care Leavers']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('move-up-workstream-youth-justice');
    await expectNoAxeViolations(page, 'programme set-up after moving a workstream');

    // Retire: the check first, then it is listed apart, saying when and by whom.
    await page.getByRole('link', { name: 'Retire Youth Justice and Prevention' }).click();
    await page.waitForURL(b.url('/programme/workstreams/youth-justice/retire'));
    await expect.poll(() => page.locator('h1').innerText()).toBe('Retire Youth Justice and Prevention?');
    await expectNoAxeViolations(page, 'retire a workstream');
    await page.getByRole('button', { name: 'Retire Youth Justice and Prevention' }).click();
    await banner(page, /Youth Justice and Prevention has been retired/);
    const retired = page.locator('#retired-workstream-list');
    await expect.poll(() => retired.innerText()).toContain(`Retired on ${today()} by Jordan Ellis`);
    expect(await names(page, 'workstream')).not.toContain('Youth Justice and Prevention');
    await expectNoAxeViolations(page, 'programme set-up with a retired workstream');
    await b.closeTab(tab);
  });

  it('when the lead adds, renames, moves, retires and restores an agency, each step shows, refusals say why, and every page state is accessible', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await page.goto(b.url('/programme'));
    await page.locator('#agency-list').waitFor();
    const before = await names(page, 'agency');

    await page.getByRole('button', { name: 'Add an agency' }).click();
    await page.waitForURL(b.url('/programme/agencies/new'));
    await page.getByRole('button', { name: 'Add agency' }).click();
    expect(await errorSummary(page)).toContain('Enter the agency’s name');
    await expectNoAxeViolations(page, 'add an agency, with errors');
    await page.getByLabel('Name').fill('Kent Police');
    await page.getByLabel('Voluntary sector').check();
    await page.getByRole('group', { name: 'Is it a statutory safeguarding partner?' }).getByLabel('No').check();
    await page.getByRole('button', { name: 'Add agency' }).click();
    // The server refuses a name already in use, at the field (the summary of the first try shows until it answers).
    await expect.poll(() => errorSummary(page)).toContain('There is already an agency called "Kent Police"');
    await expectNoAxeViolations(page, 'add an agency, name taken');
    await page.getByLabel('Name').fill('Medway Youth Service');
    await page.getByRole('button', { name: 'Add agency' }).click();
    await page.waitForURL(b.url('/programme'));
    await banner(page, /Medway Youth Service has been added/);
    await expect.poll(() => names(page, 'agency')).toEqual([...before, 'Medway Youth Service']);

    await page.getByRole('link', { name: 'Change Medway Youth Service' }).click();
    await page.getByLabel('Name').fill('Medway Youth Services');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await banner(page, 'Your changes to Medway Youth Services have been saved.');

    await page.getByRole('button', { name: 'Move up Medway Youth Services' }).click();
    await banner(page, 'Medway Youth Services moved up.');
    await expect.poll(async () => (await names(page, 'agency')).at(-2)).toBe('Medway Youth Services');
    await expectNoAxeViolations(page, 'programme set-up after moving an agency');

    // Retiring the council is refused: it leads workstreams and signs the threshold document.
    await page.getByRole('link', { name: 'Retire Medway Council' }).click();
    await page.getByRole('button', { name: 'Retire Medway Council' }).click();
    expect(await errorSummary(page)).toMatch(/Medway Council cannot be retired yet: it leads .*threshold document/);
    await expectNoAxeViolations(page, 'retire an agency, refused');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.waitForURL(b.url('/programme'));

    await page.getByRole('link', { name: 'Retire Medway Youth Services' }).click();
    await page.getByRole('button', { name: 'Retire Medway Youth Services' }).click();
    await banner(page, /Medway Youth Services has been retired/);
    await expect.poll(() => page.locator('#retired-agency-list').innerText()).toContain(`Retired on ${today()} by Jordan Ellis`);
    await expectNoAxeViolations(page, 'programme set-up with a retired agency');

    await page.getByRole('button', { name: 'Restore Medway Youth Services' }).click();
    await banner(page, 'Medway Youth Services has been restored and is in use again.');
    await expect.poll(() => names(page, 'agency')).toContain('Medway Youth Services');
    await expectNoAxeViolations(page, 'programme set-up after restoring an agency');
    await b.closeTab(tab);
  });
});
