import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedWithoutCertification } from '../support/tables.js';
import { expectNoAxeViolations as runAxe, h1, openFromMenu, screenshot, settled as settledOrNot, useBrowserPortal } from './harness.js';

/*
 * Quarterly returns in headless Chromium against the real server and its CSP (see shell.test.ts
 * for the harness): a partner completes and submits a return, the lead returns it with a comment,
 * the partner fixes and resubmits, the lead accepts; executives read it; two people saving the
 * same section at once. axe-core runs on every page visited.
 */

const Q3 = '2026-27-Q3';
const SCREENSHOTS = process.env.RETURNS_SCREENSHOTS === '1';

// A partnership that does not certify returns (a new one's default); certification: test/browser/certification.test.ts.
const b = useBrowserPortal({ seed: seedWithoutCertification() });

/** Loading indicators must go: a page still busy after the timeout fails the test. */
const settled = (page: Page) => settledOrNot(page, { strict: true });

/** Waits for loading indicators to go (failing if they do not), then runs axe-core; with RETURNS_SCREENSHOTS=1 keeps a screenshot. */
async function expectNoAxeViolations(page: Page, where: string) {
  await settled(page);
  await runAxe(page, where);
  if (SCREENSHOTS) await screenshot(page, `returns-${where.replace(/[^a-z0-9]+/gi, '-')}`);
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
}

const taskStatuses = async (page: Page) => (await page.locator('.govuk-task-list__status').allInnerTexts()).map((t) => t.trim());

/** Fills one section of the partner's form and saves it. */
async function completeSection(page: Page, name: string, narrative: string, extra?: (page: Page) => Promise<void>, axeWhere?: string, { confirmPersonalData = false } = {}) {
  await page.getByRole('link', { name, exact: true }).click();
  await expect.poll(() => h1(page)).toBe(name);
  await settled(page);
  await page.getByRole('radio', { name: 'Green', exact: true }).check();
  await page.getByLabel('Progress this quarter').fill(narrative);
  if (extra) await extra(page);
  if (axeWhere) await expectNoAxeViolations(page, axeWhere);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  if (confirmPersonalData) {
    // Possible personal data is saved only once the person confirms it; what they typed stays.
    const confirm = page.getByLabel('I have checked: this is not personal data about a child or family member');
    await confirm.waitFor();
    await expect.poll(() => page.locator('.govuk-error-summary').innerText()).toMatch(/looks like an email address/);
    expect(await page.getByLabel('Progress this quarter').inputValue()).toBe(narrative);
    await expectNoAxeViolations(page, `${name}: confirm possible personal data`);
    await confirm.check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
  }
  await expect.poll(() => h1(page)).toBe(`Your return for 2026-27 Q3`);
  await page.getByText(`${name} saved`).waitFor();
}

const EDUCATION = 'Medway schools and education';
const SECTIONS = {
  familyHelp: 'Family Help and Early Intervention',
  kinship: 'Strengthening Kinship Care',
  safeguarding: 'Improving Safeguarding and Multi-Agency Collaboration',
  careLeavers: 'Supporting Care Leavers',
};
const COMMENT = 'Please take the email address out of the kinship section and use the team name instead.';

