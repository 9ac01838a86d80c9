import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, settled, useBrowserPortal } from './harness.js';

/*
 * Reopening an accepted return (issue 12): the lead accepts the council's return, then reopens it
 * saying what to correct; it shows as reopened in the list until accepted again.
 */

const b = useBrowserPortal();

describe('reopening an accepted return', () => {
  it('when the lead reopens the council’s accepted return with a reason, the agency is back on it and the list shows it reopened', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await page.goto(b.url('/returns/2026-27-Q3/medway-council'));
    await settled(page);
    await page.getByRole('button', { name: 'Accept return' }).click();
    await page.getByText('You accepted the return from Medway Council.', { exact: false }).waitFor();

    await page.getByText('Reopen this return for a correction').click();
    await page.getByRole('button', { name: 'Reopen return' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').innerText()).toMatch(/Enter what needs correcting/);
    await expectNoAxeViolations(page, 'reopen without a reason');
    await page.getByLabel('What needs correcting').fill('The kinship figures double count Q2.');
    await page.getByRole('button', { name: 'Reopen return' }).click();
    await page.getByText('You reopened the return from Medway Council.', { exact: false }).waitFor();
    await expect.poll(() => page.locator('main').innerText()).toMatch(/Reopened: The kinship figures double count Q2\./);
    await expectNoAxeViolations(page, 'reopened return');

    await page.goto(b.url('/returns/2026-27-Q3'));
    await settled(page);
    await expect.poll(() => page.locator('tr', { hasText: 'Medway Council' }).innerText()).toMatch(/Reopened/);
    await b.closeTab(tab);
  });
});
