import { gunzipSync } from 'node:zlib';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_SECTION_HEADINGS, REPORT_SECTION_KEYS, REPORT_SECTION_MAX, type YearlyReportView } from '../../shared/reports/schema.js';
import { markersIn } from '../../shared/reports/text.js';
import { createTestApp, USERS, type TestApp } from '../support/api.js';

/**
 * The yearly partnership report (issue 16, part 2): the lead drafts it for a 12-month window from
 * the records (every figure marked with its source), edits it section by section (versioned and
 * audited, the personal-data rule on the text), drafts it again (edited sections kept), and the
 * lead and executive download it as a Word document. Everyone else is refused, nothing written.
 * The clock stands on 3 December 2026, in 2026-27 Q3.
 */
const NOW = new Date('2026-12-03T10:00:00.000Z');
const Q3 = '2026-27-Q3';
let t: TestApp;
const tokens = { kentLead: '', removed: '', deactivated: '' };

beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW });
  Object.assign(tokens, await t.outsiderTokens());
}, 120_000);
afterAll(async () => {
  await t.drop();
});

type Problem = { status: number; detail: string; errors?: { path: string; message: string; kind?: string }[] };
const lead = () => t.as(USERS.lead);
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });
const body = async <T>(res: Response) => (await res.json()) as T;
const paths = async (res: Response) => (await body<Problem>(res.clone())).errors?.map((e) => e.path) ?? [];
const counts = () => t.itemCounts();
const events = async (id: string) =>
  (await t.auditEventsOf('yearly-report', id)) as { action: string; actorName?: string; changes?: Record<string, { from: unknown; to: unknown }> }[];