describe('quarterly returns: the whole round', () => {
  it('when a partner completes every section and submits, the task list, form, check page and confirmation work with no violations', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'education@mscp.example');
    await openFromMenu(page, 'Our return');
    await expect.poll(() => h1(page)).toBe('Your return for 2026-27 Q3');
    await settled(page);
    await expect.poll(() => page.locator('.govuk-task-list__item').count()).toBe(4);
    // Not started yet, but last quarter's narratives carry forward and ask to be checked.
    await expect.poll(() => page.getByText('Carried forward from last quarter: check and update').count()).toBeGreaterThan(0);
    await expect.poll(() => page.title()).toBe('Your return for 2026-27 Q3 - Partnership Reform Portal');
    await expectNoAxeViolations(page, 'partner task list');

    await completeSection(
      page,
      SECTIONS.familyHelp,
      'Schools have joined the Family Help locality panels and designated safeguarding leads attended the launch briefings.',
      async (p) => {
        // Risks carry forward from last quarter; add one more.
        const before = await p.locator('.app-rating-line').count();
        await p.getByRole('button', { name: /^Add (a|another) risk$/ }).click();
        await expect.poll(() => p.evaluate(() => document.activeElement?.id)).toBe(`risks-${before}-title`);
        // Saving a risk with nothing in it names each missing answer, links to it and marks it.
        await p.getByRole('button', { name: 'Save and continue' }).click();
        const summary = p.locator('.govuk-error-summary');
        await summary.getByRole('link', { name: 'Enter a title for the risk' }).click();
        await expect.poll(() => p.evaluate(() => document.activeElement?.id)).toBe(`risks-${before}-title`);
        await expect.poll(() => p.locator(`#risks-${before}-likelihood-error`).innerText()).toContain('Choose a likelihood');
        await expect.poll(() => p.title()).toMatch(/^Error: /);
        await p.getByLabel('Title').last().fill('School staff capacity for Family Help panels');
        await p.getByLabel('Likelihood').last().selectOption('B');
        await p.getByLabel('Impact', { exact: true }).last().selectOption('II');
        await expect.poll(() => p.locator('.app-rating-line').last().innerText()).toContain('BII – likely, major');
        await p.getByLabel('Mitigation (optional)').last().fill('Rota of designated safeguarding leads agreed with headteachers.');
        // Delivery confidence shows each level's meaning beside it.
        await p.getByText('Successful delivery on time and as planned is highly likely.').waitFor();
      },
      'section form with a risk',
    );

    await completeSection(
      page,
      SECTIONS.kinship,
      'Queries about kinship support for pupils go to virtual.school@medway.example please.',
      async (p) => {
        // The personal-data check runs as you type, next to the field.
        await p.locator('#narrative-warning').getByText('This looks like an email address').waitFor();
        // Education reports the PEP return rate here (an outcome indicator of the demo).
        await p.getByLabel('Value for 2026-27 Q3').fill('94');
        await p.getByRole('button', { name: 'Add an escalation' }).click();
        await p
          .getByRole('group', { name: 'Escalation 1' })
          .getByLabel('What needs deciding or unblocking')
          .fill('Agree how kinship children are flagged to schools at admission.');
      },
      undefined,
      { confirmPersonalData: true },
    );

    await completeSection(page, SECTIONS.safeguarding, 'Schools have nominated two representatives for the MACPT design group.', async (p) => {
      await p.getByRole('button', { name: 'Add a measure' }).click();
      await p.getByLabel('What is measured').fill('Designated safeguarding leads trained');
      await p.getByLabel('Number').fill('84');
    });

    await completeSection(page, SECTIONS.careLeavers, 'Post-16 providers now share attendance concerns for care leavers with the leaving care team.');

    await expect.poll(() => taskStatuses(page)).toEqual(['Completed', 'Completed', 'Completed', 'Completed']);
    await page.getByText('Some answers may contain personal details').waitFor();

    await page.getByRole('link', { name: 'Check your answers and submit' }).click();
    await expect.poll(() => h1(page)).toBe('Check your answers before you submit your return');
    await settled(page);
    await expect.poll(() => page.locator('.app-summary-card').count()).toBe(4);
    await page.getByText('BII').first().waitFor();
    await expectNoAxeViolations(page, 'check your answers');

    // Submitting without confirming the possible personal details is stopped, with a link to the box.
    await page.getByRole('button', { name: 'Submit return' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    await summary.getByRole('link').first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('acknowledge');
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await page.getByLabel('I have checked: these are not personal details').check();
    await page.getByRole('button', { name: 'Submit return' }).click();
    await page.waitForURL(b.url(`/our-return/${Q3}/submitted`));
    await expect.poll(() => h1(page)).toBe('Return submitted');
    await expectNoAxeViolations(page, 'confirmation');

    await page.getByRole('link', { name: 'View your submitted return' }).click();
    await expect.poll(() => h1(page)).toBe('Your return for 2026-27 Q3');
    await settled(page);
    expect(await page.getByRole('link', { name: /^Change/ }).count()).toBe(0);
    await b.closeTab(tab);
  }, 120_000);

  it('when the lead returns it with a comment, the list, return view, review and history work with no violations', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await openFromMenu(page, 'Returns');
    await expect.poll(() => h1(page)).toBe('Quarterly returns for 2026-27 Q3');
    await settled(page);
    const row = page.locator('tr', { hasText: EDUCATION });
    await expect.poll(() => row.locator('.govuk-tag').first().innerText()).toBe('Submitted');
    await expect.poll(() => page.locator('tr', { hasText: 'Kent Police' }).locator('.govuk-tag').first().innerText()).toBe('Returned');
    await expectNoAxeViolations(page, 'lead list');

    await row.getByRole('link').click();
    await expect.poll(() => h1(page)).toBe(`${EDUCATION}: return for 2026-27 Q3`);
    await settled(page);
    for (const id of ['family-help', 'kinship', 'safeguarding', 'care-leavers']) await expect.poll(() => page.locator(`#section-${id}`).count()).toBe(1);
    await page.getByText('Key: delivery confidence').first().waitFor();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await page.getByText('Submitted the return').waitFor();
    await expectNoAxeViolations(page, 'lead return view');

    // A return needs a comment.
    await page.getByRole('button', { name: 'Return with comments' }).click();
    await page.locator('.govuk-error-summary').getByText('Enter a comment telling the agency what to change').waitFor();
    await page.getByLabel(`Comments for ${EDUCATION}`).fill(COMMENT);
    await page.getByRole('button', { name: 'Return with comments' }).click();
    await page.getByText(`You sent the return back to ${EDUCATION}`).waitFor();
    await expect.poll(() => page.locator('.app-return-facts .govuk-tag').first().innerText()).toBe('Returned');
    await page.locator('table', { hasText: 'Returned the return to the agency with comments' }).waitFor();
    expect(await page.getByRole('button', { name: 'Accept return' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'lead after returning');
    await b.closeTab(tab);
  }, 90_000);

  it('when the partner sees the comment, fixes the section and resubmits, it goes straight through', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'education@mscp.example');
    await openFromMenu(page, 'Our return');
    await expect.poll(() => h1(page)).toBe('Your return for 2026-27 Q3');
    await settled(page);
    const banner = page.getByRole('region', { name: 'Returned with comments' });
    await expect.poll(() => banner.innerText()).toContain(COMMENT);
    await expectNoAxeViolations(page, 'partner returned task list');

    await completeSection(page, SECTIONS.kinship, 'Queries about kinship support for pupils go to the virtual school team.');
    expect(await page.getByText('Some answers may contain personal details').count()).toBe(0);
    await page.getByRole('link', { name: 'Check your answers and submit' }).click();
    await expect.poll(() => h1(page)).toBe('Check your answers before you submit your return');
    await settled(page);
    expect(await page.getByLabel('I have checked: these are not personal details').count()).toBe(0);
    await page.getByRole('button', { name: 'Submit return' }).click();
    await page.waitForURL(b.url(`/our-return/${Q3}/submitted`));
    await b.closeTab(tab);
  }, 90_000);

  it('when the lead accepts the resubmitted return, it is locked and the history shows every step', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await page.goto(b.url(`/returns/${Q3}/medway-education`));
    await expect.poll(() => h1(page)).toBe(`${EDUCATION}: return for 2026-27 Q3`);
    await settled(page);
    await page.locator('.app-ret-comment').getByText(COMMENT).waitFor();
    await page.getByRole('button', { name: 'Accept return' }).click();
    await page.getByText(`You accepted the return from ${EDUCATION}`).waitFor();
    await expect.poll(() => page.locator('.app-return-facts .govuk-tag').first().innerText()).toBe('Accepted');
    expect(await page.getByRole('button', { name: 'Return with comments' }).count()).toBe(0);
    await page.getByText('Accepted the return', { exact: true }).waitFor();
    for (const what of ['Started the return', 'Submitted the return', 'Resubmitted the return'])
      await expect.poll(() => page.getByText(what, { exact: true }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'lead after accepting');
    await b.closeTab(tab);
  }, 60_000);

  it('when an executive opens a return, they read it without review controls or history, and sections have anchors', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'exec@mscp.example');
    await page.goto(b.url(`/returns/${Q3}/medway-council`));
    await expect.poll(() => h1(page)).toBe('Medway Council: return for 2026-27 Q3');
    await settled(page);
    await expect.poll(() => page.locator('#section-placement-sufficiency').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Accept return' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'History' }).count()).toBe(0);
    await expect.poll(() => page.locator('.app-rag-key').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'executive return view');
    await b.closeTab(tab);
  }, 60_000);
});

