import { describe, expect, it } from 'vitest';
import { Q3_DUE_SOON_DAY, Q3_NOT_IN } from '../support/demo-facts.js';
import { expectNoAxeViolations, h1, settled, useBrowserPortal } from './harness.js';

/*
 * The lead's chase buttons (issue 12): chasing the NHS sign-off of the current threshold version
 * emails its signatory (read back from the local SES emulator) and says so in the table; a second
 * chase the same day is refused with the reason. The same on the returns list.
 */

const b = useBrowserPortal({ mail: true });

async function mailTo(to: string, subject: string) {
  await expect.poll(async () => (await b.portal().mailbox()).filter((m) => m.destination.to.includes(to)).map((m) => m.subject)).toContain(subject);
}

describe('chasing', () => {
  it('when the lead chases the NHS sign-off, the email arrives and the table says who was reminded; a second chase today is refused', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await page.goto(b.url('/threshold'));
    await settled(page);
    const row = page.locator('tr[data-agency="nhs-kent-medway"]');
    await row.waitFor();
    await expect.poll(() => row.innerText()).toMatch(/Not chased/);
    await expectNoAxeViolations(page, 'threshold with chase buttons');
    // Agencies that have decided have nothing to chase.
    expect(await page.locator('tr[data-agency="kent-police"]').getByRole('button', { name: /Chase/ }).count()).toBe(0);

    await row.getByRole('button', { name: 'Chase NHS Kent and Medway’s sign-off' }).click();
    await expect.poll(() => row.getByRole('status').innerText()).toBe('Reminder sent to Avery Khan.');
    await mailTo('health@mscp.example', 'Sign-off needed: MSCP Multi-Agency Threshold Document v3.0');
    await expect.poll(() => row.innerText()).toMatch(/Chased .* by Jordan Ellis \(emailed Avery Khan\)/);
    await expectNoAxeViolations(page, 'threshold after a chase');

    await row.getByRole('button', { name: 'Chase NHS Kent and Medway’s sign-off' }).click();
    await expect.poll(() => row.getByRole('status').innerText()).toMatch(/already been chased today/);
    await b.closeTab(tab);
  });

  it('when the lead chases the NHS draft return from the returns list, its people are emailed', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await page.goto(b.url('/returns/2026-27-Q3'));
    await settled(page);
    const row = page.locator('tr', { hasText: 'NHS Kent and Medway' });
    await row.getByRole('button', { name: 'Chase NHS Kent and Medway’s return' }).click();
    await expect.poll(() => row.getByRole('status').innerText()).toBe('Reminder sent to Avery Khan and Jesse Morgan.');
    await mailTo('health@mscp.example', 'Jordan Ellis is asking for NHS Kent and Medway’s return for October to December 2026');
    await mailTo('health.officer@mscp.example', 'Jordan Ellis is asking for NHS Kent and Medway’s return for October to December 2026');
    // A submitted return has nothing to chase.
    expect(await page.locator('tr', { hasText: 'Medway Council' }).getByRole('button', { name: /Chase/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'returns list after a chase');
    await b.closeTab(tab);
  });
});

describe('the daily reminder run', () => {
  const returnMail = async (since: number) => (await b.portal().mailbox()).slice(since).filter((m) => /’s return for/.test(m.subject));

  it('when it runs five working days before the due date, exactly the partners whose return is not in are emailed, the link opens their return, and a second run mails nobody', async () => {
    const before = (await b.portal().mailbox()).length;
    const first = await b.portal().reminders(Q3_DUE_SOON_DAY);
    expect(
      first
        .filter((o) => o.kind === 'return-due-soon' && o.result === 'sent')
        .map((o) => o.to)
        .sort(),
    ).toEqual(Q3_NOT_IN);
    const mail = await returnMail(before);
    expect(mail.map((m) => m.destination.to[0]).sort()).toEqual(Q3_NOT_IN);
    const drew = mail.find((m) => m.destination.to[0] === 'police.officer@mscp.example')!;
    expect(drew.subject).toBe('Kent Police’s return for October to December 2026 is due on Sunday 31 January 2027');
    const link = /(http:\/\/\S+\/our-return\/2026-27-Q3)\b/.exec(drew.body.text ?? '')?.[1];
    // Links in email name the partnership; the page drops it from the address once open.
    expect(link).toBe(b.url('/our-return/2026-27-Q3'));

    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'police.officer@mscp.example');
    await page.goto(link!);
    await expect.poll(() => h1(page)).toBe('Your return for 2026-27 Q3');
    await expectNoAxeViolations(page, 'the return a reminder links to');
    await b.signOut(page);

    // The lead's returns list says when the job reminded each agency's people, beside the chases.
    await b.signIn(page, 'lead@mscp.example');
    await page.goto(b.url('/returns/2026-27-Q3'));
    await settled(page);
    await expect.poll(() => page.locator('tr', { hasText: 'Kent Police' }).innerText()).toMatch(/Reminded automatically .+ \(emailed Drew Walker and Riley Shaw\)/);
    await expectNoAxeViolations(page, 'returns list with automatic reminders');
    await b.closeTab(tab);

    const again = (await b.portal().mailbox()).length;
    const second = await b.portal().reminders(Q3_DUE_SOON_DAY);
    expect(second.filter((o) => o.result === 'sent')).toEqual([]);
    expect((await b.portal().mailbox()).length).toBe(again);
  });
});

describe('needs your attention', () => {
  it('when the lead and a police officer sign in, each home page starts with what needs them, linking to where it is dealt with', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    const list = page.getByTestId('attention');
    await list.waitFor();
    await expect.poll(() => list.locator('li').first().innerText()).toMatch(/Overdue\s*NHS Kent and Medway has not signed off threshold document v3\.0, issued \d+ days ago\./);
    await expect.poll(() => list.innerText()).toMatch(/1 return waiting for your review: Medway Council\./);
    await expectNoAxeViolations(page, 'lead home with what needs attention');
    await list.getByRole('link', { name: /waiting for your review/ }).click();
    await page.waitForURL(b.url('/returns/2026-27-Q3'));
    await b.signOut(page);

    await b.signIn(page, 'police@mscp.example');
    await page.getByTestId('attention').waitFor();
    await expect.poll(() => page.getByTestId('attention').locator('li').first().innerText()).toMatch(/Your return for October to December 2026 was returned with comments/);
    await expectNoAxeViolations(page, 'partner home with what needs attention');
    await b.closeTab(tab);
  });
});

describe('email settings', () => {
  it('when a partner chooses a weekly summary for returned returns, it is saved; a broken unsubscribe link says what to do', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'council.officer@mscp.example');
    await page.getByRole('link', { name: 'Email settings' }).click();
    await page.waitForURL(b.url('/settings/notifications'));
    const group = page.getByRole('group', { name: 'Your agency’s return is returned with comments' });
    await group.waitFor();
    await expectNoAxeViolations(page, 'email settings');
    await group.getByLabel('In a weekly summary (Mondays)').check();
    await page.getByRole('button', { name: 'Save email settings' }).click();
    await page.getByText('Your email settings have been saved.').waitFor();
    await page.reload();
    await expect.poll(() => page.getByRole('group', { name: 'Your agency’s return is returned with comments' }).getByLabel('In a weekly summary (Mondays)').isChecked()).toBe(true);

    await page.goto(b.url('/unsubscribe#token=not-a-real-token-at-all.period-opened.x'));
    await expect.poll(() => page.locator('h1').innerText()).toBe('This link does not work');
    await expectNoAxeViolations(page, 'unsubscribe link that does not work');
    await b.closeTab(tab);
  });
});
