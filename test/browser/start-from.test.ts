import { describe, expect, it } from 'vitest';
import { loadSeed } from '../../functions/seed/seed.js';
import { expectNoAxeViolations, h1, PASSWORD, settled, submitSignIn, useBrowserPortal } from './harness.js';

/*
 * Working across partnerships (issue 13, done when): Riley Shaw signs off for Kent Police in
 * Medway's partnership and in Kent's. He signs in once, sees nothing of Kent's on Medway's pages,
 * changes to Kent, starts Kent's multi-agency child protection section from his agency's Medway
 * answer on safeguarding (copy, then edit), and submits Kent's return. Medway's lead, in Medway
 * only, cannot open anything of Kent's.
 */

const b = useBrowserPortal({ alsoSeed: [loadSeed('kscmp')] });
const Q3 = '2026-27-Q3';
const KENT = 'Kent Safeguarding Children Multi-Agency Partnership';
const MEDWAY = 'Medway Safeguarding Children Partnership';
const KENT_SECTION = 'Multi-agency child protection';
const MEDWAY_SECTION = 'Improving Safeguarding and Multi-Agency Collaboration';
/** Words only Kent's data has: its name, its workstreams, its council. */
const KENT_WORDS = [KENT, KENT_SECTION, 'Family Help Kent', 'Kent County Council', 'Kinship Kent'];

/** Kent's lead sends Kent Police's submitted Kent return back, as a lead does, so there is something to change. */
async function kentLeadReturnsKentPolicesReturn() {
  const login = await fetch(b.at('/api/auth/login'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'lead@kscmp.example', password: PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const url = b.at(`/api/p/kscmp/returns/${Q3}/kent-police`);
  const current = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  const res = await fetch(`${url}/return`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': current.headers.get('ETag')! },
    body: JSON.stringify({ comment: 'Please bring the multi-agency child protection section up to date with the MACPT design work.' }),
  });
  expect(res.status).toBe(200);
}

async function mainText(page: import('playwright-core').Page) {
  await settled(page);
  return page.locator('main').innerText();
}

/** The page's own content: its main region without the home page's "In your other partnerships", which names them by design. */
async function ownText(page: import('playwright-core').Page) {
  await settled(page);
  return page.locator('main').evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    copy.querySelector('[data-testid="elsewhere-attention"]')?.remove();
    return copy.innerText;
  });
}

