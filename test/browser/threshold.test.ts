import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, fillDate, openFromMenu, screenshot, settled, useBrowserPortal } from './harness.js';

/*
 * The threshold document sign-off round in headless Chromium against the real server and its CSP:
 * the lead issues v4.0 through the form and its check answers step, council and police approve,
 * health requests changes, the lead issues v4.1 and all three approve, so it is signed off; then
 * v4.2 starts from v4.1's text and partners read what changed before they decide. axe-core runs on
 * every page state.
 */

const b = useBrowserPortal();

/** Opens the threshold page through the menu, as people do, and waits for the record. */
async function openThreshold(page: Page) {
  await openFromMenu(page, 'Threshold document');
  await page.getByRole('heading', { name: /^Current version: / }).waitFor();
  await settled(page);
}

const currentStatus = (page: Page) => page.locator('[data-testid="current-status"] .govuk-tag').innerText();

/** Decision, by and comment for each agency row of the sign-off table. */
async function signOffRows(page: Page): Promise<Record<string, string>> {
  const rows = page.locator('.app-signoff-table tbody tr');
  await rows.first().waitFor();
  const out: Record<string, string> = {};
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out[(await row.getAttribute('data-agency')) ?? '?'] = (await row.locator('td').first().innerText()).trim();
  }
  return out;
}

function markdownFor(label: string) {
  return [
    `# MSCP Threshold Document (${label})`,
    '',
    '## Purpose',
    '',
    'This document helps practitioners decide what help a child needs. It follows **Working Together 2023** and the *Children Act 1989*.',
    '',
    '## Levels of need',
    '',
    '- Level 1: universal services',
    '- Level 2: Family Help (targeted)',
    '- Level 3: Family Help (intensive, including section 17)',
    '- Level 4: child protection (section 47)',
    '',
    'See [Working Together to Safeguard Children](https://www.gov.uk/government/publications/working-together-to-safeguard-children--2) and [a bad link](javascript:alert(1)).',
  ].join('\n');
}

/** From the form, Continue to the check answers step (the caller then issues from there). */
async function continueToCheck(page: Page) {
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your answers before issuing' }).waitFor();
  await settled(page);
}

async function issue(page: Page, label: string, summary: string) {
  await page.getByRole('button', { name: 'Issue a new version' }).click();
  await page.getByRole('heading', { level: 1, name: 'Issue a new version' }).waitFor();
  // The form starts from the current version's text: wait for it before typing over it.
  await page.getByLabel('The document').waitFor();
  await page.getByLabel('Title').fill('MSCP Threshold Document');
  await page.getByLabel('Version label').fill(label);
  await page.getByLabel('Summary of changes').fill(summary);
  await fillDate(page, 'Effective from', '2026-04-01');
  await page.getByLabel('The document').fill(markdownFor(label));
  await continueToCheck(page);
  await page.getByRole('button', { name: 'Issue version' }).click();
  await page.getByRole('heading', { name: `Current version: ${label}` }).waitFor();
  await expect.poll(() => page.locator('.govuk-notification-banner--success').innerText()).toContain(`MSCP Threshold Document ${label} has been issued`);
}

/** The agency each signatory signs for: their row in the sign-off table. */
const SIGNS_FOR: Record<string, string> = {
  'council@mscp.example': 'medway-council',
  'police@mscp.example': 'kent-police',
  'health@mscp.example': 'nhs-kent-medway',
};

