import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadSeed } from '../../functions/seed/seed.js';
import { expectNoAxeViolations, h1, screenshot, settled, submitSignIn, useBrowserPortal } from './harness.js';

/*
 * Platform administration (issue 13): Pat Okafor, the demo's platform administrator, signs in on
 * the ordinary sign-in page and lands on the platform's own pages (`/platform`, outside every
 * partnership). She creates a third partnership, Thameside's, from the Families First template with
 * one workstream renamed; its first lead's invitation reaches the local mailbox (the SES emulator),
 * and the lead sets a password from its link and lands in the new partnership. Anyone else is
 * told they cannot view the platform's pages; signed out, they are asked to sign in first.
 */

const b = useBrowserPortal({ mail: true, alsoSeed: [loadSeed('kscmp')] });
const ADMIN = 'platform@portal.example';
const THAMESIDE = 'Thameside Safeguarding Children Partnership';
const LEAD = { name: 'Dana Fox', email: 'dana.fox@thameside.example' };
const RENAMED = 'Care leavers and Staying Close';

const navLabels = async (page: Page) => (await page.getByRole('navigation', { name: 'Menu' }).getByRole('link').allInnerTexts()).map((t) => t.trim());
const summary = (page: Page) => page.locator('.govuk-error-summary');

/** The set-password link in the newest email to `to`, as a path on the test portal (into `partnershipId`'s pages). */
async function invitationPath(to: string, partnershipId: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const mail = (await b.portal().mailbox()).filter((m) => m.destination.to.includes(to)).at(-1);
      link = new RegExp(`https?://[^/\\s]+(/p/${partnershipId}/set-password#token=[A-Za-z0-9._-]+)`).exec(mail?.body.text ?? '')?.[1];
      return link;
    })
    .toBeDefined();
  return link!;
}

/** Fills the create-a-partnership form for Thameside, from the template, with the care leavers' workstream renamed. */
async function fillThameside(page: Page) {
  await page.locator('#partnership-name').fill(THAMESIDE);
  await page.locator('#partnership-short-name').fill('TSCP');
  // The address id follows the short name.
  await expect.poll(() => page.locator('#partnership-id').inputValue()).toBe('tscp');
  await page.locator('#agencies-0-name').fill('Thameside Council');
  await page.locator('#agencies-1-name').fill('Thameside Police');
  await page.locator('#agencies-2-name').fill('NHS Thameside and Riverside ICB');
  await page.getByRole('button', { name: 'Add another agency' }).click();
  // Focus moves to the new agency's name.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('agencies-3-name');
  await page.keyboard.type('Thameside schools and education');
  const education = page.getByRole('group', { name: 'Agency 4' });
  await education.getByLabel('Type').selectOption({ label: 'Education' });
  await education.getByRole('radio', { name: 'No' }).check();
  await expect.poll(() => education.innerText()).toContain('Its id: thameside-schools-and-education');
  await page.locator('#template-workstreams-4-name').fill(RENAMED);
  await page.locator('#firstLead-name').fill(LEAD.name);
  await page.locator('#firstLead-email').fill(LEAD.email);
  await page.getByLabel('Their agency').selectOption({ label: 'Thameside Council' });
}

