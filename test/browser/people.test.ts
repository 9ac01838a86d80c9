import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, h1, openFromMenu, settled, useBrowserPortal } from './harness.js';

/*
 * People administration end to end (issue 12): the lead invites a police officer, the invitation
 * reaches the local mailbox (the SES emulator), the officer sets a password from its link and is
 * signed in; the lead deactivates them and their open session ends within a minute (the portal's
 * clock is moved on rather than waited for). An agency administrator sees their own agency only.
 */

const b = useBrowserPortal({ mail: true });
const OFFICER = { name: 'Dana Fox', email: 'dana.fox@police.example' };

/** The set-password link in the newest email to `to` (in Medway's pages), as a path on the test portal. */
async function invitationPath(to: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const mail = (await b.portal().mailbox()).filter((m) => m.destination.to.includes(to)).at(-1);
      link = /https?:\/\/[^/\s]+(\/p\/mscp\/set-password#token=[A-Za-z0-9._-]+)/.exec(mail?.body.text ?? '')?.[1];
      return link;
    })
    .toBeDefined();
  return link!;
}

describe('inviting and deactivating someone', () => {
  it('when the lead invites a police officer, they set a password from the email and sign in; deactivated, their session ends within a minute', async () => {
    const lead = await b.newTab();
    await b.signIn(lead.page, 'lead@mscp.example');
    await openFromMenu(lead.page, 'People');
    await lead.page.waitForURL(b.url('/people'));
    await settled(lead.page);
    await expect.poll(() => lead.page.getByTestId('people-count').innerText()).toMatch(/^\d+ people\.$/);
    await expectNoAxeViolations(lead.page, 'people');

    await lead.page.getByRole('button', { name: 'Invite someone' }).click();
    await lead.page.waitForURL(b.url('/people/invite'));
    await expect.poll(() => h1(lead.page)).toBe('Invite someone');
    await lead.page.getByRole('button', { name: 'Send invitation' }).click();
    const summary = lead.page.locator('.govuk-error-summary');
    await summary.waitFor();
    await expect.poll(() => summary.innerText()).toMatch(/Enter their full name/);
    await expect.poll(() => summary.innerText()).toMatch(/Choose the agency they work for/);
    await expectNoAxeViolations(lead.page, 'invite someone, with errors');

    await lead.page.getByLabel('Full name').fill(OFFICER.name);
    await lead.page.getByLabel('Work email address').fill(OFFICER.email);
    await lead.page.getByLabel('Agency', { exact: true }).selectOption({ label: 'Kent Police' });
    await lead.page.getByRole('button', { name: 'Send invitation' }).click();
    await lead.page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await lead.page.getByText(`An invitation has been sent to ${OFFICER.email}.`).waitFor();
    await expect.poll(() => h1(lead.page)).toBe(OFFICER.name);
    await expect.poll(() => lead.page.locator('#person-summary').innerText()).toMatch(/Invited/);
    await expectNoAxeViolations(lead.page, 'an invited person');
    const personUrl = lead.page.url();

    // The officer opens the link from the email in a browser of their own.
    const officer = await b.newTab();
    await officer.page.goto(b.at(await invitationPath(OFFICER.email)));
    await expect.poll(() => h1(officer.page)).toBe('Set your password');
    await expect.poll(() => officer.page.locator('main').innerText()).toMatch(/Welcome, Dana Fox/);
    await expectNoAxeViolations(officer.page, 'set your password');
    await officer.page.getByLabel('New password').fill('river copper lantern');
    await officer.page.getByLabel('Type the password again').fill('river copper lantern');
    await officer.page.getByRole('button', { name: 'Set password and sign in' }).click();
    await officer.page.waitForURL(b.url('/'));
    await expect.poll(() => officer.page.getByTestId('user-name').innerText()).toMatch(/Dana Fox/);

    // The lead sees them active, then deactivates them.
    await lead.page.goto(personUrl);
    await settled(lead.page);
    await expect.poll(() => lead.page.locator('#person-summary').innerText()).toMatch(/Active/);
    await lead.page.getByRole('button', { name: 'Deactivate' }).click();
    await lead.page.waitForURL(`${personUrl}/deactivate`);
    await expect.poll(() => h1(lead.page)).toBe('Deactivate Dana Fox?');
    await expectNoAxeViolations(lead.page, 'deactivate someone');
    await lead.page.getByRole('button', { name: 'Deactivate Dana Fox' }).click();
    await lead.page.waitForURL(personUrl);
    await lead.page.getByText('Dana Fox has been deactivated.', { exact: false }).waitFor();
    await expect.poll(() => lead.page.locator('#person-history').innerText()).toMatch(/Deactivated Dana Fox/);

    // A minute on, the officer's next page load is refused and they are back at sign-in, told why.
    b.portal().advanceClock(61_000);
    await openFromMenu(officer.page, 'Our return');
    await officer.page.waitForURL(/\/sign-in/);
    await expect.poll(() => officer.page.locator('main').innerText()).toMatch(/access to the portal has ended/);
    await b.closeTab(officer);
    await b.closeTab(lead);
  });
});

describe("an agency administrator's people", () => {
  it("when Medway Council's administrator opens People, they see only the council's partners and cannot choose a role", async () => {
    const tab = await b.newTab();
    await b.signIn(tab.page, 'council@mscp.example');
    await openFromMenu(tab.page, 'People');
    await tab.page.waitForURL(b.url('/people'));
    await settled(tab.page);
    const table = tab.page.locator('#people');
    await table.waitFor();
    await expect.poll(() => table.innerText()).toMatch(/Casey Brooks/);
    expect(await table.innerText()).not.toMatch(/Riley Shaw|Jordan Ellis|Sam Patel/);
    await expectNoAxeViolations(tab.page, 'people (agency administrator)');
    await tab.page.getByRole('button', { name: 'Invite someone' }).click();
    await tab.page.waitForURL(b.url('/people/invite'));
    await settled(tab.page);
    expect(await tab.page.getByRole('group', { name: 'Role' }).count()).toBe(0);
    expect(await tab.page.getByLabel('Manages the agency’s people').count()).toBe(0);
    await b.closeTab(tab);
  });

  it('when a partner who administers nothing types the People address, they are told they cannot manage people', async () => {
    const tab = await b.newTab();
    await b.signIn(tab.page, 'police@mscp.example');
    await tab.page.goto(b.url('/people'));
    await settled(tab.page);
    await expect.poll(() => h1(tab.page)).not.toBe('People');
    await b.closeTab(tab);
  });
});