/** A signatory records a decision through the confirmation step; returns the statement they confirmed. */
async function decide(email: string, decision: 'approve' | 'request-changes', label: string, comment = '') {
  const tab = await b.newTab();
  const { page } = tab;
  await b.signIn(page, email);
  await openThreshold(page);
  await expect.poll(() => page.getByRole('heading', { name: `Current version: ${label}` }).count()).toBe(1);
  await expectNoAxeViolations(page, `${email} before deciding on ${label}`);
  await page.getByRole('button', { name: decision === 'approve' ? 'Approve' : 'Request changes', exact: true }).click();
  const statement = (await page.locator('[data-testid="confirm-statement"]').innerText()).replace(/\s+/g, ' ').trim();
  await expectNoAxeViolations(page, `${email} confirming ${decision} on ${label}`);
  if (decision === 'request-changes' && !comment) throw new Error('a comment is needed');
  if (decision === 'request-changes') {
    // Without a comment the request is refused before it is sent, with the error summary.
    await page.getByRole('button', { name: 'Send request for changes' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await expect.poll(() => page.locator('.govuk-error-summary a').innerText()).toBe('Say what needs to change before the document can be approved');
    await expectNoAxeViolations(page, `${email} request for changes without a comment`);
  }
  if (comment) await page.getByLabel(decision === 'approve' ? 'Comment (optional)' : 'What needs to change').fill(comment);
  await page.getByRole('button', { name: decision === 'approve' ? `Confirm approval of ${label}` : 'Send request for changes' }).click();
  await page.locator('.govuk-notification-banner--success').waitFor();
  await expect.poll(() => page.locator('[data-testid="cannot-sign"]').innerText()).toContain('Decisions are permanent');
  // The record reloads after the decision: read the table once it shows this signatory's decision.
  await expect.poll(async () => (await signOffRows(page))[SIGNS_FOR[email]!]).toBe(decision === 'approve' ? 'Approved' : 'Changes requested');
  await expectNoAxeViolations(page, `${email} after deciding on ${label}`);
  const shown = await signOffRows(page);
  const status = await currentStatus(page);
  await b.closeTab(tab);
  return { statement, rows: shown, status };
}

describe('threshold document sign-off', () => {
  const sha = (label: string) => createHash('sha256').update(markdownFor(label)).digest('hex');

  it('when people who do not sign open the page, each sees the record and why they cannot sign', async () => {
    for (const [email, why] of [
      ['exec@mscp.example', 'do not sign'],
      ['council.officer@mscp.example', 'not a signatory'],
      ['education@mscp.example', 'not a signatory'],
    ] as const) {
      const tab = await b.newTab();
      await b.signIn(tab.page, email);
      await openThreshold(tab.page);
      await expect.poll(() => tab.page.locator('[data-testid="cannot-sign"]').innerText()).toContain(why);
      expect(await tab.page.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);
      expect(await tab.page.getByRole('button', { name: 'Issue a new version' }).count()).toBe(0);
      await expectNoAxeViolations(tab.page, `${email} threshold page`);
      await b.closeTab(tab);
    }
  }, 60_000);

  it('when the lead issues v4.0, two partners approve and one requests changes, then v4.1 is issued and all approve, it is signed off', async () => {
    // The lead: the seeded record, then the form (empty, with errors, filled).
    const lead = await b.newTab();
    await b.signIn(lead.page, 'lead@mscp.example');
    await openThreshold(lead.page);
    await expect.poll(() => lead.page.getByRole('heading', { name: 'Current version: v3.0' }).count()).toBe(1);
    await expect.poll(() => lead.page.locator('[data-testid="cannot-sign"]').innerText()).toContain('programme lead issues');
    // The seeded v3.0 document renders from markdown with its hash.
    await expect.poll(() => lead.page.locator('.app-document h3').first().innerText()).toContain('MSCP Multi-Agency Threshold Document');
    await expect.poll(() => lead.page.locator('#document-sha256').innerText()).toMatch(/^[a-f0-9]{64}$/);
    await expectNoAxeViolations(lead.page, 'lead threshold page (v3.0)');
    await screenshot(lead.page, 'threshold-lead');

    await lead.page.getByRole('button', { name: 'Issue a new version' }).click();
    await lead.page.getByRole('heading', { level: 1, name: 'Issue a new version' }).waitFor();
    await settled(lead.page);
    // The form starts from v3.0: its title and text, the next label suggested; the summary is the lead's to write.
    await expect.poll(() => lead.page.getByLabel('The document').inputValue()).toMatch(/^# MSCP Multi-Agency Threshold Document \(v3\.0\)\n/);
    expect(await lead.page.getByLabel('Title').inputValue()).toBe('MSCP Multi-Agency Threshold Document');
    expect(await lead.page.getByLabel('Version label').inputValue()).toBe('v3.1');
    expect(await lead.page.locator('#versionLabel-hint').innerText()).toBe('The current version is v3.0. Use v3.1 for a revision, or v4.0 for a major new version.');
    expect(await lead.page.getByLabel('Summary of changes').inputValue()).toBe('');
    expect(await lead.page.locator('[data-testid="starting-point"]').innerText()).toContain('This starts from v3.0');
    await expectNoAxeViolations(lead.page, 'issue form');
    // Emptied, every answer is asked for before the check page.
    await lead.page.getByLabel('Title').fill('');
    await lead.page.getByLabel('Version label').fill('');
    await lead.page.getByLabel('The document').fill('');
    await lead.page.getByRole('button', { name: 'Continue' }).click();
    await lead.page.locator('.govuk-error-summary').waitFor();
    await expect
      .poll(() => lead.page.locator('.govuk-error-summary a').allInnerTexts())
      .toEqual([
        'Enter the title of the document',
        'Enter a version label, like v4.0',
        'Summarise what has changed since the last version',
        'Enter the date the version takes effect',
        'Enter the document, or choose to upload a PDF instead',
      ]);
    await expect.poll(() => lead.page.title()).toBe('Error: Issue a new version - Partnership Reform Portal');
    await expectNoAxeViolations(lead.page, 'issue form with errors');
    await screenshot(lead.page, 'threshold-issue-errors');
    // A label already issued is refused before the check page (the server refuses it too), and the error names the field.
    await lead.page.getByLabel('Title').fill('MSCP Threshold Document');
    await lead.page.getByLabel('Version label').fill('v3.0');
    await lead.page.getByLabel('Summary of changes').fill('x');
    await fillDate(lead.page, 'Effective from', '2026-02-31');
    await lead.page.getByLabel('The document').fill('# x');
    await lead.page.getByRole('button', { name: 'Continue' }).click();
    // An impossible date is named on its field before anything is sent; its link goes to the day box.
    await expect
      .poll(() => lead.page.locator('.govuk-error-summary a').allInnerTexts())
      .toEqual([expect.stringContaining('already been issued'), 'Effective date must be a real date']);
    await expect.poll(() => lead.page.locator('#effectiveFrom-error').innerText()).toContain('Effective date must be a real date');
    await lead.page.locator('.govuk-error-summary a').nth(1).click();
    await expect.poll(() => lead.page.evaluate(() => document.activeElement?.id)).toBe('effectiveFrom-day');
    await fillDate(lead.page, 'Effective from', '2026-04-01');
    await lead.page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => lead.page.locator('.govuk-error-summary a').allInnerTexts()).toEqual([expect.stringContaining('already been issued')]);
    expect(await lead.page.locator('.govuk-error-summary a').getAttribute('href')).toBe('#versionLabel');
    await lead.page.getByRole('link', { name: 'Cancel' }).click();
    await lead.page.getByRole('heading', { name: 'Current version: v3.0' }).waitFor();

    await issue(lead.page, 'v4.0', 'Refreshed for Family Help and multi-agency child protection teams.');
    await expect.poll(() => currentStatus(lead.page)).toBe('Awaiting sign-off');
    await expect.poll(async () => Object.values(await signOffRows(lead.page))).toEqual(['Not yet decided', 'Not yet decided', 'Not yet decided']);
    await expect.poll(() => lead.page.locator('#document-sha256').innerText()).toBe(sha('v4.0'));
    // Markdown: headings shifted under the page's h2, lists, bold, and only http(s) links.
    // The document body loads after the version record: wait for v4.0's own text before counting.
    await lead.page.locator('.app-document h3', { hasText: 'MSCP Threshold Document (v4.0)' }).waitFor();
    await expect.poll(() => lead.page.locator('.app-document ul li').count()).toBe(4);
    await expect.poll(() => lead.page.locator('.app-document strong').innerText()).toBe('Working Together 2023');
    await expect.poll(() => lead.page.locator('.app-document a').count()).toBe(1);
    expect(await lead.page.locator('.app-document a').getAttribute('href')).toMatch(/^https:\/\/www\.gov\.uk\//);
    await expect.poll(() => lead.page.locator('.app-document').innerText()).toContain('a bad link');
    await expectNoAxeViolations(lead.page, 'lead after issuing v4.0');

    // Council and police approve; health asks for changes.
    const council = await decide('council@mscp.example', 'approve', 'v4.0', 'Approved for Medway Council.');
    expect(council.statement).toBe(`You are approving MSCP Threshold Document v4.0, SHA-256 ${sha('v4.0')}.`);
    expect(council.rows['medway-council']).toBe('Approved');
    const police = await decide('police@mscp.example', 'approve', 'v4.0');
    expect(police.rows).toMatchObject({ 'medway-council': 'Approved', 'kent-police': 'Approved', 'nhs-kent-medway': 'Not yet decided' });
    expect(police.status).toBe('Awaiting sign-off');
    const health = await decide('health@mscp.example', 'request-changes', 'v4.0', 'Add the health visiting pathway to level 2.');
    expect(health.statement).toBe(`You are requesting changes to MSCP Threshold Document v4.0, SHA-256 ${sha('v4.0')}.`);
    expect(health.rows['nhs-kent-medway']).toBe('Changes requested');
    expect(health.status).toBe('Changes requested');

    // The lead sees the comment and issues v4.1.
    await lead.page.reload();
    await lead.page.getByRole('heading', { name: 'Current version: v4.0' }).waitFor();
    await settled(lead.page);
    await expect.poll(() => lead.page.locator('.app-signoff-table').innerText()).toContain('Add the health visiting pathway to level 2.');
    await expectNoAxeViolations(lead.page, 'lead after changes were requested');
    await issue(lead.page, 'v4.1', 'Adds the health visiting pathway to level 2, as NHS Kent and Medway asked.');
    await expect.poll(() => currentStatus(lead.page)).toBe('Awaiting sign-off');
    const historyRows = lead.page.locator('.app-history-table tbody tr');
    await expect.poll(async () => (await historyRows.allInnerTexts()).map((r) => r.split(/\s/)[0])).toEqual(['v4.1', 'v4.0', 'v3.0', 'v2.0']);
    const history = await historyRows.allInnerTexts();
    expect(history[1]).toContain('Superseded');
    expect(history[3]).toMatch(/Superseded\s+\d+ \w+ 2024/);

    for (const email of ['council@mscp.example', 'police@mscp.example', 'health@mscp.example']) {
      const r = await decide(email, 'approve', 'v4.1');
      expect(r.statement).toBe(`You are approving MSCP Threshold Document v4.1, SHA-256 ${sha('v4.1')}.`);
    }

    await lead.page.reload();
    await lead.page.getByRole('heading', { name: 'Current version: v4.1' }).waitFor();
    await settled(lead.page);
    await expect.poll(() => currentStatus(lead.page)).toBe('Signed off');
    await expect.poll(async () => Object.values(await signOffRows(lead.page))).toEqual(['Approved', 'Approved', 'Approved']);
    await expect.poll(() => lead.page.locator('.app-history-table tbody tr').first().innerText()).toContain('Signed off');
    await expectNoAxeViolations(lead.page, 'lead after sign-off');
    await screenshot(lead.page, 'threshold-signed-off');
    await b.closeTab(lead);
  }, 150_000);

  it("when the lead issues v4.2 from v4.1's text with edits, checks what changed and issues it, a signatory reads the changes and the document before deciding", async () => {
    const lead = await b.newTab();
    await b.signIn(lead.page, 'lead@mscp.example');
    await openThreshold(lead.page);
    await lead.page.getByRole('button', { name: 'Issue a new version' }).click();
    await lead.page.getByRole('heading', { level: 1, name: 'Issue a new version' }).waitFor();
    await settled(lead.page);
    // Pre-filled from v4.1 (signed off): its title and text, the next label; the summary is left to the lead.
    const documentField = lead.page.getByLabel('The document');
    await expect.poll(() => documentField.inputValue()).toBe(markdownFor('v4.1'));
    expect(await lead.page.getByLabel('Title').inputValue()).toBe('MSCP Threshold Document');
    expect(await lead.page.getByLabel('Version label').inputValue()).toBe('v4.2');
    expect(await lead.page.locator('#versionLabel-hint').innerText()).toBe('The current version is v4.1. Use v4.2 for a revision, or v5.0 for a major new version.');
    expect(await lead.page.getByLabel('Summary of changes').inputValue()).toBe('');
    await expectNoAxeViolations(lead.page, 'issue form starting from v4.1');

    // Edit one paragraph and one list item.
    const edited = markdownFor('v4.1')
      .replace('helps practitioners decide what help a child needs.', 'helps professionals decide what help a child or young person needs, and who provides it.')
      .replace('- Level 2: Family Help (targeted)', '- Level 2: Family Help (targeted, with the health visiting pathway)');
    await documentField.fill(edited);
    await lead.page.getByLabel('Summary of changes').fill('Purpose covers young people; level 2 names the health visiting pathway.');
    await fillDate(lead.page, 'Effective from', '2026-09-01');
    await continueToCheck(lead.page);

    // Check answers: every answer with a Change link naming it.
    const rows = lead.page.locator('[data-testid="check-answers"] .govuk-summary-list__row');
    await expect
      .poll(async () => (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim()))
      .toEqual([
        'Title MSCP Threshold Document Change title',
        'Version label v4.2 Change version label',
        'Effective from 1 September 2026 Change effective date',
        'Summary of changes Purpose covers young people; level 2 names the health visiting pathway. Change summary of changes',
        `The document Typed in the portal (${edited.length.toLocaleString('en-GB')} characters) Change the document`,
      ]);
    // What changed from v4.1: the two edits, each named in words and placed under its heading.
    await lead.page.getByRole('heading', { level: 2, name: 'What changed from v4.1' }).waitFor();
    await expect.poll(() => lead.page.locator('[data-testid="diff-summary"]').innerText()).toBe('2 parts changed. The other 7 parts are the same.');
    expect(await lead.page.locator('.app-diff__where').allInnerTexts()).toEqual(['Changed paragraph under “Purpose”', 'Changed list item under “Levels of need”']);
    const added = (await lead.page.locator('.app-diff__ins').allInnerTexts()).join(' ');
    expect(added).toMatch(/^added: /);
    expect(added).toContain('young person');
    expect(added).toContain('health visiting pathway');
    expect((await lead.page.locator('.app-diff__del').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '))).toEqual(['removed: practitioners']);
    await expect
      .poll(() => lead.page.locator('[data-testid="issue-warning"]').innerText())
      .toContain('Issuing cannot be undone: the current version will be superseded and every signatory asked to decide again.');
    await expectNoAxeViolations(lead.page, 'check answers with the changes from v4.1');
    await screenshot(lead.page, 'threshold-check-answers');

    // On a phone the check page fits without horizontal scrolling.
    await lead.page.setViewportSize({ width: 320, height: 640 });
    await settled(lead.page, { strict: true });
    await expect.poll(() => lead.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(lead.page, 'check answers at 320px');
    await screenshot(lead.page, 'threshold-check-answers-320');
    await lead.page.setViewportSize({ width: 1280, height: 900 });

    // Change goes back to the document, with what was typed kept and the field focused.
    await lead.page.getByRole('link', { name: 'Change the document' }).first().click();
    await lead.page.getByRole('heading', { level: 1, name: 'Issue a new version' }).waitFor();
    await expect.poll(() => lead.page.evaluate(() => document.activeElement?.id)).toBe('content');
    expect(await documentField.inputValue()).toBe(edited);
    expect(await lead.page.getByLabel('Summary of changes').inputValue()).toBe('Purpose covers young people; level 2 names the health visiting pathway.');
    expect(await lead.page.getByLabel('Version label').inputValue()).toBe('v4.2');
    await continueToCheck(lead.page);
    await expect.poll(() => lead.page.locator('[data-testid="diff-summary"]').innerText()).toBe('2 parts changed. The other 7 parts are the same.');
    await lead.page.getByRole('button', { name: 'Issue version' }).click();
    await lead.page.getByRole('heading', { name: 'Current version: v4.2' }).waitFor();
    await expect.poll(() => lead.page.locator('.govuk-notification-banner--success').innerText()).toContain('MSCP Threshold Document v4.2 has been issued');
    await expect.poll(() => lead.page.locator('#document-sha256').innerText()).toBe(createHash('sha256').update(edited).digest('hex'));
    await b.closeTab(lead);

    // The signatory: asked to read first; the changes, then the document, then the decision.
    const council = await b.newTab();
    await b.signIn(council.page, 'council@mscp.example');
    await openThreshold(council.page);
    const page = council.page;
    await expect.poll(() => page.getByRole('heading', { name: 'Current version: v4.2' }).count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid="read-first"]').innerText()).toContain('Read the document before you decide.');
    await expect.poll(() => page.locator('#changes [data-testid="diff-summary"]').innerText()).toBe('2 parts changed. The other 7 parts are the same.');
    expect(await page.locator('#changes-heading').innerText()).toBe('What changed from v4.1');
    await expect.poll(() => page.locator('#document .app-document').innerText()).toContain('who provides it');
    const order = await page.evaluate(() => {
      const follows = (a: Node, b: Node) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
      const changes = document.getElementById('changes')!;
      const doc = document.getElementById('document')!;
      const decision = document.getElementById('decision')!;
      const buttons = [...document.querySelectorAll('button')].filter((b) => /^(Approve|Request changes)$/.test(b.textContent!.trim()));
      return {
        changesBeforeDocument: follows(changes, doc),
        documentBeforeDecision: follows(doc, decision),
        buttons: buttons.length,
        buttonsInDecision: buttons.every((b) => decision.contains(b)),
        buttonsAfterDocument: buttons.every((b) => follows(doc, b)),
      };
    });
    expect(order).toEqual({ changesBeforeDocument: true, documentBeforeDecision: true, buttons: 2, buttonsInDecision: true, buttonsAfterDocument: true });
    await expectNoAxeViolations(page, 'signatory reading the changes from v4.1');
    await screenshot(page, 'threshold-signatory-changes');
    // Keyboard users who have read it already skip to the decision.
    await page.locator('.app-skip-to-decision').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('decision-heading');
    await b.closeTab(council);
  }, 90_000);

  it('when the lead issues a version as a PDF, its hash shows and signatories download the PDF they sign', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const lead = await b.newTab();
    await b.signIn(lead.page, 'lead@mscp.example');
    await openThreshold(lead.page);
    await lead.page.getByRole('button', { name: 'Issue a new version' }).click();
    await lead.page.getByLabel('The document').waitFor();
    await lead.page.getByLabel('Version label').fill('v5.0');
    await lead.page.getByLabel('Summary of changes').fill('Issued as the designed PDF.');
    await fillDate(lead.page, 'Effective from', '2027-04-01');
    await lead.page.getByLabel('Upload a PDF').check();
    await lead.page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => lead.page.locator('.govuk-error-summary a').allInnerTexts()).toEqual(['Choose the PDF of the document']);
    await expectNoAxeViolations(lead.page, 'issue form, PDF without a file');
    await lead.page.getByLabel('PDF of the document').setInputFiles({ name: 'threshold-v5.pdf', mimeType: 'application/pdf', buffer: pdf });
    await continueToCheck(lead.page);
    // A PDF cannot be compared with the text of v4.2: the check page says so.
    await expect.poll(() => lead.page.locator('[data-testid="check-answers"]').innerText()).toContain('PDF: threshold-v5.pdf (1 KB)');
    await expect.poll(() => lead.page.locator('#changes').innerText()).toContain('You are issuing a PDF, so the portal cannot compare it with v4.2.');
    await expectNoAxeViolations(lead.page, 'check answers for a PDF');
    await lead.page.getByRole('button', { name: 'Issue version' }).click();
    await lead.page.getByRole('heading', { name: 'Current version: v5.0' }).waitFor();
    await expect.poll(() => lead.page.locator('#document-sha256').innerText()).toBe(createHash('sha256').update(pdf).digest('hex'));
    await expect.poll(() => lead.page.locator('#changes').innerText()).toContain('v5.0 was issued as a PDF, so the portal cannot compare the two versions.');

    // The next version cannot start from a PDF's text: the form starts empty and says why.
    await lead.page.getByRole('button', { name: 'Issue a new version' }).click();
    await lead.page.getByRole('heading', { level: 1, name: 'Issue a new version' }).waitFor();
    await expect
      .poll(() => lead.page.locator('[data-testid="starting-point"]').innerText())
      .toBe("The current version, v5.0, was issued as a PDF, so there is no text to start from. Type or paste the new version's text, or upload a PDF.");
    expect(await lead.page.getByLabel('The document').inputValue()).toBe('');
    expect(await lead.page.getByLabel('Version label').inputValue()).toBe('v5.1');
    await expectNoAxeViolations(lead.page, 'issue form after a PDF version');
    await b.closeTab(lead);

    const council = await b.newTab();
    await b.signIn(council.page, 'council@mscp.example');
    await openThreshold(council.page);
    const [download] = await Promise.all([council.page.waitForEvent('download'), council.page.getByRole('button', { name: 'Download the PDF of v5.0' }).click()]);
    expect(download.suggestedFilename()).toBe('mscp-threshold-document-v5-0.pdf');
    await expectNoAxeViolations(council.page, 'PDF version (signatory)');
    await b.closeTab(council);
  }, 60_000);

  it('when someone reads it on a phone (320px), the tables and the hash fit without horizontal scrolling', async () => {
    const tab = await b.newTab({ width: 320, height: 640 });
    await b.signIn(tab.page, 'education@mscp.example');
    await openThreshold(tab.page);
    await settled(tab.page, { strict: true });
    expect(await tab.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(tab.page, 'threshold page at 320px');
    await screenshot(tab.page, 'threshold-320');
    await b.closeTab(tab);
  });
});