describe('quarterly returns: a section saved incomplete', () => {
  it('when a Red section is saved without a risk, the task list says what is still needed instead of "Success"', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'police@mscp.example');
    await page.goto(b.url(`/our-return/${Q3}/section/safeguarding`));
    await expect.poll(() => h1(page)).toBe(SECTIONS.safeguarding);
    await settled(page);
    await page.getByRole('radio', { name: 'Red', exact: true }).check();
    const remove = page.getByRole('button', { name: /^Remove risk/ });
    while ((await remove.count()) > 0) await remove.first().click();
    const removeEscalation = page.getByRole('button', { name: /^Remove escalation/ });
    while ((await removeEscalation.count()) > 0) await removeEscalation.first().click();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    const banner = page.getByRole('region', { name: 'Important' });
    await expect.poll(() => banner.innerText()).toContain(`${SECTIONS.safeguarding} saved, but it is not complete yet`);
    await expect.poll(() => banner.innerText()).toContain('Add at least one risk or escalation');
    const task = page.locator('.govuk-task-list__item', { hasText: SECTIONS.safeguarding });
    await expect.poll(() => task.innerText()).toMatch(/Still needed: add at least one risk or escalation/);
    await expect.poll(() => task.innerText()).toContain('In progress');
    await expectNoAxeViolations(page, 'task list after an incomplete save');
    await b.closeTab(tab);
  });
});

