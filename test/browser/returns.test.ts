import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPortal } from '../support/portal.js';
import { ensureWebBuilt } from './build-web.js';

/*
 * Quarterly returns in headless Chromium against the real server and its CSP (see shell.test.ts
 * for the harness): a partner completes and submits a return, the lead returns it with a comment,
 * the partner fixes and resubmits, the lead accepts; executives read it; two people saving the
 * same section at once. axe-core runs on every page visited.
 */

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const PASSWORD = 'demo-password';
const Q3 = '2026-27-Q3';
const SCREENSHOTS = process.env.RETURNS_SCREENSHOTS === '1';

let portal: { url: string; stop(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  portal = await startTestPortal();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}, 180_000);

afterAll(async () => {
  for (const tab of open) await tab.context.close().catch(() => undefined);
  await browser?.close();
  await portal?.stop();
});

interface Tab {
  page: Page;
  context: BrowserContext;
  cspViolations: string[];
  pageErrors: string[];
}

const open: Tab[] = [];

async function newTab(viewport = { width: 1280, height: 900 }): Promise<Tab> {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  context.setDefaultTimeout(8_000);
  const page = await context.newPage();
  const tab: Tab = { page, context, cspViolations: [], pageErrors: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) tab.cspViolations.push(m.text());
  });
  page.on('pageerror', (e) => tab.pageErrors.push(e.message));
  await page.exposeFunction('__reportCsp', (v: string) => tab.cspViolations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp(v: string): void }).__reportCsp(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  open.push(tab);
  return tab;
}

async function closeTab(tab: Tab) {
  expect(tab.cspViolations, 'Content Security Policy violations').toEqual([]);
  expect(tab.pageErrors, 'uncaught errors in the page').toEqual([]);
  await tab.context.close();
  open.splice(open.indexOf(tab), 1);
}

