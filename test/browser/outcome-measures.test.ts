import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { periodLabel } from '../../shared/periods/period.js';
import { expectNoAxeViolations, h1, settled, useBrowserPortal } from './harness.js';

/*
 * Issue 15, done when: the lead adds an indicator with a target; the council enters its value in its
 * return, and a value far outside the recent range asks for confirmation before it is saved; once
 * the return is certified and accepted, the executive sees the trend and the rating against target
 * on the tracker and in the export. axe-core runs on every page and state.
 */

const b = useBrowserPortal();
const Q3 = '2026-27-Q3';
const NAME = 'Children in care placed within 20 miles of home';
const RETURN = `/api/p/mscp/returns/${Q3}/medway-council`;

/** The API as a demo user, with a write on the council's return at the ETag it has now. */
async function as(email: string) {
  const call = await b.apiAs(email);
  const onReturn = async (action: string, body?: unknown) => {
    const etag = (await call('GET', RETURN)).headers.get('etag') ?? '';
    const res = await call('POST', `${RETURN}/${action}`, body, { 'If-Match': etag });
    expect(res.status, `${action}: ${await res.clone().text()}`).toBe(200);
  };
  return { onReturn };
}

describe('outcome measures from definition to the board', () => {
  it('when the lead adds an indicator with a target, it is listed for the workstream', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await page.goto(b.url('/measures/placement-sufficiency'));
    await expect.poll(() => h1(page)).toBe('Increasing Placement Sufficiency');
    await page.getByRole('button', { name: 'Add an indicator' }).click();
    await page.getByLabel('Name', { exact: true }).fill(NAME);
    await page.getByRole('radio', { name: 'Percentage' }).check();
    await page.getByRole('radio', { name: 'Higher is better' }).check();
    await page.getByLabel('Target (optional)').fill('75');
    await page.getByLabel('Tolerance (optional)').fill('5');
    await page.getByLabel('Which agency reports it?').selectOption('medway-council');
    await expectNoAxeViolations(page, 'indicator form, filled in');
    await page.getByRole('button', { name: 'Add indicator' }).click();
    await page.waitForURL(b.url('/measures/placement-sufficiency'));
    await page.getByText(`"${NAME}" has been added`).waitFor();
    await expectNoAxeViolations(page, 'workstream measures with the new indicator');
    await b.closeTab(tab);
  });

  it('when the council enters its values, a value far from the recent ones is queried, and saves once confirmed', async () => {
    // The council's Q3 return was submitted in the demo: the lead sends it back so the council can add the new value.
    await (await as('lead@mscp.example')).onReturn('return', { comment: 'Please add the new placement distance indicator.' });

    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'council.officer@mscp.example');
    await page.goto(b.url(`/our-return/${Q3}/section/placement-sufficiency`));
    await expect.poll(() => h1(page)).toBe('Increasing Placement Sufficiency');
    const added = page.getByRole('group', { name: NAME });
    await added.waitFor();
    await expect.poll(() => added.innerText()).toContain('75% or more');
    await added.getByLabel(`Value for ${periodLabel(Q3)}`).fill('78');
    // Children in care was 544 last quarter: 770 is far outside the recent range.
    const inCare = page.getByRole('group', { name: 'Children in care', exact: true });
    await inCare.getByLabel(`Value for ${periodLabel(Q3)}`).fill('770');
    await expectNoAxeViolations(page, 'section with indicator values');
    await page.getByRole('button', { name: 'Save and continue' }).click();

    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    await expect.poll(() => summary.innerText()).toContain('Check these values');
    await expect.poll(() => summary.innerText()).toMatch(/Children in care: This is \d+% higher than the last value reported \(770 against 544 in 2026-27 Q2\)/);
    await expectNoAxeViolations(page, 'section with a queried value');
    await inCare.getByLabel('I have checked this value and it is correct').check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL(b.url(`/our-return/${Q3}`));
    // The task list itself, not the moment between pages (an address can change before its page shows).
    await expect.poll(() => h1(page)).toBe(`Your return for ${periodLabel(Q3)}`);
    await settled(page);
    await expectNoAxeViolations(page, 'task list after the values are saved');
    await b.closeTab(tab);

    // Certified by the council's signatory (the preparer cannot), then accepted by the lead.
    await (await as('council.officer@mscp.example')).onReturn('submit', { acknowledgeWarnings: true });
    await (await as('council@mscp.example')).onReturn('certify');
    await (await as('lead@mscp.example')).onReturn('accept');
  });

  it('when the executive opens the tracker, the indicator shows its value, trend and rating, and the export has them', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'exec@mscp.example');
    await page.locator('[data-testid="tracker-period"]').waitFor();
    const section = page.getByRole('region', { name: 'Outcome measures', exact: true });
    const row = section.locator('tr', { hasText: NAME });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain('78%');
    await expect.poll(() => row.innerText()).toContain('On target');
    // Children in care: the confirmed 770 is well above the target of 520 or fewer.
    await expect.poll(() => section.locator('tr', { hasText: 'Children in care' }).first().innerText()).toContain('Off target');
    const chart = row.locator('svg[role="img"]');
    // Named by its title alone; every value is in its description.
    const [title, described] = await chart.evaluate((svg) =>
      ['aria-labelledby', 'aria-describedby'].map((name) =>
        (svg.getAttribute(name) ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      ),
    );
    expect(title).toBe(`${NAME}: trend`);
    expect(described).toContain('2026-27 Q3: 78%');
    await settled(page);
    await expectNoAxeViolations(page, 'tracker with the accepted value');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download outcome measures (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`mscp-measures-${Q3}.csv`);
    const csv = await readFile((await download.path())!, 'utf8');
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toContain('Against target');
    const line = rows.find((r) => r.includes(NAME) && r.includes('2026-27 Q3'));
    expect(line).toBeDefined();
    const cells = line!.split(',');
    expect(cells).toContain('78');
    expect(cells).toContain('2026-12-31');
    expect(cells).toContain('Final');
    expect(cells).toContain('On target');
    await expectNoAxeViolations(page, 'tracker after the download');
    await b.closeTab(tab);
  });
});