describe('quarterly returns: two people editing at once', () => {
  it('when someone else saved first, it says so, keeps the typed text, and reloads their version beside it', async () => {
    const mine = await b.newTab();
    const theirs = await b.newTab();
    const path = b.url(`/our-return/${Q3}/section/kinship`);
    await b.signIn(mine.page, 'health@mscp.example');
    await b.signIn(theirs.page, 'health@mscp.example');
    await mine.page.goto(path);
    await theirs.page.goto(path);
    for (const t of [mine, theirs]) {
      await expect.poll(() => h1(t.page)).toBe(SECTIONS.kinship);
      await settled(t.page);
    }

    await theirs.page.getByLabel('Progress this quarter').fill('Their update: the kinship health offer is agreed with the ICB.');
    await theirs.page.getByRole('button', { name: 'Save and continue' }).click();
    await theirs.page.getByText(`${SECTIONS.kinship} saved`).waitFor();

    const typed = 'My update: health visitors now ask about kinship arrangements at every new birth visit.';
    await mine.page.getByLabel('Progress this quarter').fill(typed);
    await mine.page.getByRole('button', { name: 'Save and continue' }).click();
    await mine.page.getByText('Someone else saved this return first').waitFor();
    await expect.poll(() => mine.page.getByLabel('Progress this quarter').inputValue()).toBe(typed);
    await expectNoAxeViolations(mine.page, 'section conflict');

    await mine.page.getByRole('button', { name: 'Reload their version' }).click();
    await mine.page.getByText('Their version is now in the form').waitFor();
    await expect.poll(() => mine.page.getByLabel('Progress this quarter').inputValue()).toContain('Their update');
    await expect.poll(() => mine.page.getByTestId('your-narrative').innerText()).toBe(typed);

    // Saving again now works: the form holds the latest version's ETag.
    await mine.page.getByLabel('Progress this quarter').fill(`Their update and mine. ${typed}`);
    await mine.page.getByRole('button', { name: 'Save and continue' }).click();
    await mine.page.getByText(`${SECTIONS.kinship} saved`).waitFor();
    await b.closeTab(mine);
    await b.closeTab(theirs);
  }, 90_000);

  it('when the window is 320 pixels wide, the task list, section form and lead pages do not scroll sideways', async () => {
    const tab = await b.newTab({ width: 320, height: 640 });
    const { page } = tab;
    await b.signIn(page, 'health@mscp.example');
    await page.goto(b.url('/our-return'));
    await expect.poll(() => h1(page)).toBe('Your return for 2026-27 Q3');
    await settled(page);
    await noSidewaysScroll(page);
    if (SCREENSHOTS) await screenshot(page, 'returns-320-task-list');
    await page.goto(b.url(`/our-return/${Q3}/section/safeguarding`));
    await expect.poll(() => h1(page)).toBe(SECTIONS.safeguarding);
    await settled(page);
    await noSidewaysScroll(page);
    if (SCREENSHOTS) await screenshot(page, 'returns-320-section');
    // Every id on the form is unique (the first rating's hint once took the fieldset hint's id, "confidence-hint").
    const duplicateIds = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    });
    expect(duplicateIds).toEqual([]);
    expect(await page.locator('#confidence-hint').innerText()).toMatch(/^How confident are you/);
    await b.signOut(page);
    await b.signIn(page, 'lead@mscp.example');
    await page.goto(b.url(`/returns/${Q3}/medway-council`));
    await expect.poll(() => h1(page)).toBe('Medway Council: return for 2026-27 Q3');
    await settled(page);
    await noSidewaysScroll(page);
    await expectNoAxeViolations(page, 'lead return view at 320px');
    if (SCREENSHOTS) await screenshot(page, 'returns-320-lead-view');
    // The lead's list of returns with its period selector: the selector (whose options are long) fits too.
    await page.goto(b.url('/returns'));
    await expect.poll(() => h1(page)).toBe('Quarterly returns for 2026-27 Q3');
    await settled(page);
    await noSidewaysScroll(page);
    const selector = await page.getByLabel('Reporting period').boundingBox();
    expect(selector!.x + selector!.width).toBeLessThanOrEqual(320);
    expect(await page.getByRole('button', { name: 'Show returns' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'lead returns list at 320px');
    if (SCREENSHOTS) await screenshot(page, 'returns-320-lead-list');
    await b.closeTab(tab);
  }, 60_000);
});