/** Waits for loading indicators to go, then runs axe-core; fails with one line per rule. */
async function expectNoAxeViolations(page: Page, where: string) {
  await settled(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.map((v) => `${v.id} [${v.impact ?? 'n/a'}] ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }, AXE_TAGS);
  expect(violations, `axe violations on ${where}:\n${violations.join('\n')}`).toEqual([]);
  if (SCREENSHOTS) await page.screenshot({ path: `/tmp/returns-${where.replace(/[^a-z0-9]+/gi, '-')}.png`, fullPage: true });
}

async function settled(page: Page) {
  await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 8_000 }).toBe(0);
}

async function h1(page: Page): Promise<string> {
  return (await page.locator('h1').innerText()).trim();
}

async function signIn(page: Page, email: string) {
  await page.goto(`${portal.url}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${portal.url}/`);
  await page.locator('[data-testid="user-name"]').waitFor();
}

async function menu(page: Page, label: string) {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: label, exact: true }).click();
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
}

const taskStatuses = async (page: Page) => (await page.locator('.govuk-task-list__status').allInnerTexts()).map((t) => t.trim());

/** Fills one section of the partner's form and saves it. */
async function completeSection(page: Page, name: string, narrative: string, extra?: (page: Page) => Promise<void>, axeWhere?: string) {
  await page.getByRole('link', { name, exact: true }).click();
  await expect.poll(() => h1(page)).toBe(name);
  await settled(page);
  await page.getByRole('radio', { name: 'Green', exact: true }).check();
  await page.getByLabel('Progress this quarter').fill(narrative);
  if (extra) await extra(page);
  if (axeWhere) await expectNoAxeViolations(page, axeWhere);
  await page.getByRole('button', { name: 'Save and continue' }).click();
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
    const tab = await newTab();
    const { page } = tab;
    await signIn(page, 'education@mscp.example');
    await menu(page, 'Our return');
    await expect.poll(() => h1(page)).toBe('Your return for 2026-27 Q3');
    await settled(page);
    expect(await page.locator('.govuk-task-list__item').count()).toBe(4);
    // Not started yet, but last quarter's narratives carry forward and ask to be checked.
    expect(await page.getByText('Carried forward from last quarter: check and update').count()).toBeGreaterThan(0);
    expect(await page.title()).toBe('Your return for 2026-27 Q3 - Partnership Reform Portal');
    await expectNoAxeViolations(page, 'partner task list');

    await completeSection(
      page,
      SECTIONS.familyHelp,
      'Schools have joined the Family Help locality panels and designated safeguarding leads attended the launch briefings.',
      async (p) => {
        // Risks carry forward from last quarter; add one more.
        const before = await p.locator('.app-rating-line').count();
        await p.getByRole('button', { name: /^Add (a|another) risk$/ }).click();
        expect(await p.evaluate(() => document.activeElement?.id)).toBe(`risks-${before}-title`);
        // Saving a risk with nothing in it names each missing answer, links to it and marks it.
        await p.getByRole('button', { name: 'Save and continue' }).click();
        const summary = p.locator('.govuk-error-summary');
        await summary.getByRole('link', { name: 'Enter a title for the risk' }).click();
        expect(await p.evaluate(() => document.activeElement?.id)).toBe(`risks-${before}-title`);
        expect(await p.locator(`#risks-${before}-likelihood-error`).innerText()).toContain('Choose a likelihood');
        expect(await p.title()).toMatch(/^Error: /);
        await p.getByLabel('Title').last().fill('School staff capacity for Family Help panels');
        await p.getByLabel('Likelihood').last().selectOption('B');
        await p.getByLabel('Impact', { exact: true }).last().selectOption('II');
        expect(await p.locator('.app-rating-line').last().innerText()).toContain('BII – likely, major');
        await p.getByLabel('Mitigation (optional)').last().fill('Rota of designated safeguarding leads agreed with headteachers.');
        // Delivery confidence shows each level's meaning beside it.
        expect(await p.getByText('Successful delivery on time and as planned is highly likely.').isVisible()).toBe(true);
      },
      'section form with a risk',
    );

    await completeSection(page, SECTIONS.kinship, 'Queries about kinship support for pupils go to virtual.school@medway.example please.', async (p) => {
      // The personal-data check runs as you type, next to the field.
      await p.locator('#narrative-warning').getByText('This looks like an email address').waitFor();
      await p.getByRole('button', { name: 'Add an escalation' }).click();
      await p.getByLabel('Escalation 1').fill('Agree how kinship children are flagged to schools at admission.');
    });

    await completeSection(page, SECTIONS.safeguarding, 'Schools have nominated two representatives for the MACPT design group.', async (p) => {
      await p.getByRole('button', { name: 'Add a measure' }).click();
      await p.getByLabel('What is measured').fill('Designated safeguarding leads trained');
      await p.getByLabel('Number').fill('84');
    });

    await completeSection(page, SECTIONS.careLeavers, 'Post-16 providers now share attendance concerns for care leavers with the leaving care team.');

    expect(await taskStatuses(page)).toEqual(['Completed', 'Completed', 'Completed', 'Completed']);
    await page.getByText('Some answers may contain personal details').waitFor();

    await page.getByRole('link', { name: 'Check your answers and submit' }).click();
    await expect.poll(() => h1(page)).toBe('Check your answers before you submit your return');
    await settled(page);
    expect(await page.locator('.app-summary-card').count()).toBe(4);
    expect(await page.getByText('BII').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'check your answers');

    // Submitting without confirming the possible personal details is stopped, with a link to the box.
    await page.getByRole('button', { name: 'Submit return' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    await summary.getByRole('link').first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('acknowledge');
    expect(await page.title()).toMatch(/^Error: /);
    await page.getByLabel('I have checked: these are not personal details').check();
    await page.getByRole('button', { name: 'Submit return' }).click();
    await page.waitForURL(`${portal.url}/our-return/${Q3}/submitted`);
    expect(await h1(page)).toBe('Return submitted');
    await expectNoAxeViolations(page, 'confirmation');

    await page.getByRole('link', { name: 'View your submitted return' }).click();
    await expect.poll(() => h1(page)).toBe('Your return for 2026-27 Q3');
    await settled(page);
    expect(await page.getByRole('link', { name: /^Change/ }).count()).toBe(0);
    await closeTab(tab);
  }, 120_000);

  it('when the lead returns it with a comment, the list, return view, review and history work with no violations', async () => {
    const tab = await newTab();
    const { page } = tab;
    await signIn(page, 'lead@mscp.example');
    await menu(page, 'Returns');
    await expect.poll(() => h1(page)).toBe('Quarterly returns for 2026-27 Q3');
    await settled(page);
    const row = page.locator('tr', { hasText: EDUCATION });
    expect(await row.locator('.govuk-tag').first().innerText()).toBe('Submitted');
    expect(await page.locator('tr', { hasText: 'Kent Police' }).locator('.govuk-tag').first().innerText()).toBe('Returned');
    await expectNoAxeViolations(page, 'lead list');

    await row.getByRole('link').click();
    await expect.poll(() => h1(page)).toBe(`${EDUCATION}: return for 2026-27 Q3`);
    await settled(page);
    for (const id of ['family-help', 'kinship', 'safeguarding', 'care-leavers']) expect(await page.locator(`#section-${id}`).count()).toBe(1);
    expect(await page.getByText('Delivery confidence key').first().isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'History' }).isVisible()).toBe(true);
    expect(await page.getByText('Submitted the return').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'lead return view');

    // A return needs a comment.
    await page.getByRole('button', { name: 'Return with comments' }).click();
    await page.locator('.govuk-error-summary').getByText('Enter a comment telling the agency what to change').waitFor();
    await page.getByLabel(`Comments for ${EDUCATION}`).fill(COMMENT);
    await page.getByRole('button', { name: 'Return with comments' }).click();
    await page.getByText(`You returned the return to ${EDUCATION}`).waitFor();
    expect(await page.locator('.app-return-facts .govuk-tag').first().innerText()).toBe('Returned');
    await page.locator('table', { hasText: 'Returned the return to the agency with comments' }).waitFor();
    expect(await page.getByRole('button', { name: 'Accept return' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'lead after returning');
    await closeTab(tab);
  }, 90_000);

  it('when the partner sees the comment, fixes the section and resubmits, it goes straight through', async () => {
    const tab = await newTab();
    const { page } = tab;
    await signIn(page, 'education@mscp.example');
    await menu(page, 'Our return');
    await expect.poll(() => h1(page)).toBe('Your return for 2026-27 Q3');
    await settled(page);
    const banner = page.getByRole('region', { name: 'Returned with comments' });
    expect(await banner.innerText()).toContain(COMMENT);
    await expectNoAxeViolations(page, 'partner returned task list');

    await completeSection(page, SECTIONS.kinship, 'Queries about kinship support for pupils go to the virtual school team.');
    expect(await page.getByText('Some answers may contain personal details').count()).toBe(0);
    await page.getByRole('link', { name: 'Check your answers and submit' }).click();
    await expect.poll(() => h1(page)).toBe('Check your answers before you submit your return');
    await settled(page);
    expect(await page.getByLabel('I have checked: these are not personal details').count()).toBe(0);
    await page.getByRole('button', { name: 'Submit return' }).click();
    await page.waitForURL(`${portal.url}/our-return/${Q3}/submitted`);
    await closeTab(tab);
  }, 90_000);

  it('when the lead accepts the resubmitted return, it is locked and the history shows every step', async () => {
    const tab = await newTab();
    const { page } = tab;
    await signIn(page, 'lead@mscp.example');
    await page.goto(`${portal.url}/returns/${Q3}/medway-education`);
    await expect.poll(() => h1(page)).toBe(`${EDUCATION}: return for 2026-27 Q3`);
    await settled(page);
    expect(await page.locator('.app-ret-comment').getByText(COMMENT).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Accept return' }).click();
    await page.getByText(`You accepted the return from ${EDUCATION}`).waitFor();
    expect(await page.locator('.app-return-facts .govuk-tag').first().innerText()).toBe('Accepted');
    expect(await page.getByRole('button', { name: 'Return with comments' }).count()).toBe(0);
    await page.getByText('Accepted the return', { exact: true }).waitFor();
    for (const what of ['Started the return', 'Submitted the return', 'Resubmitted the return']) expect(await page.getByText(what, { exact: true }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'lead after accepting');
    await closeTab(tab);
  }, 60_000);

  it('when an executive opens a return, they read it without review controls or history, and sections have anchors', async () => {
    const tab = await newTab();
    const { page } = tab;
    await signIn(page, 'exec@mscp.example');
    await page.goto(`${portal.url}/returns/${Q3}/medway-council`);
    await expect.poll(() => h1(page)).toBe('Medway Council: return for 2026-27 Q3');
    await settled(page);
    expect(await page.locator('#section-placement-sufficiency').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Accept return' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'History' }).count()).toBe(0);
    expect(await page.locator('.app-conf-key').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'executive return view');
    await closeTab(tab);
  }, 60_000);
});

describe('quarterly returns: two people editing at once', () => {
  it('when someone else saved first, it says so, keeps the typed text, and reloads their version beside it', async () => {
    const mine = await newTab();
    const theirs = await newTab();
    const path = `${portal.url}/our-return/${Q3}/section/kinship`;
    await signIn(mine.page, 'health@mscp.example');
    await signIn(theirs.page, 'health@mscp.example');
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
    expect(await mine.page.getByLabel('Progress this quarter').inputValue()).toBe(typed);
    await expectNoAxeViolations(mine.page, 'section conflict');

    await mine.page.getByRole('button', { name: 'Reload their version' }).click();
    await mine.page.getByText('Their version is now in the form').waitFor();
    expect(await mine.page.getByLabel('Progress this quarter').inputValue()).toContain('Their update');
    expect(await mine.page.getByTestId('your-narrative').innerText()).toBe(typed);

    // Saving again now works: the form holds the latest version's ETag.
    await mine.page.getByLabel('Progress this quarter').fill(`Their update and mine. ${typed}`);
    await mine.page.getByRole('button', { name: 'Save and continue' }).click();
    await mine.page.getByText(`${SECTIONS.kinship} saved`).waitFor();
    await closeTab(mine);
    await closeTab(theirs);
  }, 90_000);

  it('when the window is 320 pixels wide, the task list, section form and lead pages do not scroll sideways', async () => {
    const tab = await newTab({ width: 320, height: 640 });
    const { page } = tab;
    await signIn(page, 'health@mscp.example');
    await page.goto(`${portal.url}/our-return`);
    await expect.poll(() => h1(page)).toBe('Your return for 2026-27 Q3');
    await settled(page);
    await noSidewaysScroll(page);
    if (SCREENSHOTS) await page.screenshot({ path: '/tmp/returns-320-task-list.png', fullPage: true });
    await page.goto(`${portal.url}/our-return/${Q3}/section/safeguarding`);
    await expect.poll(() => h1(page)).toBe(SECTIONS.safeguarding);
    await settled(page);
    await noSidewaysScroll(page);
    if (SCREENSHOTS) await page.screenshot({ path: '/tmp/returns-320-section.png', fullPage: true });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${portal.url}/sign-in`);
    await signIn(page, 'lead@mscp.example');
    await page.goto(`${portal.url}/returns/${Q3}/medway-council`);
    await expect.poll(() => h1(page)).toBe('Medway Council: return for 2026-27 Q3');
    await settled(page);
    await noSidewaysScroll(page);
    await expectNoAxeViolations(page, 'lead return view at 320px');
    if (SCREENSHOTS) await page.screenshot({ path: '/tmp/returns-320-lead-view.png', fullPage: true });
    await closeTab(tab);
  }, 60_000);
});
