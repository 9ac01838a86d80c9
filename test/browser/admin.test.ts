import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, fillDate, settled, useBrowserPortal } from './harness.js';

/*
 * The lead's admin pages: readiness criteria (add, then edit) and which agencies sign new
 * threshold document versions; partners see neither form.
 */

const b = useBrowserPortal();

describe('readiness criteria (lead)', () => {
  it('when the lead adds a criterion to safeguarding, it shows in the matrix, and editing its title changes it there', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await page.goto(b.url('/readiness/safeguarding'));
    await settled(page);
    await page.getByRole('button', { name: 'Add a criterion' }).click();
    await page.waitForURL(b.url('/readiness/safeguarding/criteria/new'));
    await settled(page);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Add a criterion');
    await expectNoAxeViolations(page, 'add a criterion');

    // Nothing entered: the summary names the title and the agencies, and each field says why.
    await page.getByRole('button', { name: 'Add criterion' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    await expect.poll(() => summary.innerText()).toMatch(/Enter a title/);
    await expect.poll(() => summary.innerText()).toMatch(/Choose at least one agency/);
    await expect.poll(() => page.locator('#title-error').innerText()).toMatch(/Enter a title/);
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await expectNoAxeViolations(page, 'add a criterion with errors');

    await page.getByLabel('Title').fill('Out-of-hours escalation route agreed');
    await page.getByLabel('Description (optional)').fill('Agencies agree how the MACPT is reached outside office hours.');
    await page.getByLabel('Kent Police').check();
    await page.getByLabel('Medway schools and education').check();
    await page.getByLabel('Evidence expected (optional)').fill('The agreed escalation route and who is on call.');
    await fillDate(page, 'Target date (optional)', '2027-03-31');
    await page.getByRole('button', { name: 'Add criterion' }).click();
    await page.waitForURL(b.url('/readiness/safeguarding'));
    await settled(page);
    await page.getByText('"Out-of-hours escalation route agreed" has been added.', { exact: false }).waitFor();
    const row = page.locator('tr', { hasText: 'Out-of-hours escalation route agreed' });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.locator('td', { hasText: 'Does not apply' }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'matrix after adding a criterion');

    await row.getByRole('link', { name: /Edit criterion/ }).click();
    await page.waitForURL(/\/readiness\/safeguarding\/criteria\/[a-z0-9-]+\/edit$/);
    await settled(page);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Edit criterion');
    // The form fills from the loaded criterion: wait for it rather than reading the box at once.
    await expect.poll(() => page.getByLabel('Kent Police').isChecked()).toBe(true);
    await page.getByLabel('Title').fill('Out-of-hours escalation route agreed and tested');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(b.url('/readiness/safeguarding'));
    await page.getByText('has been updated', { exact: false }).waitFor();
    await expect.poll(() => page.locator('tr', { hasText: 'Out-of-hours escalation route agreed and tested' }).count()).toBe(1);
    await b.closeTab(tab);
  });
});

describe('who signs the threshold document (lead)', () => {
  it('when the lead adds Medway schools and education, the threshold page lists it among who signs new versions', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await page.goto(b.url('/threshold'));
    await settled(page);
    const list = page.getByTestId('who-signs');
    await list.waitFor();
    expect(await list.innerText()).not.toMatch(/Medway schools and education/);
    await page.getByRole('link', { name: 'Change who signs new versions' }).click();
    await page.waitForURL(b.url('/threshold/signatories'));
    await settled(page);
    await page.getByText('applies to versions issued from now on', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'who signs new versions');

    await page.getByLabel('Medway schools and education').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(b.url('/threshold'));
    await page.locator('.govuk-notification-banner--success', { hasText: 'Who signs new versions has been saved' }).waitFor();
    await settled(page);
    await page.getByTestId('who-signs').getByText('Medway schools and education').waitFor();
    await expectNoAxeViolations(page, 'threshold page after changing who signs');
    await b.closeTab(tab);
  });

  it('when someone else changed who signs after the lead opened the form, saving says so and asks them to reload', async () => {
    const first = await b.newTab();
    const second = await b.newTab();
    await b.signIn(first.page, 'lead@mscp.example');
    await b.signIn(second.page, 'lead@mscp.example');
    for (const t of [first, second]) {
      await t.page.goto(b.url('/threshold/signatories'));
      await t.page.getByLabel('Kent Police').waitFor();
    }
    await first.page.getByLabel('Medway schools and education').uncheck();
    await first.page.getByRole('button', { name: 'Save' }).click();
    await first.page.waitForURL(b.url('/threshold'));

    await second.page.getByLabel('Kent Police').uncheck();
    await second.page.getByRole('button', { name: 'Save' }).click();
    await second.page.locator('.govuk-error-summary', { hasText: 'Someone else changed who signs' }).waitFor();
    await expect.poll(() => second.page.locator('.govuk-error-summary').innerText()).toMatch(/Reload the page/);
    await expectNoAxeViolations(second.page, 'who signs after a conflicting change');
    await b.closeTab(first);
    await b.closeTab(second);
  });
});

describe('partners', () => {
  it('when a partner opens the criterion or signatory forms, the page says only the programme lead can use them', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'police@mscp.example');
    await page.goto(b.url('/readiness/safeguarding'));
    await settled(page);
    expect(await page.getByRole('button', { name: 'Add a criterion' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /Edit criterion/ }).count()).toBe(0);

    await page.goto(b.url('/readiness/safeguarding/criteria/new'));
    await page.getByRole('heading', { name: 'You cannot change readiness criteria' }).waitFor();
    await page.getByText('Only the programme lead', { exact: false }).waitFor();
    expect(await page.locator('form').count()).toBe(0);

    await page.goto(b.url('/threshold/signatories'));
    await page.getByRole('heading', { name: 'You cannot change who signs the threshold document' }).waitFor();
    await page.getByText('Only the programme lead', { exact: false }).waitFor();
    expect(await page.locator('form').count()).toBe(0);
    await page.goto(b.url('/threshold'));
    await settled(page);
    expect(await page.getByRole('heading', { name: 'Who signs new versions' }).count()).toBe(0);
    await b.closeTab(tab);
  });
});