const sectionOf = (r: YearlyReportView, key: string) => r.sections.find((s) => s.key === key)!;
const request = (token: string, method: string, path: string, json?: unknown, headers: Record<string, string> = {}) =>
  t.app.request(`/api/p/mscp${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });

let report: YearlyReportView;

describe('drafting the report', () => {
  it('when the lead drafts the report for the 12 months to 2026-27 Q3, it answers 201 with the Working Together sections, an ETag and Location, and writes it with one report.create event', async () => {
    const before = await counts();
    const res = await lead().post('/api/reports', { lastPeriodId: Q3 });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('location')).toBe(`/api/p/mscp/reports/${Q3}`);
    report = await body<YearlyReportView>(res);
    expect(report).toMatchObject({ id: Q3, firstPeriodId: '2025-26-Q4', lastPeriodId: Q3, start: '2026-01-01', end: '2026-12-31', version: 1, generatedByName: 'Jordan Ellis' });
    // The partnership opened three of the window's four quarters.
    expect(report.periodIds).toEqual(['2026-27-Q1', '2026-27-Q2', Q3]);
    expect(report.sections.map((s) => s.heading)).toEqual(REPORT_SECTION_KEYS.map((k) => REPORT_SECTION_HEADINGS[k]));
    expect(report.sections.every((s) => !s.edited && s.editedByName === null)).toBe(true);
    expect(await counts()).toEqual([before[0]! + 1, before[1]! + 1]);
    expect((await events(Q3)).map((e) => e.action)).toEqual(['report.create']);
  });

  it('when the draft is read, every marker names a source of its section, and every source is a portal page', () => {
    for (const s of report.sections) {
      const known = new Set(s.sources.map((x) => x.n));
      expect(
        markersIn(s.text).filter((n) => !known.has(n)),
        s.key,
      ).toEqual([]);
      expect(s.sources.map((x) => x.n)).toEqual(s.sources.map((_, i) => i + 1));
      for (const x of s.sources) expect(x.path).toMatch(/^\/(returns|tracker|measures|programme|readiness|threshold|kinship)\b/);
      expect(s.text.length).toBeLessThanOrEqual(REPORT_SECTION_MAX);
    }
  });

  it('when the draft is read, its figures are the records’: returns accepted, an outcome measure against target, readiness and an agency’s own words', () => {
    const did = sectionOf(report, 'what-we-did');
    expect(did.text).toContain('2026-27 Q2: 4 of 4 returns accepted');
    expect(did.sources).toContainEqual({ n: expect.any(Number), text: '2026-27 Q2: 4 of 4 returns accepted', path: '/returns/2026-27-Q2' });
    // The agencies' own narratives from the latest quarter with accepted returns, attributed and linked.
    expect(did.sources).toContainEqual(expect.objectContaining({ path: '/returns/2026-27-Q2/kent-police' }));
    const impact = sectionOf(report, 'impact');
    // Children in care: 544 in the accepted 2026-27 Q2 return, against the demo's target of 520 or fewer.
    expect(impact.text).toMatch(/Children in care: 544 in 2026-27 Q2, .*target 520 or fewer: Off target \[\d+\]/);
    // An indicator the lead keeps from the executive stays out of a report that is published.
    expect(impact.text).not.toContain('Police notifications to the front door');
    // A count below the small-number threshold is never given as its number.
    expect(impact.text).toContain('Children in unregistered or unregulated placements: Fewer than 5 in 2026-27 Q2');
    expect(sectionOf(report, 'effectiveness').text).toMatch(/\(MACPT readiness\): \d+% confirmed by the lead against \d+% self-assessed ready/);
    // A rating resting on returns not yet accepted is said to be provisional.
    expect(sectionOf(report, 'effectiveness').text).toContain('2026-27 Q3 Amber/Red (provisional: not every return accepted)');
    expect(sectionOf(report, 'reviews').text).toMatch(/^To be written by the partnership: the portal holds no records of child safeguarding practice reviews/);
  });

  it('when only submitted returns say something, it is never quoted: the draft quotes accepted returns only', () => {
    // Medway Council's 2026-27 Q3 return is submitted, not accepted.
    for (const s of report.sections) expect(s.sources.filter((x) => x.path === `/returns/${Q3}/medway-council`)).toEqual([]);
  });

  it('when a workstream is rated Amber/Red or Red in two quarters, it goes under little or no progress with the agencies’ narratives and escalations quoted and attributed', async () => {
    // The lead rates safeguarding Red for 2026-27 Q1 (final: the lead's own setting); Q2 is Amber/Red on accepted returns.
    const set = await lead().put('/api/tracker/overall/2026-27-Q1/safeguarding', { confidence: 'red', note: 'MACPT design late.' });
    expect(set.status, await set.clone().text()).toBe(200);
    const res = await lead().post('/api/reports', { lastPeriodId: '2026-27-Q2' });
    expect(res.status).toBe(201);
    const little = sectionOf(await body<YearlyReportView>(res), 'little-progress');
    expect(little.text).toMatch(/Improving Safeguarding and Multi-Agency Collaboration was rated Red in 2026-27 Q1 \[\d+\], Amber\/Red in 2026-27 Q2 \[\d+\]/);
    expect(little.text).toMatch(/- Kent Police, 2026-27 Q2: “[^”]+” \[\d+\]/);
    expect(little.text).toMatch(/- Kent Police, 2026-27 Q2, escalated: “[^”]+” \[\d+\]/);
    expect(little.sources).toContainEqual(
      expect.objectContaining({ text: 'Kent Police, 2026-27 Q2: progress narrative, accepted return', path: '/returns/2026-27-Q2/kent-police' }),
    );
  });

  it('when the window has a report already, drafting it again is 409 and writes nothing', async () => {
    const before = await counts();
    const res = await lead().post('/api/reports', { lastPeriodId: Q3 });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await counts()).toEqual(before);
  });

  it('when the request is bad, it answers 400 or 422 naming the field and writes nothing', async () => {
    const before = await counts();
    const cases: [unknown, number, string][] = [
      [{ lastPeriodId: '2026-27-Q9' }, 400, 'lastPeriodId'],
      [{ lastPeriodId: Q3, extra: 1 }, 400, 'extra'],
      [{}, 400, 'lastPeriodId'],
      // Not opened: nothing to report on.
      [{ lastPeriodId: '2027-28-Q1' }, 422, 'lastPeriodId'],
    ];
    for (const [json, status, field] of cases) {
      const res = await lead().post('/api/reports', json);
      expect(res.status, JSON.stringify(json)).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await paths(res), JSON.stringify(json)).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('editing the report', () => {
  it('when the lead saves a section with the version read, it answers 200 with the next version and records the text before and after in one report.edit event', async () => {
    const before = await counts();
    const text = 'The partners acted on two child safeguarding practice reviews published in 2026.\n\n- Review A: joint training on neglect.';
    const res = await lead().put(`/api/reports/${Q3}/sections/reviews`, { text }, ifMatch(1));
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    report = await body<YearlyReportView>(res);
    expect(sectionOf(report, 'reviews')).toMatchObject({ text, edited: true, editedByName: 'Jordan Ellis', editedAt: NOW.toISOString() });
    expect(report).toMatchObject({ version: 2, updatedByName: 'Jordan Ellis' });
    expect(await counts()).toEqual([before[0]!, before[1]! + 1]);
    const edit = (await events(Q3)).find((e) => e.action === 'report.edit')!;
    expect(edit.changes?.['sections.reviews']).toEqual({ from: expect.stringMatching(/^To be written by the partnership/), to: text });
    expect((await body<YearlyReportView>(await lead().get(`/api/reports/${Q3}`))).version).toBe(2);
  });

  it('when the text sent is the text saved, it answers 200 and writes and audits nothing', async () => {
    const before = await counts();
    const res = await lead().put(`/api/reports/${Q3}/sections/reviews`, { text: sectionOf(report, 'reviews').text }, ifMatch(2));
    expect(res.status).toBe(200);
    expect((await body<YearlyReportView>(res)).version).toBe(2);
    expect(await counts()).toEqual(before);
  });

  it('when If-Match is missing it is 428, and stale it is 412, and nothing is written', async () => {
    const before = await counts();
    expect((await lead().put(`/api/reports/${Q3}/sections/impact`, { text: 'Changed.' })).status).toBe(428);
    expect((await lead().put(`/api/reports/${Q3}/sections/impact`, { text: 'Changed.' }, ifMatch(1))).status).toBe(412);
    expect(await counts()).toEqual(before);
  });

  it('when the text is empty, too long, or not the only field, it is 400 naming the field; an unknown section or report is 404; nothing is written', async () => {
    const before = await counts();
    for (const json of [{ text: '   ' }, { text: 'x'.repeat(REPORT_SECTION_MAX + 1) }, { text: 'ok', heading: 'Mine' }]) {
      const res = await lead().put(`/api/reports/${Q3}/sections/impact`, json, ifMatch(2));
      expect(res.status).toBe(400);
      expect((await paths(res)).length).toBeGreaterThan(0);
    }
    expect((await lead().put(`/api/reports/${Q3}/sections/foreword`, { text: 'x' }, ifMatch(2))).status).toBe(404);
    expect((await lead().put('/api/reports/2026-27-Q1/sections/impact', { text: 'x' }, ifMatch(1))).status).toBe(404);
    expect((await lead().get('/api/reports/not-a-period')).status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('when the text holds an NHS number it is refused, and possible personal data needs confirming, as on every free-text write', async () => {
    const before = await counts();
    const nhs = await lead().put(`/api/reports/${Q3}/sections/impact`, { text: 'The child with NHS number 943 476 5919 was seen.' }, ifMatch(2));
    expect(nhs.status).toBe(422);
    expect((await body<Problem>(nhs)).errors).toEqual([expect.objectContaining({ path: 'text', kind: 'nhs-number' })]);
    const phone = await lead().put(`/api/reports/${Q3}/sections/impact`, { text: 'Call the team on 07700 900123.' }, ifMatch(2));
    expect(phone.status).toBe(422);
    expect(await counts()).toEqual(before);
    const confirmed = await lead().put(`/api/reports/${Q3}/sections/impact`, { text: 'Call the team on 07700 900123.' }, { ...ifMatch(2), 'Confirm-Personal-Data': 'true' });
    expect(confirmed.status).toBe(200);
    report = await body<YearlyReportView>(confirmed);
    expect(report.version).toBe(3);
  });
});

describe('drafting it again', () => {
  it('when a return is accepted after the draft, drafting again rewrites the sections not edited from the records and keeps the edited ones, in one report.regenerate event', async () => {
    const reviews = sectionOf(report, 'reviews');
    const impact = sectionOf(report, 'impact');
    const before = sectionOf(report, 'what-we-did');
    // Medway Council's submitted 2026-27 Q3 return: the lead accepts it.
    const ret = await lead().get(`/api/returns/${Q3}/medway-council`);
    const accepted = await lead().post(`/api/returns/${Q3}/medway-council/accept`, undefined, { 'If-Match': ret.headers.get('etag') ?? '' });
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    const res = await lead().post(`/api/reports/${Q3}/regenerate`, undefined, ifMatch(3));
    expect(res.status, await res.clone().text()).toBe(200);
    const again = await body<YearlyReportView>(res);
    expect(again.version).toBe(4);
    expect(sectionOf(again, 'reviews')).toEqual(reviews);
    expect(sectionOf(again, 'impact')).toEqual(impact);
    expect(sectionOf(again, 'what-we-did').text).not.toEqual(before.text);
    expect(sectionOf(again, 'what-we-did').text).toContain('2026-27 Q3: 1 of 4 returns accepted');
    const regen = (await events(Q3)).filter((e) => e.action === 'report.regenerate');
    expect(regen).toHaveLength(1);
    expect(Object.keys(regen[0]!.changes ?? {})).toContain('sections.what-we-did');
    expect(Object.keys(regen[0]!.changes ?? {})).not.toContain('sections.reviews');
    report = again;
  });

  it('when nothing has changed since, drafting again answers 200 and writes nothing', async () => {
    const before = await counts();
    const res = await lead().post(`/api/reports/${Q3}/regenerate`, undefined, ifMatch(4));
    expect(res.status).toBe(200);
    expect((await body<YearlyReportView>(res)).version).toBe(4);
    expect(await counts()).toEqual(before);
  });
});

describe('reading and downloading', () => {
  it('when the executive lists and reads the reports, they see them newest window first, without sections in the list', async () => {
    const list = await t.as(USERS.exec).get('/api/reports');
    expect(list.status).toBe(200);
    const rows = await body<Record<string, unknown>[]>(list);
    expect(rows.map((r) => r.id)).toEqual([Q3, '2026-27-Q2']);
    expect(rows.every((r) => !('sections' in r) && !('generatedBy' in r) && !('updatedBy' in r))).toBe(true);
    const one = await t.as(USERS.exec).get(`/api/reports/${Q3}`);
    expect(one.status).toBe(200);
    expect(one.headers.get('etag')).toBe('"4"');
  });

  it('when the executive downloads the Word document, it has the headings, the edited text and a figure, with the figures footnoted to their records', async () => {
    const res = await t.as(USERS.exec).get(`/api/reports/${Q3}/report.docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="mscp-yearly-report-2026-01-01-to-2026-12-31.docx"');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const doc = strFromU8(files['word/document.xml']!);
    for (const heading of Object.values(REPORT_SECTION_HEADINGS)) expect(doc).toContain(heading);
    expect(doc).toContain('The partners acted on two child safeguarding practice reviews published in 2026.');
    // A figure in a section the lead did not edit (drafted again once Medway Council's 2026-27 Q3 return was accepted), and its footnote.
    expect(doc).toContain('Children in care: 548 in 2026-27 Q3 against 520 or fewer');
    const notes = strFromU8(files['word/footnotes.xml']!);
    expect(notes).toContain('Children in care: 548, 2026-27 Q3, Off target');
    const links = Object.entries(files)
      .filter(([name]) => name.endsWith('.rels'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n');
    expect(links).toContain(`${t.config.portalUrl}/p/mscp/measures/placement-sufficiency`);
  });
});

