import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, h1, settled, useBrowserPortal } from './harness.js';

/*
 * The accessibility statement and the privacy notice that every public-sector website publishes:
 * linked from the footer of every page (the public Kinship Local Offer signed out, and a signed-in
 * page), readable without signing in, naming the partnership from the portal's configuration, with
 * no axe-core violations, at 320 pixels wide too.
 */

const b = useBrowserPortal();

const SEED = JSON.parse(readFileSync(new URL('../../functions/seed/data/mscp.json', import.meta.url), 'utf8')) as {
  partnership: { name: string };
  agencies: { name: string; statutory: boolean }[];
};
const PARTNERSHIP = SEED.partnership.name;
const STATUTORY = SEED.agencies.filter((a) => a.statutory).map((a) => a.name);

const footer = (page: Page) => page.getByRole('contentinfo');
const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
const mainText = (page: Page) => page.locator('main').innerText();

/** Follows a footer link and waits for the page it opens. */
async function openFromFooter(page: Page, link: string, heading: string) {
  await footer(page).getByRole('link', { name: link, exact: true }).click();
  await expect.poll(() => h1(page)).toBe(heading);
  await settled(page, { strict: true });
}

async function checkAccessibilityStatement(page: Page, where: string) {
  expect(new URL(page.url()).pathname).toBe('/p/mscp/accessibility');
  await expect.poll(() => page.title()).toBe('Accessibility statement - Partnership Reform Portal');
  await expect.poll(() => mainText(page)).toContain(PARTNERSHIP);
  const text = await mainText(page);
  for (const heading of [
    'How accessible this website is',
    'Feedback and contact information',
    'Reporting accessibility problems with this website',
    'Enforcement procedure',
    'Compliance status',
    'Preparation of this accessibility statement',
  ]) {
    expect(await page.getByRole('heading', { name: heading, exact: true }).count(), heading).toBe(1);
  }
  expect(text).toMatch(/Web Content Accessibility Guidelines version 2\.2\s+AA standard/);
  expect(text).toContain('Equality and Human Rights Commission (EHRC)');
  expect(text).toMatch(/axe-core/);
  expect(text).toMatch(/keyboard/);
  expect(text).toMatch(/This statement was prepared on \d{1,2} \w+ \d{4}\./);
  expect(await page.getByRole('link', { name: 'contact the Equality Advisory and Support Service (EASS)' }).getAttribute('href')).toBe('https://www.equalityadvisoryservice.com/');
  await expectNoAxeViolations(page, `accessibility statement (${where})`);
}

async function checkPrivacyNotice(page: Page, where: string, { signedIn }: { signedIn: boolean }) {
  expect(new URL(page.url()).pathname).toBe('/p/mscp/privacy');
  await expect.poll(() => page.title()).toBe('Privacy notice - Partnership Reform Portal');
  await expect.poll(() => mainText(page)).toContain(PARTNERSHIP);
  const text = await mainText(page);
  for (const heading of [
    'Who we are',
    'What personal data the portal holds',
    'What the portal must never hold',
    'Why we use it and our lawful basis',
    'How long we keep it',
    'Your rights',
    'Cookies and what is stored in your browser',
    'How to complain',
  ]) {
    expect(await page.getByRole('heading', { name: heading, exact: true }).count(), heading).toBe(1);
  }
  expect(text).toContain('joint controllers');
  expect(text).toContain('public task');
  expect(text).toContain('work email address');
  expect(text).toContain('last signed in');
  expect(text).toContain('audit trail');
  expect(text).toMatch(/never hold case information about children or families/);
  expect(text).toContain('[removed]');
  for (const right of ['(access)', '(rectification)', '(erasure)', '(objection)']) expect(text).toContain(right);
  expect(text).toContain('data protection officer');
  expect(text).toContain('session storage');
  expect(text).toContain('does not use cookies, analytics or any tracking');
  expect(await page.getByRole('link', { name: 'Make a complaint on the ICO website' }).getAttribute('href')).toBe('https://ico.org.uk/make-a-complaint/');
  // Signed in, the controllers are named from the partnership's own agencies; signed out, by their role.
  if (signedIn) {
    await expect.poll(() => mainText(page)).toContain('For this partnership they are ');
    const named = /For this partnership they are ([^.]+)\./.exec(await mainText(page))![1]!;
    for (const name of STATUTORY) expect(named).toContain(name);
    for (const other of SEED.agencies.filter((a) => !a.statutory)) expect(named).not.toContain(other.name);
  } else expect(text).not.toContain('For this partnership they are');
  await expectNoAxeViolations(page, `privacy notice (${where})`);
}

describe('accessibility statement and privacy notice', () => {
  it('when a member of the public on the Kinship Local Offer follows the footer links, both open without signing in, with no violations', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await page.goto(b.url('/kinship-offer'));
    await page.locator('[data-testid="results-count"]').waitFor();
    await settled(page);
    expect(await footer(page).getByRole('link').allInnerTexts()).toEqual(['Kinship Local Offer', 'Accessibility statement', 'Privacy notice']);

    await openFromFooter(page, 'Accessibility statement', 'Accessibility statement');
    await checkAccessibilityStatement(page, 'signed out');
    expect(await page.locator('[data-testid="user-name"]').count()).toBe(0);

    await openFromFooter(page, 'Privacy notice', 'Privacy notice');
    await checkPrivacyNotice(page, 'signed out', { signedIn: false });

    // Opened directly (a link in an email or a bookmark), still no sign-in.
    await page.goto(b.url('/accessibility'));
    await expect.poll(() => h1(page)).toBe('Accessibility statement');
    expect(new URL(page.url()).pathname).toBe('/p/mscp/accessibility');
    await page.goto(b.url('/privacy'));
    await expect.poll(() => h1(page)).toBe('Privacy notice');
    expect(new URL(page.url()).pathname).toBe('/p/mscp/privacy');
    await b.closeTab(tab);
  }, 60_000);

  it("when a signed-in member of staff follows the footer links, both open and the notice names the partnership's controllers", async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    // Signed in, the footer also offers the person's own email settings and the partnerships they work in.
    expect(await footer(page).getByRole('link').allInnerTexts()).toEqual([
      'Kinship Local Offer',
      'Accessibility statement',
      'Privacy notice',
      'Email settings',
      'Your partnerships',
    ]);

    await openFromFooter(page, 'Privacy notice', 'Privacy notice');
    await checkPrivacyNotice(page, 'signed in', { signedIn: true });
    // Still signed in: the header still shows who.
    expect(await page.locator('[data-testid="user-name"]').count()).toBe(1);

    await openFromFooter(page, 'Accessibility statement', 'Accessibility statement');
    await checkAccessibilityStatement(page, 'signed in');
    await b.closeTab(tab);
  }, 60_000);

  it('when the window is 320 pixels wide, both pages fit without scrolling sideways, with no violations', async () => {
    const tab = await b.newTab({ width: 320, height: 640 });
    const { page } = tab;
    for (const [path, title] of [
      ['/accessibility', 'Accessibility statement'],
      ['/privacy', 'Privacy notice'],
    ] as const) {
      await page.goto(b.url(path));
      await expect.poll(() => h1(page)).toBe(title);
      await settled(page, { strict: true });
      expect(await noHorizontalScroll(page), path).toBe(true);
      await expectNoAxeViolations(page, `${title} at 320px`);
    }
    await b.closeTab(tab);
  });
});
