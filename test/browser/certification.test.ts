import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations as runAxe, h1, screenshot, settled as settledOrNot, useBrowserPortal } from './harness.js';

/*
 * Certifying a return inside the agency (the Medway demo asks for it): an NHS officer who is not a
 * signatory completes the draft and sends it for certification; the NHS signatory sends it back
 * with a comment, the officer sees it and sends it again, the signatory certifies it, and the lead
 * sees who prepared and who certified it. The signatory is asked by email. The officer cannot certify their own return, and a
 * certify page opened before the return changed is refused as stale. axe-core runs on every page state.
 */

const Q3 = '2026-27-Q3';
const PREPARER = { email: 'health.officer@mscp.example', name: 'Jesse Morgan' };
const SIGNATORY = { email: 'health@mscp.example', name: 'Avery Khan' };
const COMMENT = 'Please add the December committee date to the Family Help narrative.';
/** The sections the seeded NHS draft has not finished: no confidence, no narrative, or Amber/Red without a risk. */
const UNFINISHED = {
  kinship: 'Strengthening Kinship Care',
  safeguarding: 'Improving Safeguarding and Multi-Agency Collaboration',
  'placement-sufficiency': 'Increasing Placement Sufficiency',
  'care-leavers': 'Supporting Care Leavers',
};

const SCREENSHOTS = process.env.CERTIFICATION_SCREENSHOTS === '1';

const b = useBrowserPortal({ mail: true });

const settled = (page: Page) => settledOrNot(page, { strict: true });

/** Waits for loading to finish (failing if it does not), then runs axe-core; with CERTIFICATION_SCREENSHOTS=1 keeps a screenshot. */
async function expectNoAxeViolations(page: Page, where: string) {
  await settled(page);
  await runAxe(page, where);
  if (SCREENSHOTS) await screenshot(page, `certification-${where.replace(/[^a-z0-9]+/gi, '-')}`);
}

/** Opens a section of the NHS return, rates it Green with a narrative and saves it. */
async function completeSection(page: Page, workstreamId: string, name: string) {
  await page.goto(b.url(`/our-return/${Q3}/section/${workstreamId}`));
  await expect.poll(() => h1(page)).toBe(name);
  await settled(page);
  await page.getByRole('radio', { name: 'Green', exact: true }).check();
  await page.getByLabel('Progress this quarter').fill(`Health colleagues report steady progress on ${name.toLowerCase()} this quarter.`);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect.poll(() => h1(page)).toBe('Your return for 2026-27 Q3');
  await page.getByText(`${name} saved`).waitFor();
}

/** From the task list: check the answers and send the return for certification. */
async function sendForCertification(page: Page) {
  await page.goto(b.url(`/our-return/${Q3}`));
  await settled(page);
  await page.getByRole('link', { name: 'Check your answers and send for certification' }).click();
  await expect.poll(() => h1(page)).toBe('Check your answers before you send your return for certification');
  await settled(page);
  await page.getByText('a signatory at your agency to certify before the programme lead sees it', { exact: false }).waitFor();
  return async () => {
    await page.getByRole('button', { name: 'Send for certification' }).click();
    await page.waitForURL(b.url(`/our-return/${Q3}/submitted`));
    await expect.poll(() => h1(page)).toBe('Return sent for certification');
  };
}

/** The signatory's certify page, opened from the banner on the return. */
async function openCertifyPage(page: Page) {
  await page.goto(b.url(`/our-return/${Q3}`));
  await settled(page);
  await page.getByRole('region', { name: 'Awaiting certification' }).getByRole('link', { name: 'Check and certify the return' }).click();
  await page.waitForURL(b.url(`/our-return/${Q3}/certify`));
  await expect.poll(() => h1(page)).toBe("Certify your agency's return for 2026-27 Q3");
  await settled(page);
}

