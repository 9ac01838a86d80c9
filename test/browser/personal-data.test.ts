import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, h1, settled, useBrowserPortal } from './harness.js';

const b = useBrowserPortal();

describe('personal data in free text (lead)', () => {
  it('when a milestone holds an NHS number it is refused and the text is kept; a phone number is saved once confirmed; the lead can then erase it', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await page.goto(b.url('/programme'));
    await settled(page);

    await page.getByText('Add a milestone to Strengthening Kinship Care').click();
    const form = page.locator('details', { hasText: 'Add a milestone to Strengthening Kinship Care' });
    await form.getByLabel('Title').fill('Carers forum launched');
    await form.getByLabel('Description (optional)').fill('Agreed with the child whose NHS number is 943 476 5919.');
    const due = form.getByRole('group', { name: 'Due date' });
    await due.getByLabel('Day').fill('31');
    await due.getByLabel('Month').fill('3');
    await due.getByLabel('Year').fill('2027');
    await form.getByRole('button', { name: 'Add milestone' }).click();
    await form.locator('.govuk-error-summary').waitFor();
    await expect.poll(() => form.locator('.govuk-error-summary').innerText()).toMatch(/looks like an NHS number/);
    // Nothing to confirm for a definite identifier, and what the person typed is still there.
    expect(await form.getByLabel('I have checked: this is not personal data about a child or family member').count()).toBe(0);
    expect(await form.getByLabel('Description (optional)').inputValue()).toContain('943 476 5919');
    await expectNoAxeViolations(page, 'milestone refused for an NHS number');

    await form.getByLabel('Description (optional)').fill('Agreed on a call with the carer on 07700 900123.');
    await form.getByRole('button', { name: 'Add milestone' }).click();
    await expect.poll(() => form.locator('.govuk-error-summary').innerText()).toMatch(/looks like a phone number/);
    const confirm = form.getByLabel('I have checked: this is not personal data about a child or family member');
    await confirm.waitFor();
    await expectNoAxeViolations(page, 'milestone asking to confirm a phone number');
    await confirm.check();
    await form.getByRole('button', { name: 'Add milestone' }).click();
    await page.getByText('Milestone added to Strengthening Kinship Care.').waitFor();

    // The lead erases the number after all.
    await page.getByRole('link', { name: 'Erase personal data saved by mistake' }).click();
    await page.waitForURL(b.url('/programme/erase'));
    // The address changes before the page's code has loaded: check the page once it shows.
    await expect.poll(() => h1(page)).toBe('Erase personal data');
    await expectNoAxeViolations(page, 'erase personal data');
    await page.getByLabel('Type of record').selectOption('milestone');
    await page.getByLabel('Record', { exact: true }).fill('kinship/carers-forum-launched');
    await page.getByLabel('Field', { exact: true }).fill('description');
    await page.getByLabel('Text to remove').fill('07700 900123');
    await page.getByLabel('Why it is being erased').fill('A carer’s own number.');
    await page.getByRole('button', { name: 'Erase the text' }).click();
    await page.getByText(/The text was removed from milestone kinship\/carers-forum-launched/).waitFor();
    await expectNoAxeViolations(page, 'erased');

    // Asking for text that is not there says how to fix it.
    await page.getByLabel('Text to remove').fill('07700 900123');
    await page.getByLabel('Why it is being erased').fill('Again.');
    await page.getByRole('button', { name: 'Erase the text' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').innerText()).toMatch(/exactly as it appears/);
    await expectNoAxeViolations(page, 'erase: text not found');
    await b.closeTab(tab);
  });
});
