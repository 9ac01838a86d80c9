import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { milestoneKeys, trackerKeys } from '../../functions/db/keys.js';
import { createTestApp, USERS, type TestApp } from '../support/api.js';
import { trackerHeadline } from '../../shared/tracker/headline.js';
import type { TrackerView } from '../../shared/tracker/views.js';
import type { z } from 'zod';

type TrackerResponse = z.infer<typeof TrackerView>;

type Tracker = {
  period: { id: string };
  matrix: { workstreamId: string; cells: { agencyId: string; confidence: string | null; state: string }[]; overall: { confidence: string | null; source: string } }[];
  trend: { workstreamId: string; points: { periodId: string; confidence: string | null }[] }[];
  returns: { agencyId: string; status: string }[];
  readiness: { workstreamId: string; highlighted: boolean; agencies: { agencyId: string }[] }[];
  threshold: { versionLabel: string; required: { agencyId: string; decision: unknown }[] } | null;
  kinship: { complete: boolean; overdueReviews: unknown[] };
  risks: { rating: string }[];
  escalations: { summary: string }[];
  milestones: { nextQuarter: { items: unknown[] }; overdue: { id: string }[] };
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date('2026-11-22T12:00:00Z') });
});
afterAll(async () => {
  await t.drop();
});

describe('the tracker', () => {
  it('when the executive opens it, everything for the current period is in one response', async () => {
    const res = await t.as(USERS.exec).get('/api/tracker');
    expect(res.status).toBe(200);
    const tr = (await res.json()) as Tracker;
    expect(tr.period.id).toBe('2026-27-Q3');
    expect(tr.matrix).toHaveLength(5);
    const council = tr.matrix[0]?.cells.find((c) => c.agencyId === 'medway-council');
    expect(council?.state).toBe('submitted');
    expect(tr.returns.map((r) => r.status).sort()).toEqual(['draft', 'not-started', 'returned', 'submitted']);
    expect(tr.trend[0]?.points.map((p) => p.periodId)).toEqual(['2026-27-Q1', '2026-27-Q2', '2026-27-Q3']);
    expect(tr.readiness.find((r) => r.highlighted)?.workstreamId).toBe('safeguarding');
    expect(tr.threshold?.versionLabel).toBe('v3.0');
    expect(tr.kinship.complete).toBe(true);
    expect(tr.milestones.overdue.map((m) => m.id)).toContain('sg-macpt-isa-signed');
  });

  it('when the headline is worked out, its figures are the demo’s: returns in of those due, ratings provisional until every return is accepted, sign-off and coverage', async () => {
    const tr = (await (await t.as(USERS.exec).get('/api/tracker')).json()) as TrackerResponse;
    const h = trackerHeadline(tr);
    expect(h.returns).toEqual({ received: 1, accepted: 0, expected: 4, overdue: 0 });
    // Only the council's return is in (submitted, not accepted): every rating resting on it is provisional.
    expect(h.workstreams.map((w) => [w.id, w.provisional, w.accepted])).toEqual(tr.matrix.map((m) => [m.workstreamId, m.overall.confidence !== null, 0]));
    expect(h.workstreams.every((w) => w.contributing === tr.matrix.find((m) => m.workstreamId === w.id)!.cells.length)).toBe(true);
    expect(h.readiness?.workstreamId).toBe('safeguarding');
    expect(h.threshold).toMatchObject({ versionLabel: 'v3.0', required: tr.threshold!.required.length });
    expect(h.kinship).toEqual({ covered: h.kinship.categories, categories: expect.any(Number), overdueReviews: tr.kinship.overdueReviews.length });
    const indicators = tr.measures.flatMap((w) => w.indicators);
    expect(h.measures.offTarget + h.measures.nearTarget + h.measures.onTarget + h.measures.notRated).toBe(indicators.length);
    expect(h.topRisks).toEqual(tr.risks.slice(0, 3));
    // Q2: every return accepted, so nothing is provisional.
    const q2 = trackerHeadline((await (await t.as(USERS.exec).get('/api/tracker?periodId=2026-27-Q2')).json()) as TrackerResponse);
    expect(q2.returns).toEqual({ received: 4, accepted: 4, expected: 4, overdue: 0 });
    expect(q2.workstreams.some((w) => w.provisional)).toBe(false);
  });

  it('when risks are listed, they come from reported returns only, highest rating first', async () => {
    const tr = (await (await t.as(USERS.lead).get('/api/tracker?periodId=2026-27-Q2')).json()) as Tracker;
    expect(tr.risks.length).toBeGreaterThan(0);
    const order = 'ABCD';
    const keys = tr.risks.map((r) => order.indexOf(r.rating[0]!) + ['I', 'II', 'III', 'IV'].indexOf(r.rating.slice(1)));
    expect([...keys].sort((a, b) => a - b)).toEqual(keys);
  });

  it("when a partner asks for the tracker, it is refused: it holds other agencies' risks and returns", async () => {
    expect((await t.as(USERS.police).get('/api/tracker')).status).toBe(403);
  });

  it('when the period is unknown or malformed, it answers 404 or 400', async () => {
    expect((await t.as(USERS.exec).get('/api/tracker?periodId=2031-32-Q1')).status).toBe(404);
    expect((await t.as(USERS.exec).get('/api/tracker?periodId=bad')).status).toBe(400);
  });

  const callsFor = async (path: string, as: string = USERS.exec) => {
    const send = vi.spyOn(DynamoDBDocumentClient.prototype, 'send');
    try {
      const res = await t.as(as).get(path);
      expect(res.status).toBe(200);
      return { calls: send.mock.calls.map((c) => (c[0] as { constructor: { name: string } }).constructor.name), body: (await res.json()) as TrackerResponse };
    } finally {
      send.mockRestore();
    }
  };

  it('when the tracker is read again with nothing changed, it is one call to its read model; worked out, it is a fixed handful of Queries', async () => {
    // Worked out from the records once (or read as the last change left it), then served as stored.
    const first = await callsFor('/api/tracker');
    expect(first.calls.length).toBeLessThanOrEqual(10);
    expect(first.calls.every((n) => ['QueryCommand', 'GetCommand', 'BatchGetCommand', 'BatchWriteCommand'].includes(n))).toBe(true);
    const again = await callsFor('/api/tracker');
    expect(again.calls).toEqual(['BatchGetCommand']);
    expect(again.body).toEqual(first.body);
  });

  it('when more data is added, each change works the tracker out again, and reading it stays one call that holds the change', async () => {
    expect((await t.as(USERS.lead).post('/api/periods', { id: '2026-27-Q4', dueDate: '2027-04-30' })).status).toBe(201);
    expect((await t.as(USERS.lead).post('/api/workstreams/kinship/milestones', { title: 'Extra milestone', ownerAgencyId: 'medway-council', dueDate: '2027-02-01' })).status).toBe(
      201,
    );
    expect((await t.as(USERS.lead).post('/api/workstreams/care-leavers/criteria', { title: 'Extra criterion', agencyIds: ['medway-council'] })).status).toBe(201);
    for (const path of ['/api/tracker', '/api/tracker?periodId=2026-27-Q3']) {
      const read = await callsFor(path);
      expect(read.calls, path).toEqual(['BatchGetCommand']);
      expect(read.body.milestones.all.some((m) => m.title === 'Extra milestone')).toBe(true);
      expect(read.body.periods.map((p) => p.id)).toContain('2026-27-Q4');
    }
  });

  it('when the count of changes moves on without the read model being worked out (a failed refresh), the next read works it out from the records: never stale', async () => {
    const before = await callsFor('/api/tracker', USERS.lead);
    expect(before.calls).toEqual(['BatchGetCommand']);
    // A change written beneath the API (its refresh lost): the milestone title and the count of changes.
    await t.doc.send(
      new UpdateCommand({
        TableName: t.config.tables.main,
        Key: milestoneKeys.milestone('mscp', 'kinship', 'extra-milestone'),
        UpdateExpression: 'SET title = :t',
        ExpressionAttributeValues: { ':t': 'Extra milestone, renamed' },
      }),
    );
    await t.doc.send(
      new UpdateCommand({ TableName: t.config.tables.main, Key: trackerKeys.epoch('mscp'), UpdateExpression: 'ADD epoch :one', ExpressionAttributeValues: { ':one': 1 } }),
    );
    const after = await callsFor('/api/tracker', USERS.lead);
    expect(after.calls.length).toBeGreaterThan(1);
    expect(after.body.milestones.all.some((m) => m.title === 'Extra milestone, renamed')).toBe(true);
    expect((await callsFor('/api/tracker', USERS.lead)).calls).toEqual(['BatchGetCommand']);
  });

  it('when the lead sets a workstream overall confidence, it overrides the worst-of rule; others cannot', async () => {
    expect((await t.as(USERS.exec).put('/api/tracker/overall/2026-27-Q3/kinship', { confidence: 'green' })).status).toBe(403);
    expect((await t.as(USERS.lead).put('/api/tracker/overall/2026-27-Q3/kinship', { confidence: 'purple' })).status).toBe(400);
    expect((await t.as(USERS.lead).put('/api/tracker/overall/2026-27-Q3/kinship', { confidence: 'amber', note: 'Pilot funding confirmed late.' })).status).toBe(200);
    const tr = (await (await t.as(USERS.exec).get('/api/tracker')).json()) as Tracker;
    expect(tr.matrix.find((m) => m.workstreamId === 'kinship')?.overall).toMatchObject({ confidence: 'amber', source: 'lead' });
  });
});

