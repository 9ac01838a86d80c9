import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTestApp, USERS, type TestApp } from '../support/api.js';

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

  it('when the tracker is built, it uses a fixed handful of Queries that does not grow with the data', async () => {
    const count = async (path: string) => {
      const send = vi.spyOn(DynamoDBDocumentClient.prototype, 'send');
      try {
        expect((await t.as(USERS.exec).get(path)).status).toBe(200);
        return send.mock.calls.map((c) => (c[0] as { constructor: { name: string } }).constructor.name);
      } finally {
        send.mockRestore();
      }
    };
    const before = await count('/api/tracker');
    expect(before.every((n) => n === 'QueryCommand' || n === 'GetCommand' || n === 'BatchGetCommand')).toBe(true);
    expect(before.length).toBeLessThanOrEqual(8);
    // More data: another period, a milestone, a criterion and a kinship item.
    expect((await t.as(USERS.lead).post('/api/periods', { id: '2026-27-Q4', dueDate: '2027-04-30' })).status).toBe(201);
    expect((await t.as(USERS.lead).post('/api/workstreams/kinship/milestones', { title: 'Extra milestone', ownerAgencyId: 'medway-council', dueDate: '2027-02-01' })).status).toBe(
      201,
    );
    expect((await t.as(USERS.lead).post('/api/workstreams/care-leavers/criteria', { title: 'Extra criterion', agencyIds: ['medway-council'] })).status).toBe(201);
    const after = await count('/api/tracker?periodId=2026-27-Q3');
    expect(after.length).toBe(before.length);
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
    expect(lines[0]).toMatch(/^Period,Agency,Status/);
    expect(lines).toHaveLength(5);
  });

  it.each(['risks', 'readiness', 'milestones'])('when %s.csv is downloaded, it has a header and rows', async (name) => {
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
