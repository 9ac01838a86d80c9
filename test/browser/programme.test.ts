import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, fillDate, settled, useBrowserPortal } from './harness.js';

const b = useBrowserPortal();

describe('programme set-up (lead)', () => {
  it('when the lead opens the next period, adds a milestone, changes its status and closes it, each step shows and is accessible', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Programme set-up' }).click();
    await page.waitForURL(b.url('/programme'));
    await settled(page);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Programme set-up');
    await expectNoAxeViolations(page, 'programme set-up');

    // Opening without a due date names the field.
    await page.getByRole('button', { name: 'Open the period' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await expect.poll(() => page.locator('.govuk-error-summary').innerText()).toMatch(/date/i);
    await expectNoAxeViolations(page, 'open period error');
    await fillDate(page, 'Returns due by', '2027-04-30');
    await page.getByRole('button', { name: 'Open the period' }).click();
    await page.getByText(/2026-27 Q4 is open/).waitFor();

    await page.getByText('Add a milestone to Strengthening Kinship Care').click();
    const form = page.locator('details', { hasText: 'Add a milestone to Strengthening Kinship Care' });
    await form.getByLabel('Title').fill('Kinship carers forum launched');
    await fillDate(form, 'Due date', '2027-03-31');
    await form.getByRole('button', { name: 'Add milestone' }).click();
    await page.getByText('Milestone added to Strengthening Kinship Care.').waitFor();
    const row = page.locator('tr', { hasText: 'Kinship carers forum launched' });
    await row.getByLabel('Status of Kinship carers forum launched').selectOption('on-track');
    await page.getByText(/changed to on track/).waitFor();
    await row.getByRole('button', { name: /Close/ }).click();
    await page.getByText(/closed\. It stays in the history/).waitFor();
    // The list reloads after the change: wait for the closed row rather than reading it at once.
    await page.locator('tr', { hasText: 'Kinship carers forum launched' }).getByText('Closed', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'programme set-up after changes');
    await b.closeTab(tab);
  });

  it('when a partner tries to open programme set-up, the page says they cannot', async () => {
    const tab = await b.newTab();
    await b.signIn(tab.page, 'police@mscp.example');
    await tab.page.goto(b.url('/programme'));
    await tab.page.getByRole('heading', { name: 'You cannot view this page' }).waitFor();
    await b.closeTab(tab);
  });
});
