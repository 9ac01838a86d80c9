import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, openFromMenu, screenshot, settled, SHOTS, useBrowserPortal } from './harness.js';

/*
 * The Kinship Local Offer in headless Chromium against the real server and its CSP: a partner
 * drafts an item and sends it for review, the lead publishes it, and it appears on the public page
 * (signed out), where drafts never appear; the public search and filter; axe-core on every page,
 * at 320px too; the print leaflet.
 */

const b = useBrowserPortal();

const SEED = JSON.parse(readFileSync(new URL('../../functions/seed/data/mscp/kinship-items.json', import.meta.url), 'utf8')) as { title: string; status: string }[];
const SEEDED_UNPUBLISHED = SEED.filter((i) => i.status === 'draft' || i.status === 'in-review').map((i) => i.title);

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** What the register's status line says once rows are on show (while they load it says "Loading…"). */
const REGISTER_LOADED = /^\d+ items? (in the register|match the filters)\.$/;
const registerCount = (page: Page) => page.locator('[data-testid="register-count"]').innerText();

async function openRegister(page: Page) {
  await openFromMenu(page, 'Kinship offer');
  await expect.poll(() => registerCount(page)).toMatch(REGISTER_LOADED);
  await settled(page);
}

async function openPublicOffer(page: Page) {
  await page.goto(b.url('/kinship-offer'));
  await page.locator('[data-testid="results-count"]').waitFor();
  await settled(page);
}

const publicTitles = (page: Page) => page.locator('.app-offer-item__title').allInnerTexts();

const ITEM = {
  title: 'Wellbeing drop-in for kinship carers',
  summary: 'A monthly drop-in where kinship carers can talk to a mental health nurse about their own wellbeing and the stress of caring.',
  eligibility: 'Any kinship carer living in Medway, whatever the legal arrangement.',
  howToApply: 'Just come along. You do not need to book or be referred.',
  contact: 'See times and places at https://www.example.nhs.uk/kinship-wellbeing or ask your health visitor.',
};