describe('platform administration', () => {
  it('when Pat Okafor creates Thameside’s partnership from the template, its lead is emailed a link, sets a password and works in it', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await page.goto(b.url('/sign-in'));
    await submitSignIn(page, ADMIN);
    // A whole page load to the platform's own address, outside every partnership.
    await page.waitForURL(b.at('/platform'));
    await expect.poll(() => h1(page)).toBe('Partnerships');
    await expect.poll(() => page.getByTestId('user-name').innerText()).toBe('Pat Okafor');
    await expect.poll(() => page.getByTestId('user-role').innerText()).toBe('Platform administrator');
    await expect.poll(() => page.locator('.app-header__partnership').innerText()).toBe('Platform administration');
    await expect.poll(() => navLabels(page)).toEqual(['Partnerships', 'Create a partnership']);
    expect(await page.getByRole('link', { name: 'Change partnership' }).count()).toBe(0);
    const hosted = page.locator('#hosted-partnerships');
    await expect.poll(() => hosted.locator('tbody tr').count()).toBe(2);
    await expect.poll(() => hosted.innerText()).toContain('Medway Safeguarding Children Partnership');
    await expectNoAxeViolations(page, 'platform: the hosted partnerships');

    await page.getByRole('button', { name: 'Create a partnership' }).click();
    await page.waitForURL(b.at('/platform/new'));
    await expect.poll(() => h1(page)).toBe('Create a partnership');
    await expect.poll(() => page.getByTestId('template-used').innerText()).toContain('Families First Partnership (England)');
    await expect.poll(() => page.locator('#template-workstreams-4-name').inputValue()).toBe('Supporting Care Leavers');
    await expect.poll(() => page.getByTestId('criteria-count').innerText()).toMatch(/^15 go-live readiness criteria/);
    await expectNoAxeViolations(page, 'platform: create a partnership');

    // Sent as it opens: each missing answer is named and linked to its field.
    await page.getByRole('button', { name: 'Create partnership' }).click();
    await summary(page).waitFor();
    await expect
      .poll(() => summary(page).getByRole('link').allInnerTexts())
      .toEqual([
        'Enter the partnership’s full name',
        'Enter the partnership’s short name',
        'Enter an address id, like tscp',
        'Enter the name of agency 1',
        'Enter the name of agency 2',
        'Enter the name of agency 3',
        'Enter the lead’s full name',
        'Enter the lead’s work email address',
        'Choose the agency the lead works for',
      ]);
    await expect.poll(() => page.title()).toBe('Error: Create a partnership - Partnership Reform Portal');
    await expect.poll(() => page.locator('#agencies-1-name').getAttribute('aria-describedby')).toContain('agencies-1-name-error');
    await expectNoAxeViolations(page, 'platform: create a partnership, with errors');
    await screenshot(page, 'platform-create-errors');

    // An address id already taken: the API's 409 is shown at the id.
    await fillThameside(page);
    await page.locator('#partnership-id').fill('kscmp');
    await page.getByRole('button', { name: 'Create partnership' }).click();
    await expect.poll(() => summary(page).innerText()).toContain('Another partnership already has this address id: choose another');
    await expect.poll(() => page.locator('#partnership-id-error').innerText()).toContain('Another partnership already has this address id');

    await page.locator('#partnership-id').fill('tscp');
    await page.getByRole('button', { name: 'Create partnership' }).click();
    await page.waitForURL(b.at('/platform/created/tscp'));
    await expect.poll(() => h1(page)).toBe('Partnership created');
    const panel = page.locator('.govuk-panel');
    await expect.poll(() => panel.innerText()).toContain(THAMESIDE);
    await expect.poll(() => panel.innerText()).toContain(`An invitation has been emailed to ${LEAD.name}`);
    await expect.poll(() => page.locator('main').innerText()).toContain(`We have emailed ${LEAD.name} at ${LEAD.email}`);
    expect(await page.getByRole('link', { name: '/p/tscp/kinship-offer' }).getAttribute('href')).toBe('/p/tscp/kinship-offer');
    await expectNoAxeViolations(page, 'platform: partnership created');
    await screenshot(page, 'platform-created');

    await page.getByRole('link', { name: 'Go to the list of partnerships' }).click();
    await page.waitForURL(b.at('/platform'));
    const row = hosted.locator('tr[data-id="tscp"]');
    await expect.poll(() => row.innerText()).toContain(THAMESIDE);
    await expect.poll(() => row.innerText()).toMatch(/ by Pat Okafor/);
    await expect.poll(() => row.innerText()).toContain('Families First Partnership (England)');
    await screenshot(page, 'platform-partnerships');

    // The lead opens the link from the email in a browser of their own.
    const lead = await b.newTab();
    await lead.page.goto(b.at(await invitationPath(LEAD.email, 'tscp')));
    await expect.poll(() => h1(lead.page)).toBe('Set your password');
    await lead.page.getByLabel('New password').fill('heath lantern copper');
    await lead.page.getByLabel('Type the password again').fill('heath lantern copper');
    await lead.page.getByRole('button', { name: 'Set password and sign in' }).click();
    await lead.page.waitForURL(b.url('/', 'tscp'));
    await expect.poll(() => lead.page.getByTestId('user-name').innerText()).toBe(LEAD.name);
    await expect.poll(() => lead.page.locator('.app-header__partnership').innerText()).toBe(THAMESIDE);
    await expect.poll(() => lead.page.locator('main').innerText()).toContain(RENAMED);
    expect(await lead.page.locator('main').innerText()).not.toContain('Supporting Care Leavers');
    await b.closeTab(lead);

    // A partnership's pages are not the administrator's, and opening one does not end her session.
    await page.goto(b.url('/', 'tscp'));
    await expect.poll(() => h1(page)).toBe('You cannot view this page');
    await page.getByRole('link', { name: 'Go to platform administration' }).click();
    await page.waitForURL(b.at('/platform'));
    await expect.poll(() => page.getByTestId('user-name').innerText()).toBe('Pat Okafor');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.getByText('You have signed out.').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('prp.session'))).toBeNull();
    await b.closeTab(tab);
  }, 120_000);

  it('when a partnership’s programme lead opens the platform’s address, they are told they cannot view it, and nothing of it is shown', async () => {
    const tab = await b.newTab();
    await b.signIn(tab.page, 'lead@mscp.example');
    await tab.page.goto(b.at('/platform'));
    await expect.poll(() => h1(tab.page)).toBe('You cannot view this page');
    await settled(tab.page);
    expect(await tab.page.locator('#hosted-partnerships').count()).toBe(0);
    expect(await tab.page.getByRole('navigation', { name: 'Menu' }).getByRole('link').count()).toBe(0);
    await expectNoAxeViolations(tab.page, 'platform: not an administrator');
    await tab.page.goto(b.at('/platform/new'));
    await expect.poll(() => h1(tab.page)).toBe('You cannot view this page');
    await b.closeTab(tab);
  });

  it('when someone signed out opens the platform’s address, they sign in first and come back to it', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await page.goto(b.at('/platform/new'));
    await page.waitForURL(b.at('/sign-in?next=%2Fplatform%2Fnew'));
    await expect.poll(() => h1(page)).toBe('Sign in');
    await expectNoAxeViolations(page, 'platform: sign in');
    await submitSignIn(page, ADMIN);
    await page.waitForURL(b.at('/platform/new'));
    await expect.poll(() => h1(page)).toBe('Create a partnership');
    await b.closeTab(tab);
  });
});

describe('platform administration on a phone', () => {
  it('when the window is 320 pixels wide (400% zoom), the list and the form have no horizontal scrolling', async () => {
    const tab = await b.newTab({ width: 320, height: 640 });
    const { page } = tab;
    await page.goto(b.url('/sign-in'));
    await submitSignIn(page, ADMIN);
    await page.waitForURL(b.at('/platform'));
    await settled(page, { strict: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.goto(b.at('/platform/new'));
    await expect.poll(() => h1(page)).toBe('Create a partnership');
    await settled(page, { strict: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page, 'platform: create a partnership at 320px');
    await b.closeTab(tab);
  });
});
