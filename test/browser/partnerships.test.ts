import { describe, expect, it } from 'vitest';
import { loadSeed } from '../../functions/seed/seed.js';
import { expectNoAxeViolations, h1, settled, submitSignIn, useBrowserPortal } from './harness.js';

/*
 * Several partnerships, one sign-in (issue 13, first step): Riley Shaw signs off for Kent Police in
 * Medway's partnership and Kent's. He signs in once, changes to Kent from the header, works in
 * Kent's pages (its own workstreams, nothing of Medway's), and changes back. What needs someone in
 * another partnership shows on their home page. Medway's lead, in one partnership only, is offered
 * no change.
 */

const b = useBrowserPortal({ alsoSeed: [loadSeed('kscmp')] });
const KENT = 'Kent Safeguarding Children Multi-Agency Partnership';
const MEDWAY = 'Medway Safeguarding Children Partnership';
const KENT_WORKSTREAM = 'Multi-agency child protection';
const MEDWAY_WORKSTREAM = 'Improving Safeguarding and Multi-Agency Collaboration';

describe('changing partnership', () => {
  it('when Riley Shaw changes to Kent from the header, Kent’s pages show only Kent’s work, survive a reload, and he can change back', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'police@mscp.example');
    const header = page.locator('.app-header__partnership');
    await expect.poll(() => header.innerText()).toContain(MEDWAY);
    await header.getByRole('link', { name: 'Change partnership' }).click();
    await page.waitForURL(b.url('/partnerships'));
    await expect.poll(() => h1(page)).toBe('Your partnerships');
    await settled(page);
    const choices = page.locator('.app-partnership-list li');
    await expect.poll(() => choices.allInnerTexts()).toEqual([expect.stringMatching(new RegExp(`^${KENT}`)), expect.stringMatching(new RegExp(`^${MEDWAY}.*Working in now`, 's'))]);
    await expectNoAxeViolations(page, 'your partnerships');

    await page.getByRole('link', { name: KENT }).click();
    // Kent's pages open at its address, and every page after names Kent in its address.
    await page.waitForURL(b.url('/', 'kscmp'));
    await page.locator('[data-testid="user-name"]').waitFor();
    await expect.poll(() => header.innerText()).toContain(KENT);
    // His home page: Kent's workstreams for Kent Police, nothing of Medway's.
    await expect.poll(() => page.locator('main').innerText()).toContain(KENT_WORKSTREAM);
    expect(await page.locator('main').innerText()).not.toContain(MEDWAY_WORKSTREAM);
    await expectNoAxeViolations(page, 'Kent Police’s home in Kent');
    // Kent's MACPT workstream is marked in its data (its id is not Medway's): its readiness is "MACPT readiness", listed first.
    await page.goto(b.url('/readiness', 'kscmp'));
    await expect.poll(() => page.locator('.app-readiness-list__item').first().innerText()).toContain(`MACPT readiness: ${KENT_WORKSTREAM}`);
    await page.getByRole('link', { name: `MACPT readiness: ${KENT_WORKSTREAM}` }).click();
    await page.waitForURL(b.url('/readiness/multi-agency-child-protection', 'kscmp'));
    await expect.poll(() => h1(page)).toBe('MACPT readiness');
    // Kent's return for the quarter, not Medway's (Kent's was submitted on 19 November; Medway's was returned).
    await page.getByRole('link', { name: 'Our return' }).first().click();
    await page.waitForURL(b.url('/our-return', 'kscmp'));
    await expect.poll(() => page.locator('main').innerText()).toContain('You submitted this return on 19 November 2026');

    await page.reload();
    await settled(page);
    await expect.poll(() => header.innerText()).toContain(KENT);
    await expect.poll(() => page.locator('main').innerText()).toContain('You submitted this return on 19 November 2026');
    await expectNoAxeViolations(page, 'Kent Police’s return in Kent');

    await page.goto(b.url('/partnerships'));
    await page.getByRole('link', { name: MEDWAY }).click();
    await page.waitForURL(b.url('/', 'mscp'));
    await expect.poll(() => header.innerText()).toContain(MEDWAY);
    await expect.poll(() => page.locator('main').innerText()).toContain(MEDWAY_WORKSTREAM);
    expect(await page.locator('main').innerText()).not.toContain(KENT_WORKSTREAM);
    await page.getByRole('link', { name: 'Our return' }).first().click();
    await expect.poll(() => page.locator('main').innerText()).toContain('The programme lead has returned your return');
    await b.closeTab(tab);
  });

  it('when Avery Khan (NHS, in both) opens her home page, what needs her in Kent is there too, named, and opens Kent’s page', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'health@mscp.example');
    const attention = page.locator('.app-attention');
    await expect.poll(() => attention.innerText()).toContain('In your other partnerships');
    await expect.poll(() => attention.innerText()).toContain(KENT);
    await expectNoAxeViolations(page, 'home with another partnership’s attention');
    await attention.locator('li[data-key^="kscmp:sign-off#"] a').click();
    await page.waitForURL(b.url('/threshold', 'kscmp'));
    await expect.poll(() => page.locator('.app-header__partnership').innerText()).toContain(KENT);
    await b.closeTab(tab);
  });

  it('when Kent’s lead (in Kent only) signs in on the portal’s own sign-in page, they start in Kent', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await page.goto(b.url('/sign-in'));
    await submitSignIn(page, 'lead@kscmp.example');
    await page.waitForURL(b.url('/', 'kscmp'));
    await expect.poll(() => page.locator('.app-header__partnership').innerText()).toContain(KENT);
    await expect.poll(() => page.locator('[data-testid="user-name"]').innerText()).toBe('Alex Mercer');
    await expectNoAxeViolations(page, 'Kent lead home');
    await b.closeTab(tab);
  });

  it('when Medway’s lead (in Medway only) signs in, the header offers no change and the page says there is one partnership', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await settled(page);
    expect(await page.locator('.app-header__partnership').getByRole('link').count()).toBe(0);
    await page.goto(b.url('/partnerships'));
    await expect.poll(() => page.locator('main').innerText()).toContain('You work in one partnership only.');
    await expectNoAxeViolations(page, 'one partnership only');
    await b.closeTab(tab);
  });
});