describe('starting a section from another partnership’s answer', () => {
  it('when Riley Shaw starts Kent’s section from his Medway answer and submits, Kent has it, and Medway’s pages show nothing of Kent’s', async () => {
    await kentLeadReturnsKentPolicesReturn();
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'police@mscp.example');

    // In Medway: nothing of Kent's on his pages (his home page names Kent only where it lists what needs him there).
    await expect.poll(() => page.getByTestId('elsewhere-attention').innerText()).toContain(KENT);
    for (const path of ['/', '/our-return', '/threshold', '/readiness', '/kinship']) {
      await page.goto(b.url(path));
      const text = await ownText(page);
      for (const word of KENT_WORDS) expect(text, `${path} in Medway`).not.toContain(word);
    }

    // Changes to Kent from the header.
    await page.locator('.app-header__partnership').getByRole('link', { name: 'Change partnership' }).click();
    await page.getByRole('link', { name: KENT }).click();
    await page.waitForURL(b.url('/', 'kscmp'));
    await expect.poll(() => page.locator('.app-header__partnership').innerText()).toContain(KENT);

    // Kent's return, sent back by Kent's lead: the section offers his Medway answer.
    await page.getByRole('link', { name: 'Our return' }).first().click();
    await page.waitForURL(b.url('/our-return', 'kscmp'));
    await page.getByRole('link', { name: KENT_SECTION, exact: true }).click();
    await expect.poll(() => h1(page)).toBe(KENT_SECTION);
    const offer = page.getByTestId('start-from');
    await expect.poll(() => offer.innerText()).toContain(`Your agency has answered this quarter in ${MEDWAY} too.`);
    await offer.getByRole('link').click();
    await page.waitForURL(b.url(`/our-return/${Q3}/section/multi-agency-child-protection/start-from`, 'kscmp'));
    await expect.poll(() => h1(page)).toBe('Start this section from another partnership’s answer');
    await expectNoAxeViolations(page, 'choose the answer to start from');

    // Nothing chosen: the error summary says what to do.
    await page.getByRole('button', { name: 'Copy this answer' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').innerText()).toContain('Choose the answer to start from');
    await expectNoAxeViolations(page, 'start from, nothing chosen');

    await page.getByRole('radio', { name: `${MEDWAY_SECTION} (${MEDWAY})` }).check();
    // (The copied text is checked as if typed here; Medway's answer holds nothing that looks personal.)
    await page.getByRole('button', { name: 'Copy this answer' }).click();
    await page.waitForURL(b.url(`/our-return/${Q3}/section/multi-agency-child-protection`, 'kscmp'));
    await expect.poll(() => page.locator('.govuk-notification-banner--success').innerText()).toContain(`now starts from your answer in ${MEDWAY}`);
    await expect.poll(() => page.getByTestId('copied-from').innerText()).toContain(`Kent Police’s answer on ${MEDWAY_SECTION} in ${MEDWAY}, copied by Riley Shaw`);
    await expectNoAxeViolations(page, 'section started from the Medway answer');

    // Then edit: what is different in Kent.
    const narrative = page.getByLabel('Progress this quarter');
    await expect.poll(() => narrative.inputValue()).not.toBe('');
    await narrative.fill(`${await narrative.inputValue()} In Kent the MACPT design group met twice this quarter.`);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByText(`${KENT_SECTION} saved`).waitFor();

    await page.getByRole('link', { name: 'Check your answers and submit' }).click();
    await expect.poll(() => h1(page)).toBe('Check your answers before you submit your return');
    await settled(page);
    await expect.poll(() => page.getByText(`Kent Police’s answer on ${MEDWAY_SECTION} in ${MEDWAY}`).count()).toBe(1);
    await page.getByRole('button', { name: 'Submit return' }).click();
    await page.waitForURL(b.url(`/our-return/${Q3}/submitted`, 'kscmp'));
    await expect.poll(() => h1(page)).toBe('Return submitted');

    // Back in Medway: still nothing of Kent's, and his Medway answer is as it was (returned, not submitted).
    await page.goto(b.url('/our-return'));
    const medway = await ownText(page);
    for (const word of KENT_WORDS) expect(medway, 'Medway return after the copy').not.toContain(word);
    expect(medway).toContain('The programme lead has returned your return');
    await b.closeTab(tab);
  });

  it('when Medway’s lead (in Medway only) opens Kent’s addresses, nothing of Kent’s shows', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    for (const path of ['/returns', `/returns/${Q3}/kent-police`, '/tracker', '/people']) {
      await page.goto(b.url(path, 'kscmp'));
      const text = await mainText(page);
      for (const word of KENT_WORDS) expect(text, `${path} of Kent's`).not.toContain(word);
      expect(text, `${path} of Kent's`).not.toContain('Alex Mercer');
      expect(await h1(page), `${path} of Kent's`).toBe('Page not found');
    }
    await expectNoAxeViolations(page, 'a Kent page opened by a Medway-only lead');
    // The way on is their own partnership's pages.
    await page.getByRole('link', { name: 'Go to your partnerships' }).click();
    await page.waitForURL(b.url('/partnerships', 'mscp'));
    await b.closeTab(tab);
  });

  it('when Kent’s lead opens the return, the section says where it started', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await page.goto(b.url('/sign-in', 'kscmp'));
    await submitSignIn(page, 'lead@kscmp.example');
    await page.waitForURL(b.url('/', 'kscmp'));
    await page.goto(b.url(`/returns/${Q3}/kent-police`, 'kscmp'));
    await expect.poll(() => mainText(page)).toContain(`Kent Police’s answer on ${MEDWAY_SECTION} in ${MEDWAY}, copied by Riley Shaw`);
    await expectNoAxeViolations(page, 'the lead reviews a section started elsewhere');
    await b.closeTab(tab);
  });
});