describe('Kinship Local Offer', () => {
  let itemPath = '';

  it('when a partner drafts an item through the form and sends it for review, it is in review and not public', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'health@mscp.example');
    await openRegister(page);
    expect(await page.getByRole('heading', { name: 'Coverage of the statutory categories' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'partner register');

    // Filters: a GOV.UK filter form; the register shows only what matches.
    await page.getByLabel('Status').selectOption('draft');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/status=draft/);
    // The rows below the count are the filtered ones only once the count says so.
    await expect.poll(() => registerCount(page)).toMatch(/^\d+ items? match the filters\.$/);
    const statuses = await page.locator('#register tbody td[data-label="Status"] .govuk-tag').allInnerTexts();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['Draft']));
    await expectNoAxeViolations(page, 'partner register filtered');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => registerCount(page)).toMatch(/^\d+ items? in the register\.$/);
    // Sorting by a column: its header's button sorts the rows, and aria-sort says which way.
    const itemHeader = page.locator('#register thead th').first();
    expect(await itemHeader.getAttribute('aria-sort')).toBe('none');
    await itemHeader.getByRole('button', { name: 'Item' }).click();
    await expect.poll(() => itemHeader.getAttribute('aria-sort')).toBe('ascending');
    const titles = await page.locator('#register tbody th').allInnerTexts();
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en-GB')));
    await expectNoAxeViolations(page, 'partner register sorted');

    // The form: empty, then with errors, then filled.
    await page.getByRole('button', { name: 'Add an item' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a Kinship Local Offer item' }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'item form');
    await page.getByLabel('Category').selectOption('financial-support');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await expect
      .poll(() => page.locator('.govuk-error-summary a').allInnerTexts())
      .toEqual([
        'Enter a title families will recognise',
        'Enter a plain-English summary of the support',
        'Choose at least one kinship arrangement this support is for',
        'Say how decisions about financial support are made',
      ]);
    await page.locator('.govuk-error-summary a').nth(2).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('arrangementTypes');
    await expectNoAxeViolations(page, 'item form with errors');
    await screenshot(page, 'kinship-form-errors');

    await page.getByLabel('Category').selectOption('health-and-wellbeing');
    await page.getByLabel('Title').fill(ITEM.title);
    await page.getByLabel('Summary').fill(ITEM.summary);
    await page.getByLabel('Special guardianship order').check();
    await page.getByLabel('Child arrangements order').check();
    await page.getByLabel('Informal or family arrangement').check();
    await page.getByLabel('Who can get it').fill(ITEM.eligibility);
    await page.getByLabel('How to apply').fill(ITEM.howToApply);
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    await expect.poll(() => page.getByLabel('Who provides it').inputValue()).toBe('nhs-kent-medway');
    await page.getByLabel('Contact').fill(ITEM.contact);
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.getByRole('heading', { level: 1, name: ITEM.title }).waitFor();
    // The item's address within the partnership's pages (the address names Medway's first).
    itemPath = /^\/p\/mscp(\/kinship\/wellbeing-drop-in-for-kinship-carers-[a-z0-9]+)$/.exec(new URL(page.url()).pathname)?.[1] ?? new URL(page.url()).pathname;
    expect(itemPath).toMatch(/^\/kinship\/wellbeing-drop-in-for-kinship-carers-[a-z0-9]+$/);
    await expect.poll(() => page.locator('[data-testid="item-status"]').innerText()).toBe('Draft');
    await expect.poll(() => page.locator('.govuk-notification-banner--success').innerText()).toContain('saved as a draft');
    await expectNoAxeViolations(page, 'draft item page (partner)');

    // A draft never appears on the public page.
    const pub = await b.newTab();
    await openPublicOffer(pub.page);
    expect(await publicTitles(pub.page)).not.toContain(ITEM.title);

    await page.getByRole('button', { name: 'Send for review' }).click();
    await expect.poll(() => page.locator('[data-testid="item-status"]').innerText()).toBe('In review');
    expect(await page.getByRole('button', { name: 'Send for review' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'item in review (partner)');
    await screenshot(page, 'kinship-item-in-review');

    await pub.page.reload();
    await pub.page.locator('[data-testid="results-count"]').waitFor();
    expect(await publicTitles(pub.page)).not.toContain(ITEM.title);
    await b.closeTab(pub);
    await b.closeTab(tab);
  }, 60_000);

  it('when the lead publishes it from the review queue, it appears on the public page, signed out', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await openRegister(page);
    await page.getByRole('heading', { name: 'Coverage of the statutory categories' }).waitFor();
    await page.locator('[data-testid="coverage-summary"]').waitFor();
    await expect.poll(() => page.locator('[data-testid="coverage-summary"]').innerText()).toContain('Complete');
    await expect.poll(() => page.locator('[data-testid="overdue-reviews"] li').count()).toBe(1);
    const queue = page.locator('#review-queue');
    await queue.waitFor();
    await expect.poll(() => queue.innerText()).toContain(ITEM.title);
    await expectNoAxeViolations(page, 'lead register with queue and coverage');
    await screenshot(page, 'kinship-lead-register');

    await queue.getByRole('link', { name: ITEM.title }).click();
    await page.getByRole('heading', { level: 1, name: ITEM.title }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page, 'item page (lead)');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => page.locator('[data-testid="item-status"]').innerText()).toBe('Published');
    await expect.poll(() => page.locator('.govuk-notification-banner--success').innerText()).toContain('is published');
    await expect.poll(() => page.locator('[data-testid="item-state"]').innerText()).toMatch(/Next review due\s+\d+ \w+ \d{4}/);
    await expectNoAxeViolations(page, 'published item (lead)');
    await b.closeTab(tab);

    const pub = await b.newTab();
    await openPublicOffer(pub.page);
    expect(await pub.page.locator('[data-testid="user-name"]').count()).toBe(0);
    expect(await publicTitles(pub.page)).toContain(ITEM.title);
    for (const t of SEEDED_UNPUBLISHED) expect(await publicTitles(pub.page)).not.toContain(t);
    const item = pub.page.locator('.app-offer-item', { hasText: ITEM.title });
    await expect.poll(() => item.innerText()).toContain(ITEM.eligibility);
    expect(await item.getByRole('link').getAttribute('href')).toBe('https://www.example.nhs.uk/kinship-wellbeing');
    await expect
      .poll(() =>
        pub.page
          .locator('.app-offer-group', { has: pub.page.locator('.app-offer-item', { hasText: ITEM.title }) })
          .locator('h2')
          .innerText(),
      )
      .toBe('Health and wellbeing');
    await b.closeTab(pub);
  }, 60_000);

  it('when a member of the public searches or filters the offer, the items and the announced count follow, with no violations', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await openPublicOffer(page);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Kinship Local Offer');
    await expect.poll(() => page.locator('[data-testid="last-updated"]').innerText()).toMatch(/^Last updated: \d+ \w+ \d{4}$/);
    const headings = await page.locator('.app-offer-group__title').allInnerTexts();
    expect(headings.slice(0, 6)).toEqual([
      'Our general approach to kinship care',
      'Financial support',
      'Health and wellbeing',
      'Relationships, including contact with parents and relatives',
      'Education and training',
      'Housing and accommodation',
    ]);
    const total = await page.locator('.app-offer-item').count();
    await expect.poll(() => page.locator('[data-testid="results-count"]').innerText()).toBe(`${total} support items`);
    expect(await page.locator('[data-testid="results-count"]').getAttribute('aria-live')).toBe('polite');
    await expectNoAxeViolations(page, 'public offer');
    await screenshot(page, 'kinship-public');

    await page.getByLabel('Search the offer').fill('allowance');
    await expect.poll(() => page.locator('[data-testid="results-count"]').innerText()).toMatch(/^\d+ of \d+ support items match$/);
    const found = await publicTitles(page);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(total);
    expect(found).toContain('Special guardianship allowance');
    await expect.poll(() => page.locator('[data-testid="results-count"]').innerText()).toBe(`${found.length} of ${total} support items match`);

    await page.getByLabel('Search the offer').fill('');
    await page.getByLabel('Your kinship arrangement').selectOption('private-fostering');
    await expect.poll(async () => (await publicTitles(page)).length).toBeLessThan(total);
    expect(await publicTitles(page)).not.toContain(ITEM.title);
    expect(await publicTitles(page)).not.toContain('Special guardianship allowance');
    await expectNoAxeViolations(page, 'public offer filtered');

    await page.getByLabel('Search the offer').fill('zebra crossing');
    await expect.poll(() => page.locator('[data-testid="results-count"]').innerText()).toBe(`0 of ${total} support items match`);
    await page.getByText('No support matches your search.').waitFor();
    await page.getByRole('button', { name: 'Show all support' }).click();
    await expect.poll(() => page.locator('.app-offer-item').count()).toBe(total);

    // The print leaflet: no portal chrome or filters; links show where they go.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header-wrapper').isVisible()).toBe(false);
    expect(await page.locator('.app-footer').isVisible()).toBe(false);
    expect(await page.locator('.app-offer__tools').isVisible()).toBe(false);
    await page.locator('.app-offer__print-url').waitFor();
    const after = await page.evaluate(() => {
      const a = document.querySelector('.app-offer-item a[href^="http"]');
      return a ? getComputedStyle(a, '::after').content : '';
    });
    expect(after).toContain('https://');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.app-offer-item')!).breakInside)).toBe('avoid');
    await screenshot(page, 'kinship-print');
    await page.pdf({ path: `${SHOTS}/kinship-leaflet.pdf`, format: 'A4' }).catch(() => undefined);
    await page.emulateMedia({ media: 'screen' });
    await b.closeTab(tab);
  }, 60_000);

  it('when a link carries the filters, the offer opens filtered, changes go into the address, Back and Forward restore them, and the leaflet says it is filtered', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await page.goto(b.url('/kinship-offer?q=SGO&category=financial-support'));
    await page.locator('[data-testid="results-count"]').waitFor();
    await settled(page);
    expect(await page.getByLabel('Search the offer').inputValue()).toBe('SGO');
    expect(await page.getByLabel('Type of support').inputValue()).toBe('financial-support');
    expect(await page.getByLabel('Your kinship arrangement').inputValue()).toBe('');
    expect(await page.getByLabel('Who it is for').inputValue()).toBe('');
    await expect.poll(() => page.locator('.app-offer-group__title').allInnerTexts()).toEqual(['Financial support']);
    const titles = await publicTitles(page);
    expect(titles).toContain('Special guardianship allowance');
    expect(titles).toContain('Kinship allowance (Kinship Zone pilot)');
    expect(titles).not.toContain('Fostering allowances for kinship foster carers');
    await expect.poll(() => page.locator('[data-testid="results-count"]').innerText()).toMatch(new RegExp(`^${titles.length} of \\d+ support items match$`));
    await expectNoAxeViolations(page, 'public offer opened from a filtered link');

    // On paper the filters are not printed, so the leaflet says it is only part of the offer.
    const note = page.locator('[data-testid="leaflet-note"]');
    expect(await note.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-offer__tools').isVisible()).toBe(false);
    expect(await note.isVisible()).toBe(true);
    expect(await note.innerText()).toBe("This leaflet shows only: Financial support, matching 'SGO'.");
    await screenshot(page, 'kinship-print-filtered');
    await page.emulateMedia({ media: 'screen' });

    // Changing a filter changes the address (and keeps the others); Back and Forward step through.
    await page.getByLabel('Your kinship arrangement').selectOption('child-arrangements-order');
    await page.waitForURL(/arrangement=child-arrangements-order/);
    const query = () => Object.fromEntries(new URL(page.url()).searchParams);
    expect(query()).toEqual({ q: 'SGO', category: 'financial-support', arrangement: 'child-arrangements-order' });
    await expect.poll(() => publicTitles(page)).toEqual(['Kinship allowance (Kinship Zone pilot)']);
    expect(await note.textContent()).toBe("This leaflet shows only: Financial support, with a child arrangements order, matching 'SGO'.");

    await page.goBack();
    await expect.poll(() => page.getByLabel('Your kinship arrangement').inputValue()).toBe('');
    expect(query()).toEqual({ q: 'SGO', category: 'financial-support' });
    await expect.poll(() => publicTitles(page)).toEqual(titles);
    await page.goForward();
    await expect.poll(() => page.getByLabel('Your kinship arrangement').inputValue()).toBe('child-arrangements-order');
    await expect.poll(() => publicTitles(page)).toEqual(['Kinship allowance (Kinship Zone pilot)']);

    // What is typed goes into the address too, and Back brings the earlier search back into the box.
    await page.getByLabel('Search the offer').fill('allowances');
    await page.waitForURL(/q=allowances/);
    expect(query()).toEqual({ q: 'allowances', category: 'financial-support', arrangement: 'child-arrangements-order' });
    await page.goBack();
    await expect.poll(() => page.getByLabel('Search the offer').inputValue()).toBe('SGO');

    // A shared link with only the audience: the filter is set from it.
    await page.goto(b.url('/kinship-offer?audience=children'));
    await page.locator('[data-testid="results-count"]').waitFor();
    expect(await page.getByLabel('Who it is for').inputValue()).toBe('children');
    await expect.poll(() => publicTitles(page)).not.toContain('Special guardianship allowance');
    expect(await note.textContent()).toBe('This leaflet shows only: support for children and young people.');

    // "Show all support" empties the address.
    await page.getByRole('button', { name: 'Show all support' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    expect(await note.count()).toBe(0);
    await b.closeTab(tab);
  }, 60_000);

  it('when a family searches with a plural, an abbreviation or its full name, the offer finds what they mean', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await openPublicOffer(page);
    const search = page.getByLabel('Search the offer');
    const sgAllowance = page.locator('.app-offer-item', { has: page.getByRole('heading', { name: 'Special guardianship allowance', exact: true }) });
    const searchFor = async (q: string) => {
      await search.fill(q);
      await expect.poll(() => page.locator('[data-testid="results-count"]').innerText()).toMatch(/ match$/);
      await page.waitForURL((u) => u.searchParams.get('q') === q);
      return publicTitles(page);
    };

    // "allowances" finds an item that only ever says "allowance".
    expect(await sgAllowance.innerText()).not.toMatch(/allowances/i);
    expect(await searchFor('allowances')).toContain('Special guardianship allowance');

    // "SGO" finds special guardianship items, none of which says "SGO", and not kinship foster care's fees.
    const sgo = await searchFor('SGO');
    expect(await sgAllowance.innerText()).not.toMatch(/\bSGO\b/i);
    expect(sgo).toContain('Special guardianship allowance');
    expect(sgo).toContain('Legal advice before you apply for special guardianship');
    expect(sgo).not.toContain('Fostering allowances for kinship foster carers');
    expect(await searchFor('special guardianship order')).toEqual(sgo);

    // "CAO" finds child arrangements orders, not special guardianship only.
    const cao = await searchFor('CAO');
    expect(cao).toContain('Kinship allowance (Kinship Zone pilot)');
    expect(cao).not.toContain('Special guardianship allowance');
    expect(await searchFor('child arrangements order')).toEqual(cao);

    // More words narrow: both must match.
    const both = await searchFor('SGO allowances');
    expect(both).toContain('Special guardianship allowance');
    expect(both).not.toContain('Fostering allowances for kinship foster carers');
    expect(both.length).toBeLessThan(sgo.length);
    await expectNoAxeViolations(page, 'public offer searched with an abbreviation');
    await b.closeTab(tab);
  }, 60_000);

  it('when the pages are 320 pixels wide, nothing scrolls sideways and axe finds no violations', async () => {
    const pub = await b.newTab({ width: 320, height: 640 });
    await openPublicOffer(pub.page);
    await settled(pub.page, { strict: true });
    expect(await noHorizontalScroll(pub.page)).toBe(true);
    await expectNoAxeViolations(pub.page, 'public offer at 320px');
    await screenshot(pub.page, 'kinship-public-320');
    await b.closeTab(pub);

    const tab = await b.newTab({ width: 320, height: 640 });
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await openRegister(page);
    await page.locator('#review-queue, #drafts').first().waitFor();
    await page.locator('[data-testid="coverage-summary"]').waitFor();
    await settled(page, { strict: true });
    expect(await noHorizontalScroll(page)).toBe(true);
    await expectNoAxeViolations(page, 'lead register at 320px');
    await screenshot(page, 'kinship-register-320');
    await page.goto(b.url(itemPath));
    await page.locator('[data-testid="item-status"]').waitFor();
    await settled(page, { strict: true });
    expect(await noHorizontalScroll(page)).toBe(true);
    await expectNoAxeViolations(page, 'item page at 320px');
    await page.goto(b.url('/kinship/new'));
    await page.getByRole('heading', { level: 1, name: 'Add a Kinship Local Offer item' }).waitFor();
    await settled(page, { strict: true });
    expect(await noHorizontalScroll(page)).toBe(true);
    await expectNoAxeViolations(page, 'item form at 320px');
    await b.closeTab(tab);
  }, 60_000);

  it('when an executive opens the register, they see coverage but cannot change anything', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'exec@mscp.example');
    await openRegister(page);
    await page.locator('[data-testid="coverage-summary"]').waitFor();
    expect(await page.getByRole('button', { name: 'Add an item' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Review queue' }).count()).toBe(0);
    await page.goto(b.url(itemPath));
    await page.locator('[data-testid="item-status"]').waitFor();
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    await page.getByText('can read the register but not change it').waitFor();
    await expectNoAxeViolations(page, 'item page (executive)');
    await b.closeTab(tab);
  });

  it('when filters are applied and the answer is slow, the register says it is applying them and never shows the old rows under the new label', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, 'lead@mscp.example');
    await openRegister(page);
    const count = page.locator('[data-testid="register-count"]');
    expect(await count.innerText()).toMatch(/^\d+ items? in the register\.$/);
    const rowsBefore = await page.locator('#register tbody tr').count();
    const tableHeight = await page.locator('#register').evaluate((el) => el.getBoundingClientRect().height);

    // Hold the filtered request, as a busy server would, and look at the page while it waits.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let requested!: () => void;
    const seen = new Promise<void>((resolve) => (requested = resolve));
    await page.route(
      (u) => u.pathname === '/api/p/mscp/kinship-offer/items' && u.searchParams.get('status') === 'draft',
      async (route) => {
        requested();
        await released;
        await route.continue();
      },
    );
    await page.getByLabel('Status').selectOption('draft');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/status=draft/);
    await seen;
    // While it waits: the status says what is happening, no rows at all (neither the old nor the new),
    // and a busy placeholder keeps the space of the table so the page does not jump.
    await expect.poll(() => count.innerText()).toBe('Applying the filters…');
    expect(await page.locator('#register').count()).toBe(0);
    const busy = page.getByRole('region', { name: 'The register' }).locator('[aria-busy="true"]');
    expect(await busy.count()).toBe(1);
    expect(await busy.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThanOrEqual(tableHeight - 1);
    await screenshot(page, 'kinship-register-applying-filters');

    release();
    await expect.poll(() => count.innerText()).toMatch(/^\d+ items? match the filters\.$/);
    const statuses = await page.locator('#register tbody td[data-label="Status"] .govuk-tag').allInnerTexts();
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.length).toBeLessThan(rowsBefore);
    expect(new Set(statuses)).toEqual(new Set(['Draft']));
    expect(await count.innerText()).toBe(`${statuses.length === 1 ? '1 item' : `${statuses.length} items`} match the filters.`);
    // The count is a polite live region: screen readers hear it when the new rows arrive.
    expect(await count.getAttribute('aria-live')).toBe('polite');
    await settled(page, { strict: true });
    await expectNoAxeViolations(page, 'lead register filtered');
    await page.unrouteAll();
    await b.closeTab(tab);
  });
  it('when an item lacks how to apply it cannot go for review; when the lead returns it with a comment, the health partner sees the comment', async () => {
    const HEALTH_ITEM = '/kinship/kinship-health-checks';
    const COMMENT = 'Say which GP practices offer the health check, and how long families wait.';
    const health = await b.newTab();
    await b.signIn(health.page, 'health@mscp.example');
    const hp = health.page;
    const status = (page: Page) => page.locator('[data-testid="item-status"]').innerText();

    // The partner empties "How to apply": the item page says what is missing before the buttons.
    await hp.goto(b.url(`${HEALTH_ITEM}/edit`));
    await hp.getByRole('heading', { level: 1, name: 'Edit a Kinship Local Offer item' }).waitFor();
    await expect.poll(() => hp.getByLabel('How to apply').inputValue()).not.toBe('');
    await hp.getByLabel('How to apply').fill('');
    await hp.getByRole('button', { name: 'Save changes' }).click();
    await hp.locator('[data-testid="item-status"]').waitFor();
    await expect.poll(() => hp.locator('.govuk-notification-banner--success').innerText()).toContain('Before it can be sent for review: Say how to apply.');
    const missing = hp.locator('[data-testid="missing-for-review"]');
    await expect.poll(() => missing.innerText()).toContain('Say how to apply');
    expect(await missing.getByRole('link').allInnerTexts()).toEqual(['Say how to apply']);
    await settled(hp);
    await expectNoAxeViolations(hp, 'item missing how to apply (partner)');

    // The button still works and the server is the judge: refused, nothing changes.
    await hp.getByRole('button', { name: 'Send for review' }).click();
    await hp.locator('.govuk-error-summary').waitFor();
    await expect.poll(() => hp.locator('.govuk-error-summary a').allInnerTexts()).toEqual(['Say how to apply']);
    expect(await status(hp)).toBe('Draft');
    await expectNoAxeViolations(hp, 'item refused for review (partner)');

    // The link goes to the field; once filled, the item goes for review.
    await missing.getByRole('link', { name: 'Say how to apply' }).click();
    await hp.waitForURL(/\/edit#howToApply$/);
    await expect.poll(() => hp.evaluate(() => document.activeElement?.id)).toBe('howToApply');
    await hp.getByLabel('How to apply').fill('Ask your GP or health visitor for a kinship health check.');
    await hp.getByRole('button', { name: 'Save changes' }).click();
    await hp.locator('[data-testid="item-status"]').waitFor();
    expect(await missing.count()).toBe(0);
    await hp.getByRole('button', { name: 'Send for review' }).click();
    await expect.poll(() => status(hp)).toBe('In review');

    // The lead returns it with a comment instead of publishing it.
    const lead = await b.newTab();
    const lp = lead.page;
    await b.signIn(lp, 'lead@mscp.example');
    await lp.goto(b.url(HEALTH_ITEM));
    await expect.poll(() => status(lp)).toBe('In review');
    await lp.getByRole('button', { name: 'Return to the agency' }).click();
    await lp.getByLabel('What should the agency change?').waitFor();
    await lp.getByRole('button', { name: 'Return with comments' }).click();
    await expect.poll(() => lp.locator('.govuk-error-summary a').allInnerTexts()).toEqual(['Enter a comment telling the agency what to change']);
    await expectNoAxeViolations(lp, 'return form with an error (lead)');
    await lp.getByLabel('What should the agency change?').fill(COMMENT);
    await lp.getByRole('button', { name: 'Return with comments' }).click();
    await expect.poll(() => status(lp)).toBe('Returned with comments');
    await expect.poll(() => lp.locator('.govuk-notification-banner--success').innerText()).toContain('has been returned to NHS Kent and Medway with your comments');
    await expect.poll(() => lp.locator('[data-testid="returned-banner"]').innerText()).toContain(COMMENT);
    expect(await lp.getByRole('button', { name: 'Return to the agency' }).count()).toBe(0);
    await settled(lp);
    await expectNoAxeViolations(lp, 'returned item (lead)');
    await screenshot(lp, 'kinship-item-returned-lead');
    await b.closeTab(lead);

    // The health partner sees the comment on the item and the status on the register.
    await hp.goto(b.url(HEALTH_ITEM));
    await expect.poll(() => status(hp)).toBe('Returned with comments');
    const banner = hp.locator('[data-testid="returned-banner"]');
    await expect.poll(() => banner.innerText()).toContain(COMMENT);
    expect(await banner.innerText()).toContain('Returned with comments');
    expect(await banner.innerText()).toContain('Make the changes, then send it for review again.');
    expect(await banner.innerText()).toMatch(/Jordan Ellis, \d+ \w+ \d{4}/);
    expect(await hp.getByRole('button', { name: 'Send for review' }).count()).toBe(1);
    await settled(hp);
    await expectNoAxeViolations(hp, 'returned item (partner)');
    await screenshot(hp, 'kinship-item-returned-partner');
    await openRegister(hp);
    const row = hp.locator('#register tbody tr', { hasText: 'Health advice when a child comes to live with you' });
    await expect.poll(() => row.locator('td[data-label="Status"] .govuk-tag').innerText()).toBe('Returned with comments');
    await expectNoAxeViolations(hp, 'register with a returned item (partner)');
    await b.closeTab(health);
  }, 90_000);
});
