import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dueIndicators } from '../../shared/measures/rules.js';
import type { MeasuresView } from '../../shared/measures/schema.js';
import { seedWithoutCertification } from '../support/tables.js';
import { expectNoAxeViolations, h1, settled, useBrowserPortal } from './harness.js';

/*
 * Outcome indicator values in the quarterly return (issue 15), in headless Chromium against the
 * real server: the lead adds "Care leavers registered with a GP" to Supporting Care Leavers,
 * reported by NHS Kent and Medway; a partner there enters its value beside the target, is told
 * when a value cannot be recorded (a decimal count, a count of children below the small-number
 * threshold), saves it and sees it on check your answers. Once that quarter is submitted and the next one
 * opens, a value far from it is queried, and saved once the partner confirms it; the lead sees the
 * values on the review page. axe-core runs on every state.
 */

const Q3 = '2026-27-Q3';
const Q4 = '2026-27-Q4';
const WS = 'care-leavers';
const SECTION = 'Supporting Care Leavers';
const NAME = 'Care leavers registered with a GP';
const NHS = 'nhs-kent-medway';
const PARTNER = 'health@mscp.example';

const b = useBrowserPortal({ seed: seedWithoutCertification() });

/** Calls to the API as one person, as other people's work before and between the steps in the browser (paths within the partnership). */
async function as(email: string) {
  const call = await b.apiAs(email);
  return (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => call(method, `/api/p/mscp${path}`, body, headers);
}

interface SectionJson {
  workstreamId: string;
  confidence: string | null;
  narrative: string;
  milestones: unknown[];
  risks: unknown[];
  escalations: unknown[];
  metrics: unknown[];
  indicators: { indicatorId: string; value: number | null; belowThreshold: boolean; note: string; confirmed: boolean }[];
}

/**
 * The partner finishes every other section of the NHS Q3 return and submits it (as the whole-round
 * suite does in the browser); an indicator due with no value yet gets a note saying why.
 */
async function submitNhsQ3() {
  const partner = await as(PARTNER);
  const got = await partner('GET', `/returns/${Q3}/${NHS}`);
  expect(got.status).toBe(200);
  const view = (await got.json()) as { sections: SectionJson[] };
  const measures = (await (await partner('GET', '/measures')).json()) as MeasuresView;
  const indicators = measures.workstreams.flatMap((w) => w.indicators);
  const sections = view.sections.map((s) => ({
    workstreamId: s.workstreamId,
    confidence: 'amber-green',
    narrative: 'Work continues with partners as planned this quarter.',
    milestones: s.milestones,
    risks: s.risks,
    escalations: s.escalations,
    metrics: s.metrics,
    indicators: [
      ...s.indicators,
      ...dueIndicators(indicators, s.workstreamId, NHS, Q3)
        .filter((i) => !s.indicators.some((v) => v.indicatorId === i.id))
        .map((i) => ({ indicatorId: i.id, value: null, belowThreshold: false, note: 'Not available this quarter.', confirmed: false })),
    ],
  }));
  const put = await partner('PUT', `/returns/${Q3}/${NHS}`, { sections }, { 'If-Match': got.headers.get('ETag')! });
  expect(put.status, await put.clone().text()).toBe(200);
  const submit = await partner('POST', `/returns/${Q3}/${NHS}/submit`, { acknowledgeWarnings: true }, { 'If-Match': put.headers.get('ETag')! });
  expect(submit.status, await submit.clone().text()).toBe(200);
}

const group = (page: Page) => page.getByRole('group', { name: NAME });
const valueField = (page: Page, period: string) => page.getByLabel(`Value for ${period}`);
const summary = (page: Page) => page.locator('.govuk-error-summary');

async function openSection(page: Page, periodId: string) {
  await page.goto(b.url(`/our-return/${periodId}/section/${WS}`));
  await expect.poll(() => h1(page)).toBe(SECTION);
  await group(page).waitFor();
  await settled(page, { strict: true });
}

async function saveAndSee(page: Page, period: string) {
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect.poll(() => h1(page)).toBe(`Your return for ${period}`);
  await page.getByText(`${SECTION} saved`).waitFor();
}

/** The indicators row of the section's card on check your answers. */
async function checkAnswersRow(page: Page, periodId: string) {
  await page.goto(b.url(`/our-return/${periodId}/check`));
  await expect.poll(() => h1(page)).toMatch(/Check your answers|Your return/);
  const card = page.locator(`#section-${WS}`);
  const row = card.locator('.govuk-summary-list__row', { has: page.getByText('Outcome indicators', { exact: true }) });
  await row.getByText(`${NAME}:`).waitFor();
  return row;
}

beforeAll(async () => {
  const lead = await as('lead@mscp.example');
  const res = await lead('POST', `/workstreams/${WS}/indicators`, {
    name: NAME,
    unit: 'count',
    countsChildren: true,
    direction: 'higher',
    target: 200,
    tolerance: 10,
    reportingAgencyId: NHS,
  });
  expect(res.status, await res.clone().text()).toBe(201);
});

describe('outcome indicators in the quarterly return', () => {
  it('when a partner enters a value, it is shown beside the target, refused when it cannot be recorded, saved, and shown on check your answers', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, PARTNER);
    await openSection(page, Q3);
    const facts = await group(page).locator('.app-indicator-facts').innerText();
    expect(facts).toContain('Target: 200 or more');
    expect(facts).toContain('Last reported: None reported before this quarter');
    await expectNoAxeViolations(page, 'section form with an outcome indicator');

    // A count of 1 to 4 children could identify a child: the partner is told to choose "Fewer than 5".
    await valueField(page, '2026-27 Q3').fill('3');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await summary(page)
      .getByRole('link', { name: /Counts of 1 to 4 children are not recorded/ })
      .click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('indicators-0-value');
    await expect.poll(() => page.locator('#indicators-0-value-error').innerText()).toContain('Choose "fewer than 5" instead');
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await expectNoAxeViolations(page, 'a count of children below the small-number threshold');

    // A count is a whole number.
    await valueField(page, '2026-27 Q3').fill('190.5');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect.poll(() => page.locator('#indicators-0-value-error').innerText()).toContain('Enter a whole number, 0 or more');
    await expectNoAxeViolations(page, 'a decimal count');

    await valueField(page, '2026-27 Q3').fill('190');
    await group(page).getByLabel('Note (optional)').fill('GP practices now share registrations with the leaving care team.');
    await saveAndSee(page, '2026-27 Q3');

    const row = await checkAnswersRow(page, Q3);
    await expect.poll(() => row.innerText()).toContain(`${NAME}: 190`);
    expect(await row.innerText()).toContain('GP practices now share registrations with the leaving care team.');
    await expectNoAxeViolations(page, 'check your answers with an indicator value');

    // At 320 px the form still fits the screen.
    await page.setViewportSize({ width: 320, height: 800 });
    await openSection(page, Q3);
    expect(await valueField(page, '2026-27 Q3').inputValue()).toBe('190');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page, 'section form at 320 px');
    await b.closeTab(tab);
  });

  it('when a value is far from the last one reported, the partner is asked to check it and it is saved once confirmed; the lead sees the values', async () => {
    await submitNhsQ3();
    const lead = await as('lead@mscp.example');
    expect((await lead('POST', '/periods', { id: Q4, dueDate: '2027-04-30' })).status).toBe(201);

    const tab = await b.newTab();
    const { page } = tab;
    await b.signIn(page, PARTNER);
    await openSection(page, Q4);
    expect(await group(page).locator('.app-indicator-facts').innerText()).toContain('Last reported: 190 in 2026-27 Q3 (not yet accepted)');

    await valueField(page, '2026-27 Q4').fill('270');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    const message = /Care leavers registered with a GP: This is \d+% higher than the last value reported \(270 against 190 in 2026-27 Q3\)/;
    await summary(page).getByRole('heading', { name: 'Check these values' }).waitFor();
    const confirm = group(page).getByLabel('I have checked this value and it is correct');
    await confirm.waitFor();
    // The query shows at the value as a warning, not an error.
    await expect.poll(() => group(page).locator('.govuk-warning-text').innerText()).toMatch(message);
    expect(await page.locator('#indicators-0-value-error').count()).toBe(0);
    await summary(page).getByRole('link', { name: message }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('indicators-0-value');
    await expectNoAxeViolations(page, 'a queried value');

    // Typing the value again takes the confirmation away.
    await confirm.check();
    await valueField(page, '2026-27 Q4').fill('271');
    expect(await confirm.isChecked()).toBe(false);
    await valueField(page, '2026-27 Q4').fill('270');
    await confirm.check();
    await saveAndSee(page, '2026-27 Q4');

    const row = await checkAnswersRow(page, Q4);
    await expect.poll(() => row.innerText()).toContain(`${NAME}: 270`);
    expect(await row.innerText()).toContain('Confirmed as correct after the portal queried it');
    await expectNoAxeViolations(page, 'check your answers with a confirmed value');
    await b.closeTab(tab);

    // The lead reads the submitted Q3 return with its value.
    const leadTab = await b.newTab();
    await b.signIn(leadTab.page, 'lead@mscp.example');
    await leadTab.page.goto(b.url(`/returns/${Q3}/${NHS}`));
    const card = leadTab.page.locator(`#section-${WS}`);
    await card.getByText(`${NAME}:`).waitFor();
    await expect.poll(() => card.innerText()).toContain(`${NAME}: 190`);
    await expectNoAxeViolations(leadTab.page, 'the lead’s review with an indicator value');
    await b.closeTab(leadTab);
  });
});