describe('who may', () => {
  it('when a partner, Kent’s lead, a deactivated lead or someone with no record asks, they are refused and nothing is written', async () => {
    const before = await counts();
    const partner = await t.tokenFor(USERS.councilOfficer);
    const exec = await t.tokenFor(USERS.exec);
    for (const path of ['/reports', `/reports/${Q3}`, `/reports/${Q3}/report.docx`]) expect((await request(partner, 'GET', path)).status, path).toBe(403);
    // The executive reads; they never change it.
    expect((await request(exec, 'POST', '/reports', { lastPeriodId: '2026-27-Q1' })).status).toBe(403);
    expect((await request(exec, 'PUT', `/reports/${Q3}/sections/impact`, { text: 'Mine.' }, ifMatch(4))).status).toBe(403);
    expect((await request(exec, 'POST', `/reports/${Q3}/regenerate`, undefined, ifMatch(4))).status).toBe(403);
    expect((await request(partner, 'POST', '/reports', { lastPeriodId: '2026-27-Q1' })).status).toBe(403);
    // Kent's lead: Medway's reports do not exist for them.
    expect((await request(tokens.kentLead, 'GET', `/reports/${Q3}`)).status).toBe(404);
    expect((await request(tokens.kentLead, 'PUT', `/reports/${Q3}/sections/impact`, { text: 'Mine.' }, ifMatch(4))).status).toBe(404);
    for (const token of [tokens.deactivated, tokens.removed]) {
      expect((await request(token, 'GET', `/reports/${Q3}`)).status).toBe(401);
      expect((await request(token, 'PUT', `/reports/${Q3}/sections/impact`, { text: 'Mine.' }, ifMatch(4))).status).toBe(401);
    }
    expect(await counts()).toEqual(before);
  });

  it('when Kent’s lead lists Kent’s reports, Medway’s are not among them', async () => {
    const res = await t.app.request('/api/p/kscmp/reports', { headers: { Authorization: `Bearer ${tokens.kentLead}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
  });
});

describe('erasing personal data that slipped into a report', () => {
  const dump = async (table: string) => JSON.stringify((await t.doc.send(new ScanCommand({ TableName: table, ConsistentRead: true }))).Items ?? []);

  it('when the lead erases a confirmed phone number from the report, it goes from the report and from the edit’s audit event, and the report moves on a version', async () => {
    expect(await dump(t.config.tables.main)).toContain('07700 900123');
    const res = await lead().post('/api/erasures', {
      entityType: 'yearly-report',
      entityId: Q3,
      field: 'impact',
      text: '07700 900123',
      reason: "A practitioner's own mobile number.",
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ recordReplacements: 1, auditEvents: 1 });
    const after = await body<YearlyReportView>(await lead().get(`/api/reports/${Q3}`));
    expect(sectionOf(after, 'impact').text).toBe('Call the team on [removed].');
    expect(after.version).toBe(report.version + 1);
    expect(await dump(t.config.tables.main)).not.toContain('07700 900123');
    expect(await dump(t.config.tables.audit)).not.toContain('07700 900123');
    report = after;
  });

  it('when a report quoted a return before it was drafted again, erasing words from that return reaches the report’s history, and the other report that still quotes them', async () => {
    const words = 'the first cohort of 14 lead practitioners';
    // Drafted again after Medway Council's 2026-27 Q3 return was accepted, the 12 months to Q3 quote its Q3 words on Family Help: the Q2 words are in the report's history only.
    const q3 = await body<YearlyReportView>(await lead().get(`/api/reports/${Q3}`));
    expect(JSON.stringify(q3.sections)).not.toContain(words);
    expect(JSON.stringify(await events(Q3))).toContain(words);
    const q2Before = await body<YearlyReportView>(await lead().get('/api/reports/2026-27-Q2'));
    expect(sectionOf(q2Before, 'what-we-did').text).toContain(words);
    const res = await lead().post('/api/erasures', {
      entityType: 'return',
      entityId: '2026-27-Q2/medway-council',
      field: 'narrative',
      text: words,
      reason: 'Test of erasure reaching reports.',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await dump(t.config.tables.main)).not.toContain(words);
    expect(await dump(t.config.tables.audit)).not.toContain(words);
    // The report that still quoted the words moves on a version; the one whose history alone held them does not.
    expect((await body<YearlyReportView>(await lead().get('/api/reports/2026-27-Q2'))).version).toBe(q2Before.version + 1);
    expect((await body<YearlyReportView>(await lead().get(`/api/reports/${Q3}`))).version).toBe(q3.version);
    report = q3;
  });

  it('when the lead erases words the tracker shows (an escalation), no stored view of the tracker keeps them, and the tracker read afterwards shows them removed', async () => {
    const words = 'two dedicated MACPT detective posts';
    // Read as the executive: the period's view is stored with the escalation in it.
    expect(await (await t.as(USERS.exec).get('/api/tracker?periodId=2026-27-Q2')).text()).toContain(words);
    const views = async () =>
      (
        (
          await t.doc.send(
            new ScanCommand({ TableName: t.config.tables.main, ConsistentRead: true, FilterExpression: 'entity = :v', ExpressionAttributeValues: { ':v': 'TrackerView' } }),
          )
        ).Items ?? []
      ).map((v) => gunzipSync(v.body as Uint8Array).toString('utf8'));
    expect((await views()).some((v) => v.includes(words))).toBe(true);
    const res = await lead().post('/api/erasures', {
      entityType: 'return',
      entityId: '2026-27-Q2/kent-police',
      field: 'escalations',
      text: words,
      reason: 'Test of erasure reaching the tracker.',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await views()).some((v) => v.includes(words))).toBe(false);
    const after = await (await t.as(USERS.exec).get('/api/tracker?periodId=2026-27-Q2')).text();
    expect(after).not.toContain(words);
    expect(after).toContain('[removed]');
  });

  it('when the lead erases words from a return that reports quote, they go from the reports and from the reports’ history too', async () => {
    const words = "the force's legal services need to confirm";
    expect(sectionOf(report, 'little-progress').text).toContain(words);
    const res = await lead().post('/api/erasures', {
      entityType: 'return',
      entityId: '2026-27-Q2/kent-police',
      field: 'narrative',
      text: words,
      reason: 'Names a team by mistake.',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const after = await body<YearlyReportView>(await lead().get(`/api/reports/${Q3}`));
    expect(sectionOf(after, 'little-progress').text).toContain('The information-sharing agreement has not yet been signed: [removed] how the new duty');
    const q2 = await body<YearlyReportView>(await lead().get('/api/reports/2026-27-Q2'));
    expect(sectionOf(q2, 'little-progress').text).toContain('[removed]');
    expect(await dump(t.config.tables.main)).not.toContain(words);
    expect(await dump(t.config.tables.audit)).not.toContain(words);
  });
});