describe('exports', () => {
  it('when the executive downloads returns.csv, it has one row per reporting agency', async () => {
    const res = await t.as(USERS.exec).get('/api/exports/returns.csv?periodId=2026-27-Q3');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Period,Months,Agency,Status,/);
    expect(lines).toHaveLength(5);
  });

  it('when returns.csv is read, it speaks the reader’s language: labels, London dates and times, provisional ratings said, narratives and escalations quoted', async () => {
    const text = (await (await t.as(USERS.exec).get('/api/exports/returns.csv?periodId=2026-27-Q3')).text()).replace(/^\uFEFF/, '');
    const [header = '', ...rows] = text.trim().split('\r\n');
    expect(header).toContain('Delivery confidence: Family Help and Early Intervention');
    expect(header).toContain('Progress narrative: Family Help and Early Intervention');
    expect(header).toContain('Escalations: Family Help and Early Intervention');
    const council = rows.find((r) => r.includes('Medway Council'))!;
    // Submitted in the demo, not yet accepted: its ratings are provisional, and it says so.
    expect(council).toMatch(/^2026-27 Q3,October to December 2026,Medway Council,Submitted,No,No,2027-01-31,2026-\d\d-\d\d \d\d:\d\d,,/);
    expect(council).toMatch(/(Green|Amber\/Green|Amber|Amber\/Red|Red) \(provisional: submitted, not yet accepted\)/);
    expect(text).not.toMatch(/,(amber-red|amber-green|not-started|on-track),/);
  });

  it('when milestones.csv is read, it has every milestone, closed ones too, with statuses in words and due dates as dates', async () => {
    const all = (await (await t.as(USERS.lead).get('/api/workstreams')).json()) as { milestones: unknown[] }[];
    const text = (await (await t.as(USERS.lead).get('/api/exports/milestones.csv?periodId=2026-27-Q3')).text()).replace(/^\uFEFF/, '');
    const [header, ...rows] = text.trim().split('\r\n');
    expect(header).toBe('Workstream,Milestone,Owner,Due date,Status,Closed,Overdue,Due in 2026-27 Q3,Due in 2026-27 Q4');
    expect(rows).toHaveLength(all.flatMap((w) => w.milestones).length);
    expect(rows.every((r) => /,\d{4}-\d{2}-\d{2},(Not started|On track|At risk|Off track|Complete),(Yes|No),(Yes|No),(Yes|No),(Yes|No)$/.test(r))).toBe(true);
  });

  it('when confidence.csv is read, it has each workstream’s rating for every quarter up to the one asked for, final or provisional', async () => {
    const text = (await (await t.as(USERS.lead).get('/api/exports/confidence.csv?periodId=2026-27-Q3')).text()).replace(/^\uFEFF/, '');
    const [header, ...rows] = text.trim().split('\r\n');
    expect(header).toBe('Workstream,Retired,Period,Months,Overall delivery confidence,Final or provisional');
    expect(rows.filter((r) => r.startsWith('Family Help and Early Intervention,')).map((r) => r.split(',')[2])).toEqual(['2026-27 Q1', '2026-27 Q2', '2026-27 Q3']);
    expect(rows.some((r) => r.includes('Provisional: not every contributing agency'))).toBe(true);
    expect(rows.some((r) => r.endsWith(',Final'))).toBe(true);
  });

  it.each(['risks', 'readiness', 'milestones', 'confidence', 'measures'])('when %s.csv is downloaded, it has a header and rows', async (name) => {
    const res = await t.as(USERS.lead).get(`/api/exports/${name}.csv?periodId=2026-27-Q2`);
    expect(res.status).toBe(200);
    expect((await res.text()).trim().split('\r\n').length).toBeGreaterThan(1);
  });

  it('when a partner asks for an export, it is refused', async () => {
    expect((await t.as(USERS.police).get('/api/exports/returns.csv')).status).toBe(403);
  });

  it('when the workbook is downloaded, it is a valid XLSX with one sheet per export', async () => {
    const res = await t.as(USERS.exec).get('/api/exports/tracker.xlsx');
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet4.xml']));
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('name="Returns"');
  });
});