describe('certifying a return inside the agency', () => {
  it('when an officer sends the return for certification, the confirmation names the signatory who can certify it, and the officer cannot certify it', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, PREPARER.email);
    for (const [id, name] of Object.entries(UNFINISHED)) await completeSection(page, id, name);

    const send = await sendForCertification(page);
    await expectNoAxeViolations(page, 'check answers before certification');
    await send();
    await expect.poll(() => page.locator('main').innerText()).toContain(`${SIGNATORY.name} will check it`);
    await expectNoAxeViolations(page, 'sent for certification');
    // The signatory is asked by email (the outbox job, as npm start runs it), with a link to the certify page.
    await b.portal().outbox();
    const asked = (await b.portal().mailbox()).filter((m) => m.destination.to.includes(SIGNATORY.email));
    expect(asked.map((m) => m.subject)).toEqual(['Certify NHS Kent and Medway’s return for October to December 2026']);
    expect(asked[0]!.body.text).toContain(b.url(`/our-return/${Q3}/certify`));

    await page.getByRole('link', { name: 'View your return' }).click();
    await expect.poll(() => h1(page)).toBe('Your return for 2026-27 Q3');
    await page.goto(b.url(`/our-return/${Q3}`));
    await settled(page);
    const banner = page.getByRole('region', { name: 'Awaiting certification' });
    await expect.poll(() => banner.innerText()).toMatch(new RegExp(`${PREPARER.name} sent this return for certification on .+\\. ${SIGNATORY.name} can certify it\\.`));
    expect(await banner.getByRole('link', { name: 'Check and certify the return' }).count()).toBe(0);
    await page.getByText('This return is waiting to be certified, so it cannot be changed now.').waitFor();
    await expectNoAxeViolations(page, 'awaiting certification, preparer');

    // The preparer is not a signatory: the certify page says so and has no form.
    await page.goto(b.url(`/our-return/${Q3}/certify`));
    await expect.poll(() => h1(page)).toBe("Certify your agency's return for 2026-27 Q3");
    await settled(page);
    await expect.poll(() => page.locator('.govuk-inset-text').innerText()).toContain('Only a signatory at your agency can certify this return.');
    expect(await page.getByRole('radio').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Continue' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'certify page refused');
    await b.closeTab(tab);
  }, 180_000);

  it('when the signatory sends it back with a comment, it is checked first, a page opened before is refused as stale, and the officer sees the comment', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, SIGNATORY.email);
    await openCertifyPage(page);
    await expect.poll(() => page.locator('.app-return-facts').innerText()).toMatch(new RegExp(`Prepared and sent by\\s+${PREPARER.name} on `));
    await expect.poll(() => page.locator('.app-summary-card').count()).toBe(5);
    await expectNoAxeViolations(page, 'certify page');

    const summary = page.locator('.govuk-error-summary');
    await page.getByRole('button', { name: 'Continue' }).click();
    await summary.getByRole('link', { name: 'Choose whether to certify the return or send it back' }).waitFor();
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await expectNoAxeViolations(page, 'certify page, nothing chosen');

    await page.getByRole('radio', { name: `Send it back to ${PREPARER.name} with comments` }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await summary.getByRole('link', { name: 'Enter what needs changing' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('comment');
    await expectNoAxeViolations(page, 'certify page, no comment');

    // The same signatory has the page open in another tab, from before the return is sent back.
    const stale = await b.newTab();
    await b.signIn(stale.page, SIGNATORY.email);
    await openCertifyPage(stale.page);

    await page.getByLabel('What needs changing').fill(COMMENT);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(b.url(`/our-return/${Q3}`));
    await page.getByText(`You sent the return back to ${PREPARER.name} with your comments`).waitFor();
    await expectNoAxeViolations(page, 'after sending back');
    await b.closeTab(tab);

    // Certifying from the older page is refused as stale; reloading shows the return is no longer waiting.
    await stale.page.getByRole('radio', { name: 'Certify and submit to the programme lead' }).check();
    await stale.page.getByRole('button', { name: 'Continue' }).click();
    const conflict = stale.page.locator('#conflict');
    await conflict.getByText('The return has changed since you opened this page').waitFor();
    await expectNoAxeViolations(stale.page, 'certify page, stale');
    await conflict.getByRole('button', { name: 'Reload the return' }).click();
    await expect.poll(() => stale.page.locator('.govuk-inset-text').innerText()).toContain('This return is not waiting for certification: it is a draft');
    expect(await stale.page.getByRole('radio').count()).toBe(0);
    await expectNoAxeViolations(stale.page, 'certify page, not waiting');
    await b.closeTab(stale);

    const officer = await b.newTab();
    await b.signIn(officer.page, PREPARER.email);
    await officer.page.goto(b.url(`/our-return/${Q3}`));
    await settled(officer.page);
    const banner = officer.page.getByRole('region', { name: 'Sent back with comments' });
    await expect.poll(() => banner.innerText()).toContain(COMMENT);
    await expect.poll(() => banner.innerText()).toContain(SIGNATORY.name);
    await expect.poll(() => banner.innerText()).toContain('Make the changes, then send it for certification again.');
    await expectNoAxeViolations(officer.page, 'sent back, preparer');

    const send = await sendForCertification(officer.page);
    await send();
    await b.closeTab(officer);
  }, 180_000);

  it('when the signatory certifies it, it goes to the lead, who sees who prepared and who certified it', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, SIGNATORY.email);
    await openCertifyPage(page);
    await page.getByRole('radio', { name: 'Certify and submit to the programme lead' }).check();
    await page.getByText('By certifying you confirm that you have checked the answers', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(b.url(`/our-return/${Q3}/certified`));
    await expect.poll(() => h1(page)).toBe('Return certified and submitted');
    await expect.poll(() => page.locator('main').innerText()).toContain('The programme lead will review the return.');
    await expectNoAxeViolations(page, 'certified');

    // Certified, it is no longer waiting: the certify page says where it stands instead of a form.
    await page.goto(b.url(`/our-return/${Q3}/certify`));
    await settled(page);
    await expect.poll(() => page.locator('.govuk-inset-text').innerText()).toContain('This return is not waiting for certification');
    expect(await page.getByRole('radio').count()).toBe(0);
    await b.closeTab(tab);

    const lead = await b.newTab();
    await b.signIn(lead.page, 'lead@mscp.example');
    await lead.page.goto(b.url(`/returns/${Q3}/nhs-kent-medway`));
    await expect.poll(() => h1(lead.page)).toBe('NHS Kent and Medway: return for 2026-27 Q3');
    await settled(lead.page);
    const facts = lead.page.locator('.app-return-facts');
    await expect.poll(() => facts.locator('.govuk-tag').first().innerText()).toBe('Submitted');
    await expect.poll(() => facts.innerText()).toMatch(new RegExp(`Certified\\s+.+ by ${SIGNATORY.name}`));
    await expect.poll(() => facts.innerText()).toMatch(new RegExp(`Prepared by\\s+${PREPARER.name}, sent for certification `));
    await expectNoAxeViolations(lead.page, 'lead sees the certified return');

    await lead.page.goto(b.url(`/returns/${Q3}`));
    await settled(lead.page);
    await expect.poll(() => lead.page.locator('tr', { hasText: 'NHS Kent and Medway' }).locator('.govuk-tag').first().innerText()).toBe('Submitted');
    await b.closeTab(lead);
  }, 120_000);
});
