import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { measureKeys, returnKeys } from '../../functions/db/keys.js';
import type { Mailer } from '../../functions/mail/mailer.js';
import { MeasureRepository } from '../../functions/repositories/measure-repository.js';
import type { ValueGroup } from '../../shared/measures/series.js';
import { formatPeriodId, type Quarter } from '../../shared/periods/period.js';
import { createTestApp, USERS, type TestApp } from '../support/api.js';

/**
 * Outcome measures (issue 15): the lead sets up indicators per workstream (each change one write
 * with its audit event; everyone else refused, nothing written); the reporting agency enters values
 * in its return (unit, small-number and query rules; nothing written when refused); the measures
 * view shows a value once its return reaches the lead (provisional when submitted, accepted when
 * accepted, drafts never), for the executive only what is published to them; a value recorded as
 * "fewer than N" keeps its meaning when the lead changes N; and one workstream's measures are a
 * fixed number of reads whatever the number of quarters. Every indicator here is
 * this file's own (names start "MT"), so demo indicators in the seed do not change the answers.
 * The clock stands on 3 December 2026, in 2026-27 Q3.
 */
const NOW = new Date('2026-12-03T10:00:00.000Z');
const Q3 = '2026-27-Q3';
const mailer: Mailer = { send: async () => ({ messageId: 'measures' }) };
let t: TestApp;
/** Tokens of people who must be refused: Kent's lead (no record in Medway), someone with no record, a deactivated Medway lead. */
const tokens = { kentLead: '', removed: '', deactivated: '' };

beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW, deps: { mailer } });
  Object.assign(tokens, await t.outsiderTokens());
}, 120_000);
afterAll(async () => {
  await t.drop();
});

type Problem = { status: number; type: string; detail: string; errors?: { path: string; message: string; kind?: string }[] };
type Indicator = { id: string; name: string; version: number; retired: boolean; reportingAgencyName: string; publishedToExecutive: boolean; target: number | null };
type Point = { periodId: string; value: number | null; belowThreshold: boolean; state: 'accepted' | 'provisional' };
type Series = Indicator & { reportingAgencyId: string; frequency: string; points: Point[]; latest: Point | null; changeSinceLast: number | null; rag: string | null };
type Measures = { upTo: string | null; settings: { smallNumberThreshold: number; version: number }; workstreams: { id: string; indicators: Series[] }[] };
type ReturnView = { status: string; version: number; requiredWorkstreamIds: string[]; sections: { workstreamId: string; indicators: unknown[] }[] };

const lead = () => t.as(USERS.lead);
const json = async <T>(res: Response | Promise<Response>) => (await (await res).json()) as T;
const ifMatch = (version: number | string) => ({ 'If-Match': `"${version}"` });
const etagOf = (res: Response) => res.headers.get('etag') ?? '';
const paths = async (res: Response) => ((await res.clone().json()) as Problem).errors?.map((e) => e.path) ?? [];
const counts = () => t.itemCounts();
// The clock stands still, so a record's events are told apart by action, not by time: sorted by action.
const indicatorEvents = async (workstreamId: string, id: string) =>
  ((await t.auditEventsOf('indicator', `${workstreamId}/${id}`)) as { action: string; changes?: unknown }[]).map((e) => e.action).sort();

const measures = async (email: string, query: string) => {
  const res = await t.as(email).get(`/api/measures?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Measures;
};
const seriesOf = async (email: string, workstreamId: string, id: string) =>
  (await measures(email, `workstreamId=${workstreamId}`)).workstreams.find((w) => w.id === workstreamId)?.indicators.find((i) => i.id === id);

const indicatorsPath = (workstreamId: string) => `/api/workstreams/${workstreamId}/indicators`;
/** A valid indicator, reported by Medway Council, unless told otherwise. */
const body = (over: Record<string, unknown> = {}) => ({
  name: 'MT Children placed within 20 miles',
  definition: 'Children in care placed within 20 miles of home at the end of the quarter.',
  unit: 'count',
  countsChildren: true,
  direction: 'higher',
  target: 40,
  tolerance: 5,
  reportingAgencyId: 'medway-council',
  ...over,
});
async function create(workstreamId: string, over: Record<string, unknown> = {}) {
  const res = await lead().post(indicatorsPath(workstreamId), body(over));
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Indicator;
}

describe('adding and changing indicators', () => {
  let placed: Indicator;

  it('when the lead adds an indicator, it answers 201 with an ETag and Location, writes it with one indicator.create event, and the view shows it with no values', async () => {
    const before = await counts();
    const res = await lead().post(indicatorsPath('placement-sufficiency'), body());
    expect(res.status).toBe(201);
    placed = (await res.json()) as Indicator;
    expect(placed).toMatchObject({ id: 'mt-children-placed-within-20-miles', version: 1, retired: false, reportingAgencyName: 'Medway Council', publishedToExecutive: true });
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('location')).toBe(`/api/p/mscp/workstreams/placement-sufficiency/indicators/${placed.id}`);
    expect(await counts()).toEqual([before[0]! + 1, before[1]! + 1]);
    expect(await indicatorEvents('placement-sufficiency', placed.id)).toEqual(['indicator.create']);
    expect(await seriesOf(USERS.police, 'placement-sufficiency', placed.id)).toMatchObject({ name: body().name, points: [], latest: null, rag: null });
  });

  it.each([
    ['an unknown field', 400, ['colour'], { colour: 'blue' }],
    ['a name over 120 characters', 400, ['name'], { name: 'M'.repeat(121) }],
    ['no name', 400, ['name'], { name: '  ' }],
    ['a unit that does not exist', 400, ['unit'], { unit: 'litres' }],
    ['a negative tolerance', 400, ['tolerance'], { tolerance: -1 }],
    ['a percentage target of 150', 422, ['target'], { unit: 'percentage', countsChildren: false, target: 150 }],
    ['a range without its upper end', 422, ['targetMax'], { direction: 'range', target: 30 }],
    ['a range whose upper end is below its lower end', 422, ['targetMax'], { direction: 'range', target: 30, targetMax: 20 }],
    ['an upper end when higher is better', 422, ['targetMax'], { targetMax: 50 }],
    ['a count of children in percentages', 422, ['countsChildren'], { unit: 'percentage', target: 50 }],
    ['a tolerance without a target', 422, ['tolerance'], { target: null }],
    ['a baseline of half a child', 422, ['baseline.value'], { baseline: { value: 30.5, date: '2026-03-31' } }],
    ['a reporting agency that does not report on the workstream', 422, ['reportingAgencyId'], { reportingAgencyId: 'kent-police' }],
    ['a reporting agency that does not exist', 422, ['reportingAgencyId'], { reportingAgencyId: 'nobody-at-all' }],
    [
      'several wrong answers at once',
      422,
      ['countsChildren', 'target', 'targetMax', 'reportingAgencyId'],
      { name: 'MT Several wrong', unit: 'percentage', direction: 'range', target: 150, reportingAgencyId: 'kent-police' },
    ],
  ] as const)('when the lead adds an indicator with %s, it answers %i problem+json naming %j and writes nothing', async (_what, status, fields, over) => {
    const before = await counts();
    const res = await lead().post(indicatorsPath('placement-sufficiency'), body({ name: 'MT Refused indicator', ...over }));
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await paths(res)).toEqual(fields);
    expect(await counts()).toEqual(before);
  });

  it('when the name is already used in the workstream (in any case), it answers 422 naming it; in another workstream it is allowed', async () => {
    const before = await counts();
    const res = await lead().post(indicatorsPath('placement-sufficiency'), body({ name: 'mt children PLACED within 20 miles' }));
    expect(res.status).toBe(422);
    expect(await paths(res)).toEqual(['name']);
    expect(await counts()).toEqual(before);
    const elsewhere = await create('care-leavers');
    expect(elsewhere.id).toBe(placed.id);
  });

  it('when the workstream does not exist, it answers 404 and writes nothing', async () => {
    const before = await counts();
    expect((await lead().post(indicatorsPath('no-such-workstream'), body())).status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('when a change has no If-Match it answers 428; a stale one 412; nothing is written', async () => {
    const before = await counts();
    const path = `${indicatorsPath('placement-sufficiency')}/${placed.id}`;
    expect((await lead().patch(path, { target: 45 })).status).toBe(428);
    expect((await lead().patch(path, { target: 45 }, ifMatch(7))).status).toBe(412);
    expect((await lead().post(`${path}/retire`, undefined)).status).toBe(428);
    expect((await lead().post(`${path}/retire`, undefined, ifMatch(7))).status).toBe(412);
    expect(await counts()).toEqual(before);
  });

  it('when the lead changes the target, it is saved at the next version with one indicator.update event recording the change', async () => {
    const before = await counts();
    const res = await lead().patch(`${indicatorsPath('placement-sufficiency')}/${placed.id}`, { target: 45 }, ifMatch(1));
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    placed = (await res.json()) as Indicator;
    expect(placed).toMatchObject({ target: 45, version: 2, name: body().name });
    expect(await counts()).toEqual([before[0]!, before[1]! + 1]);
    const events = (await t.auditEventsOf('indicator', `placement-sufficiency/${placed.id}`)) as { action: string; changes?: Record<string, unknown> }[];
    expect(events.find((e) => e.action === 'indicator.update')?.changes).toEqual({ target: { from: 40, to: 45 } });
  });

  it('when the lead sends the same values again, it answers 200 at the same version and writes nothing', async () => {
    const before = await counts();
    const res = await lead().patch(`${indicatorsPath('placement-sufficiency')}/${placed.id}`, { target: 45, name: body().name, unit: 'count' }, ifMatch(2));
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    expect(await counts()).toEqual(before);
    expect(await indicatorEvents('placement-sufficiency', placed.id)).toEqual(['indicator.create', 'indicator.update']);
  });

  it.each([
    ['a change that leaves a range without its upper end', 422, ['targetMax'], { direction: 'range' }],
    ['a change of unit the target does not fit', 422, ['target'], { unit: 'percentage', countsChildren: false, target: 150 }],
    ['a reporting agency that does not report on the workstream', 422, ['reportingAgencyId'], { reportingAgencyId: 'kent-police' }],
    ['the name of another indicator of the workstream', 422, ['name'], { name: 'MT Second placement measure' }],
    ['an unknown field', 400, ['colour'], { colour: 'blue' }],
    ['nothing at all', 400, [], {}],
  ] as const)('when the lead sends %s, it answers %i naming %j and writes nothing', async (_what, status, fields, patch) => {
    if (!(await seriesOf(USERS.lead, 'placement-sufficiency', 'mt-second-placement-measure'))) await create('placement-sufficiency', { name: 'MT Second placement measure' });
    const before = await counts();
    const res = await lead().patch(`${indicatorsPath('placement-sufficiency')}/${placed.id}`, patch, ifMatch(2));
    expect(res.status).toBe(status);
    // A 422 names exactly the fields at fault; a 400 may also carry a message about the body as a whole.
    expect(await paths(res)).toEqual(status === 422 ? fields : expect.arrayContaining([...fields]));
    expect(await counts()).toEqual(before);
  });

  it('when the indicator does not exist in that workstream, a change answers 404', async () => {
    expect((await lead().patch(`${indicatorsPath('kinship')}/${placed.id}`, { target: 50 }, ifMatch(2))).status).toBe(404);
    expect((await lead().post(`${indicatorsPath('placement-sufficiency')}/no-such-indicator/retire`, undefined, ifMatch(1))).status).toBe(404);
  });

  it('when the lead retires and restores an indicator, each is one write with its own event; retiring twice answers 409 and writes nothing', async () => {
    const ind = await create('kinship', { name: 'MT Kinship carers supported', countsChildren: false, reportingAgencyId: 'medway-council' });
    const path = `${indicatorsPath('kinship')}/${ind.id}`;
    let before = await counts();
    const retired = await lead().post(`${path}/retire`, undefined, ifMatch(1));
    expect(retired.status).toBe(200);
    expect(await retired.json()).toMatchObject({ retired: true, version: 2 });
    expect(await counts()).toEqual([before[0]!, before[1]! + 1]);
    before = await counts();
    expect((await lead().post(`${path}/retire`, undefined, ifMatch(2))).status).toBe(409);
    expect(await counts()).toEqual(before);
    // Retired with no values: it no longer shows, except to the lead (who may restore it).
    expect(await seriesOf(USERS.exec, 'kinship', ind.id)).toBeUndefined();
    expect(await seriesOf(USERS.lead, 'kinship', ind.id)).toMatchObject({ retired: true, points: [] });
    const restored = await lead().post(`${path}/restore`, undefined, ifMatch(2));
    expect(restored.status).toBe(200);
    expect(etagOf(restored)).toBe('"3"');
    expect(await restored.json()).toMatchObject({ retired: false, version: 3 });
    expect(await counts()).toEqual([before[0]!, before[1]! + 1]);
    expect(await indicatorEvents('kinship', ind.id)).toEqual(['indicator.create', 'indicator.restore', 'indicator.retire']);
    expect(await seriesOf(USERS.lead, 'kinship', ind.id)).toMatchObject({ retired: false });
  });
});

describe('the small-number threshold', () => {
  it('when it has never been set, the view says 5 at version 0', async () => {
    expect((await measures(USERS.police, 'workstreamId=kinship')).settings).toEqual({ smallNumberThreshold: 5, version: 0 });
  });

  it.each([
    ['1', { smallNumberThreshold: 1 }],
    ['21', { smallNumberThreshold: 21 }],
    ['4.5', { smallNumberThreshold: 4.5 }],
    ['"5"', { smallNumberThreshold: '5' }],
    ['an unknown field', { smallNumberThreshold: 5, colour: 'blue' }],
  ])('when the lead sets it to %s, it answers 400 and writes nothing', async (_what, settings) => {
    const before = await counts();
    const res = await lead().put('/api/measures/settings', settings, ifMatch(0));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await paths(res)).length).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
  });

  it('when the lead sets it without If-Match it answers 428; with a version that was never saved, 412; nothing is written', async () => {
    const before = await counts();
    expect((await lead().put('/api/measures/settings', { smallNumberThreshold: 3 })).status).toBe(428);
    expect((await lead().put('/api/measures/settings', { smallNumberThreshold: 3 }, ifMatch(3))).status).toBe(412);
    expect(await counts()).toEqual(before);
  });
});

describe('who may set up indicators and see them', () => {
  let ind: Indicator;
  const raw = (token: string, method: string, path: string, payload?: unknown) =>
    t.app.request(path, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': '"1"' },
      ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}),
    });
  const writes = (id: string) =>
    [
      ['POST', '/api/p/mscp/workstreams/family-help/indicators', body({ name: 'MT Probe', countsChildren: false, reportingAgencyId: 'kent-police' })],
      ['PATCH', `/api/p/mscp/workstreams/family-help/indicators/${id}`, { target: 1 }],
      ['POST', `/api/p/mscp/workstreams/family-help/indicators/${id}/retire`, undefined],
      ['POST', `/api/p/mscp/workstreams/family-help/indicators/${id}/restore`, undefined],
      ['PUT', '/api/p/mscp/measures/settings', { smallNumberThreshold: 3 }],
    ] as const;

  beforeAll(async () => {
    ind = await create('family-help', { name: 'MT Police referrals to early help', countsChildren: false, reportingAgencyId: 'kent-police' });
  });

  it.each([
    ['a partner officer', USERS.councilOfficer],
    ["an agency's administrator and signatory", USERS.council],
    ['a partner of the reporting agency', USERS.police],
    ['a partner of another agency', USERS.education],
    ['the executive', USERS.exec],
  ])('when %s adds, changes, retires or restores an indicator or sets the threshold, it answers 403 and nothing is written', async (_who, email) => {
    const token = await t.tokenFor(email);
    const before = await counts();
    for (const [method, path, payload] of writes(ind.id)) expect((await raw(token, method, path, payload)).status, `${method} ${path}`).toBe(403);
    expect(await counts()).toEqual(before);
    expect(await indicatorEvents('family-help', ind.id)).toEqual(['indicator.create']);
  });

  it("when another partnership's lead, someone with no record or a deactivated lead tries, it answers 404 or 401 and nothing is written", async () => {
    const before = await counts();
    for (const [method, path, payload] of writes(ind.id)) {
      expect((await raw(tokens.kentLead, method, path, payload)).status, `Kent's lead: ${method} ${path}`).toBe(404);
      expect((await raw(tokens.removed, method, path, payload)).status, `no record: ${method} ${path}`).toBe(401);
      expect((await raw(tokens.deactivated, method, path, payload)).status, `deactivated: ${method} ${path}`).toBe(401);
    }
    // Medway's lead has no say over Kent's workstreams either.
    expect((await raw(await t.tokenFor(USERS.lead), 'POST', '/api/p/kscmp/workstreams/family-help-kent/indicators', body({ reportingAgencyId: 'kent-police' }))).status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it("when another partnership's lead, someone with no record or a deactivated lead reads the measures, it answers 404 or 401", async () => {
    expect((await raw(tokens.kentLead, 'GET', '/api/p/mscp/measures')).status).toBe(404);
    expect((await raw(tokens.removed, 'GET', '/api/p/mscp/measures')).status).toBe(401);
    expect((await raw(tokens.deactivated, 'GET', '/api/p/mscp/measures')).status).toBe(401);
  });

  it('when an indicator is not published to the executive, the executive does not see it; the lead and partners do', async () => {
    const hidden = await create('family-help', { name: 'MT Practitioner survey response', countsChildren: false, reportingAgencyId: 'kent-police', publishedToExecutive: false });
    const ids = async (email: string) => (await measures(email, 'workstreamId=family-help')).workstreams[0]!.indicators.map((i) => i.id);
    expect(await ids(USERS.exec)).toContain(ind.id);
    expect(await ids(USERS.exec)).not.toContain(hidden.id);
    const all = (await measures(USERS.exec, '')).workstreams.flatMap((w) => w.indicators.map((i) => i.id));
    expect(all).toContain(ind.id);
    expect(all).not.toContain(hidden.id);
    for (const email of [USERS.lead, USERS.police, USERS.education]) expect(await ids(email)).toEqual(expect.arrayContaining([ind.id, hidden.id]));
  });

  it('when the query is bad or names no workstream of the partnership, it answers 400 or 404', async () => {
    expect((await lead().get('/api/measures?workstreamId=no-such-workstream')).status).toBe(404);
    expect((await lead().get('/api/measures?periodId=Q3')).status).toBe(400);
    expect((await lead().get('/api/measures?colour=blue')).status).toBe(400);
  });
});

/**
 * What an agency reports that is not this file's (the demo's indicators in the seed), by workstream:
 * sent with no value and a note, after this file's values, so submission turns on this file's only.
 */
async function othersReportedBy(agencyId: string, mine: ReadonlySet<string>): Promise<Record<string, Record<string, unknown>[]>> {
  return Object.fromEntries(
    (await measures(USERS.lead, '')).workstreams.map((w) => [
      w.id,
      w.indicators
        .filter((i) => i.reportingAgencyId === agencyId && !i.retired && i.frequency === 'quarterly' && !mine.has(i.id))
        .map((i) => ({ indicatorId: i.id, value: null, note: 'Not available this quarter: the data system is being replaced.' })),
    ]),
  );
}
/** A complete return section, with these indicator values and then `others`'. */
const completeSection = (others: Record<string, Record<string, unknown>[]>, workstreamId: string, indicators: Record<string, unknown>[] = []) => ({
  workstreamId,
  confidence: 'green',
  narrative: `Work on ${workstreamId} is on track and reported to the partnership board.`,
  milestones: [],
  risks: [],
  escalations: [],
  metrics: [],
  indicators: [...indicators, ...(others[workstreamId] ?? [])],
});

describe('values in returns', () => {
  const nhs = `/api/returns/${Q3}/nhs-kent-medway`;
  const officer = () => t.as(USERS.healthOfficer);
  const ind = { children: '', stability: '', annual: '', police: '' };
  let required: string[] = [];
  let others: Record<string, Record<string, unknown>[]> = {};
  /** The NHS return's current version (its ETag). */
  const version = async () => (await json<ReturnView>(officer().get(nhs))).version;
  const section = (workstreamId: string, indicators: Record<string, unknown>[] = []) => completeSection(others, workstreamId, indicators);
  const save = async (indicators: Record<string, unknown>[], workstreamId = 'placement-sufficiency') =>
    officer().put(nhs, { sections: [section(workstreamId, indicators)] }, ifMatch(await version()));
  /** A refused save: the status and the paths named, with nothing written (the return's version and both tables unchanged). */
  async function refused(indicators: Record<string, unknown>[], status: number, fields: string[], workstreamId = 'placement-sufficiency') {
    const before = [await version(), ...(await counts())];
    const res = await save(indicators, workstreamId);
    expect(res.status, await res.clone().text()).toBe(status);
    expect(await paths(res)).toEqual(fields);
    expect([await version(), ...(await counts())]).toEqual(before);
    return (await res.json()) as Problem;
  }
  const q3Point = async (email: string, id: string) => (await seriesOf(email, 'placement-sufficiency', id))?.points.find((p) => p.periodId === Q3);

  beforeAll(async () => {
    const nhsReports = { reportingAgencyId: 'nhs-kent-medway' };
    ind.children = (await create('placement-sufficiency', { ...nhsReports, name: 'MT Children placed out of area', direction: 'lower', target: 20, tolerance: 5 })).id;
    ind.stability = (
      await create('placement-sufficiency', {
        ...nhsReports,
        name: 'MT Placement stability',
        unit: 'percentage',
        countsChildren: false,
        direction: 'higher',
        target: 70,
        tolerance: 5,
      })
    ).id;
    ind.annual = (await create('placement-sufficiency', { ...nhsReports, name: 'MT Annual sufficiency audit', countsChildren: false, frequency: 'annually' })).id;
    others = await othersReportedBy('nhs-kent-medway', new Set(Object.values(ind)));
    ind.police = (await create('family-help', { name: 'MT Police notifications', countsChildren: false, reportingAgencyId: 'kent-police' })).id;
    // Two accepted quarters of stability, as the NHS's Q1 and Q2 returns would have mirrored them
    // (added to the values the seed mirrored from those returns, if any).
    const repo = new MeasureRepository(t.doc, t.config.tables.main, 'mscp');
    for (const [periodId, value] of [
      ['2026-27-Q1', 60],
      ['2026-27-Q2', 62],
    ] as const) {
      const key = measureKeys.values('mscp', 'placement-sufficiency', periodId, 'nhs-kent-medway');
      const seeded = (await t.doc.send(new GetCommand({ TableName: t.config.tables.main, Key: key, ConsistentRead: true }))).Item as ValueGroup | undefined;
      const mine = { indicatorId: ind.stability, value, belowThreshold: false, note: '', confirmed: false };
      const Item = repo.valuesItem({
        workstreamId: 'placement-sufficiency',
        periodId,
        agencyId: 'nhs-kent-medway',
        status: 'accepted',
        values: [...(seeded?.values ?? []), mine],
        ...(seeded?.history ? { history: true } : {}),
      });
      await t.doc.send(new PutCommand({ TableName: t.config.tables.main, Item }));
    }
    const view = await json<ReturnView>(officer().get(nhs));
    expect(view.status).toBe('draft');
    required = view.requiredWorkstreamIds;
    expect(required).toContain('placement-sufficiency');
  });

  it('when the lead, the executive or another agency enters values in the NHS return, it answers 403 and nothing is written', async () => {
    const before = [await version(), ...(await counts())];
    const payload = { sections: [section('placement-sufficiency', [{ indicatorId: ind.children, value: 12 }])] };
    for (const email of [USERS.lead, USERS.exec, USERS.police, USERS.council]) expect((await t.as(email).put(nhs, payload, ifMatch(before[0]!))).status, email).toBe(403);
    expect([await version(), ...(await counts())]).toEqual(before);
  });

  it('when a value does not fit its unit, it answers 422 naming each value and writes nothing', async () => {
    const p = await refused(
      [
        { indicatorId: ind.children, value: 7.5 },
        { indicatorId: ind.stability, value: 101 },
      ],
      422,
      ['sections[0].indicators[0].value', 'sections[0].indicators[1].value'],
    );
    expect(p.errors?.[0]?.message).toContain('MT Children placed out of area');
  });

  it('when a value is sent for an indicator the agency does not report this quarter (annual, another agency’s, unknown), it answers 422 naming it', async () => {
    await refused([{ indicatorId: ind.annual, value: 3 }], 422, ['sections[0].indicators[0].indicatorId']);
    await refused([{ indicatorId: 'no-such-indicator', value: 3 }], 422, ['sections[0].indicators[0].indicatorId']);
    await refused([{ indicatorId: ind.police, value: 30 }], 422, ['sections[0].indicators[0].indicatorId'], 'family-help');
  });

  it('when an indicator is sent twice or a value has an unknown field, it answers 400 naming it', async () => {
    await refused(
      [
        { indicatorId: ind.children, value: 12 },
        { indicatorId: ind.children, value: 13 },
      ],
      400,
      ['sections[0].indicators[1].indicatorId'],
    );
    await refused([{ indicatorId: ind.children, value: 12, colour: 'blue' }], 400, ['sections[0].indicators[0].colour']);
  });

  it('when a count of children is 3 and the threshold is 5, it is refused saying "fewer than 5"; "fewer than 5" is accepted', async () => {
    const p = await refused([{ indicatorId: ind.children, value: 3 }], 422, ['sections[0].indicators[0].value']);
    expect(p.errors?.[0]?.message).toContain('Choose "fewer than 5" instead');
    await refused([{ indicatorId: ind.children, value: 3, belowThreshold: true }], 422, ['sections[0].indicators[0].belowThreshold']);
    await refused([{ indicatorId: ind.stability, value: null, belowThreshold: true }], 422, ['sections[0].indicators[0].belowThreshold']);
    const res = await save([{ indicatorId: ind.children, value: null, belowThreshold: true }]);
    expect(res.status, await res.clone().text()).toBe(200);
    const saved = (await res.json()) as ReturnView;
    expect(saved.sections.find((s) => s.workstreamId === 'placement-sufficiency')?.indicators[0]).toEqual({
      indicatorId: ind.children,
      value: null,
      belowThreshold: true,
      note: '',
      confirmed: false,
      // Recorded with the threshold in force, so it keeps meaning 1 to 4 if the threshold changes.
      threshold: 5,
    });
  });

  it('when the lead lowers the threshold to 3, it is one write with one measures.settings event; then 3 children is accepted and 2 is refused', async () => {
    const before = await counts();
    const res = await lead().put('/api/measures/settings', { smallNumberThreshold: 3 }, ifMatch(0));
    expect(res.status).toBe(200);
    expect(etagOf(res)).toBe('"1"');
    expect(await res.json()).toEqual({ smallNumberThreshold: 3, version: 1 });
    expect(await counts()).toEqual([before[0]! + 1, before[1]! + 1]);
    const events = (await t.auditEventsOf('measure-settings', 'small-number-threshold')) as { action: string; changes: unknown }[];
    expect(events.map((e) => e.action)).toEqual(['measures.settings']);
    expect(events[0]?.changes).toEqual({ smallNumberThreshold: { from: 5, to: 3 } });
    expect((await measures(USERS.exec, 'workstreamId=kinship')).settings).toEqual({ smallNumberThreshold: 3, version: 1 });

    const p = await refused([{ indicatorId: ind.children, value: 2 }], 422, ['sections[0].indicators[0].value']);
    expect(p.errors?.[0]?.message).toContain('fewer than 3');
    expect((await save([{ indicatorId: ind.children, value: 3 }])).status).toBe(200);
  });

  it('when the lead sets the same threshold again it answers 200 and writes nothing; with the old version, 412', async () => {
    const before = await counts();
    const same = await lead().put('/api/measures/settings', { smallNumberThreshold: 3 }, ifMatch(1));
    expect(same.status).toBe(200);
    expect(etagOf(same)).toBe('"1"');
    expect((await lead().put('/api/measures/settings', { smallNumberThreshold: 4 }, ifMatch(0))).status).toBe(412);
    expect(await counts()).toEqual(before);
  });

  it('when a percentage is far outside the recent values, it answers 422 value-query and writes nothing; near them, or confirmed, it is saved', async () => {
    const p = await refused(
      [
        { indicatorId: ind.children, value: 12 },
        { indicatorId: ind.stability, value: 80 },
      ],
      422,
      ['sections[0].indicators[1].value'],
    );
    expect(p.type).toMatch(/value-query$/);
    expect(p.errors).toEqual([expect.objectContaining({ kind: 'query', message: expect.stringContaining('18 percentage points higher') })]);
    // 8 points above the last value: not queried.
    expect(
      (
        await save([
          { indicatorId: ind.children, value: 12 },
          { indicatorId: ind.stability, value: 70 },
        ])
      ).status,
    ).toBe(200);
    const confirmed = await save([
      { indicatorId: ind.children, value: 12 },
      { indicatorId: ind.stability, value: 80, confirmed: true, note: 'A new placement support team started in October.' },
    ]);
    expect(confirmed.status, await confirmed.clone().text()).toBe(200);
  });

  it('when a unit error and a query come together, the error is answered first (the query only once the values can be saved)', async () => {
    const p = await refused(
      [
        { indicatorId: ind.children, value: 2 },
        { indicatorId: ind.stability, value: 99 },
      ],
      422,
      ['sections[0].indicators[0].value'],
    );
    expect(p.type).not.toMatch(/value-query$/);
  });

  it('when the values are in a draft, the measures view does not show them to anyone', async () => {
    for (const email of [USERS.lead, USERS.exec, USERS.health]) {
      expect(await q3Point(email, ind.stability)).toBeUndefined();
      expect(await q3Point(email, ind.children)).toBeUndefined();
    }
    expect((await seriesOf(USERS.lead, 'placement-sufficiency', ind.stability))?.points.map((p) => [p.periodId, p.value, p.state])).toEqual([
      ['2026-27-Q1', 60, 'accepted'],
      ['2026-27-Q2', 62, 'accepted'],
    ]);
  });

  it('when the reporting agency (Kent Police) enters its own value, it is saved; while its return is returned, the value is not shown', async () => {
    const path = `/api/returns/${Q3}/kent-police`;
    const current = await json<ReturnView>(t.as(USERS.policeOfficer).get(path));
    expect(current.status).toBe('returned');
    const res = await t.as(USERS.policeOfficer).put(path, { sections: [section('family-help', [{ indicatorId: ind.police, value: 30 }])] }, ifMatch(current.version));
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await seriesOf(USERS.lead, 'family-help', ind.police))?.points).toEqual([]);
  });

  it('when a due indicator has no value, "fewer than N" or note, submit answers 422 naming it', async () => {
    const psIndex = required.indexOf('placement-sufficiency');
    const sections = required.map((ws) => section(ws, ws === 'placement-sufficiency' ? [{ indicatorId: ind.stability, value: 80, confirmed: true }] : []));
    const saved = await officer().put(nhs, { sections }, ifMatch(await version()));
    expect(saved.status, await saved.clone().text()).toBe(200);
    const missing = await officer().post(`${nhs}/submit`, {}, ifMatch(await version()));
    expect(missing.status).toBe(422);
    const p = (await missing.json()) as Problem;
    expect(p.errors?.map((e) => e.path)).toEqual([`sections[${psIndex}].indicators`]);
    expect(p.errors?.[0]?.message).toContain('MT Children placed out of area');

    const noNote = await save([
      { indicatorId: ind.children, value: null },
      { indicatorId: ind.stability, value: 80, confirmed: true },
    ]);
    expect(noNote.status).toBe(200);
    const stillMissing = await officer().post(`${nhs}/submit`, {}, ifMatch(await version()));
    expect(stillMissing.status).toBe(422);
    expect(await paths(stillMissing)).toEqual([`sections[${psIndex}].indicators[0].note`]);
    expect((await json<ReturnView>(officer().get(nhs))).status).toBe('draft');
  });

  it('when a count of children saved under a lower threshold is below the threshold at submission, submit refuses it and no view shows the number', async () => {
    const psIndex = required.indexOf('placement-sufficiency');
    const threshold = async () => (await measures(USERS.lead, 'workstreamId=placement-sufficiency')).settings;
    const setThreshold = async (n: number) =>
      expect((await lead().put('/api/measures/settings', { smallNumberThreshold: n }, ifMatch((await threshold()).version))).status).toBe(200);
    await setThreshold(2);
    const saved = await save([
      { indicatorId: ind.children, value: 3 },
      { indicatorId: ind.stability, value: 80, confirmed: true },
    ]);
    expect(saved.status, await saved.clone().text()).toBe(200);
    await setThreshold(5);
    const refusedAtSubmit = await officer().post(`${nhs}/submit`, {}, ifMatch(await version()));
    expect(refusedAtSubmit.status).toBe(422);
    expect(await paths(refusedAtSubmit)).toEqual([`sections[${psIndex}].indicators[0].value`]);
    expect((await json<ReturnView>(officer().get(nhs))).status).toBe('draft');
    // Stored anywhere a figure is read (here a planted accepted value of Q2), it reads "fewer than 5", never 3.
    const repo = new MeasureRepository(t.doc, t.config.tables.main, 'mscp');
    const key = measureKeys.values('mscp', 'placement-sufficiency', '2026-27-Q2', 'nhs-kent-medway');
    const q2 = (await t.doc.send(new GetCommand({ TableName: t.config.tables.main, Key: key, ConsistentRead: true }))).Item as ValueGroup;
    const planted = { indicatorId: ind.children, value: 3, belowThreshold: false, note: '', confirmed: true };
    await t.doc.send(new PutCommand({ TableName: t.config.tables.main, Item: repo.valuesItem({ ...q2, values: [...q2.values, planted] }) }));
    const q2Point = (await seriesOf(USERS.exec, 'placement-sufficiency', ind.children))?.points.find((p) => p.periodId === '2026-27-Q2');
    expect(q2Point).toEqual(expect.objectContaining({ value: null, belowThreshold: true, threshold: 5 }));
    await t.doc.send(new PutCommand({ TableName: t.config.tables.main, Item: repo.valuesItem(q2) }));
    // Corrected, as the agency would: a number the threshold allows.
    const corrected = await save([
      { indicatorId: ind.children, value: 12 },
      { indicatorId: ind.stability, value: 80, confirmed: true },
    ]);
    expect(corrected.status, await corrected.clone().text()).toBe(200);
  });

  it('when a queried value is saved again without its confirmation, the save asks again; a stored one not confirmed is asked about at submit', async () => {
    const psIndex = required.indexOf('placement-sufficiency');
    // Saved before with its confirmation; sent again without it, it is asked about again (nothing written).
    const problem = await refused(
      [
        { indicatorId: ind.children, value: 12 },
        { indicatorId: ind.stability, value: 80 },
      ],
      422,
      ['sections[0].indicators[1].value'],
    );
    expect(problem.type).toMatch(/value-query$/);
    // A stored value not confirmed (saved before the recent values moved away from it): planted beneath the API.
    const key = returnKeys.section('mscp', Q3, 'nhs-kent-medway', 'placement-sufficiency');
    const stored = (await t.doc.send(new GetCommand({ TableName: t.config.tables.main, Key: key, ConsistentRead: true }))).Item!;
    const indicators = (stored.indicators as { indicatorId: string; confirmed: boolean }[]).map((v) => (v.indicatorId === ind.stability ? { ...v, confirmed: false } : v));
    await t.doc.send(new PutCommand({ TableName: t.config.tables.main, Item: { ...stored, indicators } }));
    const queried = await officer().post(`${nhs}/submit`, {}, ifMatch(await version()));
    expect(queried.status).toBe(422);
    const p = (await queried.json()) as Problem;
    expect(p.type).toMatch(/value-query$/);
    expect(p.errors).toEqual([expect.objectContaining({ path: `sections[${psIndex}].indicators[1].value`, kind: 'query' })]);
    expect((await json<ReturnView>(officer().get(nhs))).status).toBe('draft');
  });

  it('when the return is sent for certification, the values are still not shown; once certified (submitted), they show as provisional', async () => {
    const saved = await save([
      { indicatorId: ind.children, value: 12 },
      { indicatorId: ind.stability, value: 80, confirmed: true },
    ]);
    expect(saved.status).toBe(200);
    const sent = await officer().post(`${nhs}/submit`, {}, ifMatch(await version()));
    expect(sent.status, await sent.clone().text()).toBe(200);
    expect(((await sent.json()) as ReturnView).status).toBe('awaiting-certification');
    expect(await q3Point(USERS.lead, ind.children)).toBeUndefined();

    const certified = await t.as(USERS.health).post(`${nhs}/certify`, undefined, ifMatch(await version()));
    expect(certified.status, await certified.clone().text()).toBe(200);
    expect(((await certified.json()) as ReturnView).status).toBe('submitted');
    expect(await q3Point(USERS.lead, ind.children)).toEqual(expect.objectContaining({ value: 12, belowThreshold: false, state: 'provisional' }));
    expect(await q3Point(USERS.exec, ind.stability)).toEqual(expect.objectContaining({ value: 80, state: 'provisional' }));
    // A partner sees their own agency's provisional values, not another agency's (whose return the lead has not accepted).
    expect(await q3Point(USERS.healthOfficer, ind.children)).toEqual(expect.objectContaining({ value: 12, state: 'provisional' }));
    expect(await q3Point(USERS.police, ind.children)).toBeUndefined();
    expect(await seriesOf(USERS.exec, 'placement-sufficiency', ind.stability)).toMatchObject({ latest: { periodId: Q3, value: 80 }, changeSinceLast: 18, rag: 'green' });
    expect(await seriesOf(USERS.exec, 'placement-sufficiency', ind.children)).toMatchObject({ rag: 'green' });
  });

  it('when the lead accepts the return, the values show as accepted', async () => {
    const accepted = await lead().post(`${nhs}/accept`, undefined, ifMatch(await version()));
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    expect(await q3Point(USERS.police, ind.children)).toEqual(expect.objectContaining({ value: 12, state: 'accepted' }));
    expect(await q3Point(USERS.exec, ind.stability)).toEqual(expect.objectContaining({ value: 80, state: 'accepted' }));
    // Up to Q2, the view is as it was before this quarter.
    const upToQ2 = (await measures(USERS.lead, 'workstreamId=placement-sufficiency&periodId=2026-27-Q2')).workstreams[0]!.indicators.find((i) => i.id === ind.stability);
    expect(upToQ2).toMatchObject({ latest: { periodId: '2026-27-Q2', value: 62 }, rag: 'red' });
  });

  it('when the lead reopens the accepted return for a correction, its values stop counting until it reaches the lead again', async () => {
    const reopened = await lead().post(`${nhs}/reopen`, { reason: 'Check the out-of-area count against the placement list.' }, ifMatch(await version()));
    expect(reopened.status, await reopened.clone().text()).toBe(200);
    expect(await q3Point(USERS.lead, ind.children)).toBeUndefined();
  });
});

describe('a value recorded as "fewer than N" when the threshold changes', () => {
  const path = `/api/returns/${Q3}/medway-education`;
  let id = '';
  const settings = async () => (await measures(USERS.lead, 'workstreamId=kinship')).settings;
  const rated = async () => (await seriesOf(USERS.lead, 'kinship', id))!;

  beforeAll(async () => {
    // Lower is better, target 2: counts 1 and 2 are green, 3 and 4 red.
    id = (await create('kinship', { name: 'MT Kinship placements breaking down', direction: 'lower', target: 2, tolerance: null, reportingAgencyId: 'medway-education' })).id;
    const s = await settings();
    if (s.smallNumberThreshold !== 5) expect((await lead().put('/api/measures/settings', { smallNumberThreshold: 5 }, ifMatch(s.version))).status).toBe(200);
    const others = await othersReportedBy('medway-education', new Set([id]));
    const view = await json<ReturnView>(t.as(USERS.education).get(path));
    expect(view.status).toBe('not-started');
    const sections = view.requiredWorkstreamIds.map((ws) => completeSection(others, ws, ws === 'kinship' ? [{ indicatorId: id, value: null, belowThreshold: true }] : []));
    const saved = await t.as(USERS.education).put(path, { sections });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const sent = await t.as(USERS.education).post(`${path}/submit`, {}, { 'If-Match': etagOf(saved) });
    expect(sent.status, await sent.clone().text()).toBe(200);
    const certified = await t.as(USERS.educationHead).post(`${path}/certify`, undefined, { 'If-Match': etagOf(sent) });
    expect(certified.status, await certified.clone().text()).toBe(200);
  });

  it('when it was recorded as "fewer than 5" (somewhere from 1 to 4, green and red alike), it is not rated', async () => {
    expect((await settings()).smallNumberThreshold).toBe(5);
    expect(await rated()).toMatchObject({ latest: { periodId: Q3, value: null, belowThreshold: true, state: 'provisional' }, rag: null });
  });

  it('when the lead then lowers the threshold to 3, the value recorded as "fewer than 5" is still not rated as if it were 1 or 2', async () => {
    const s = await settings();
    expect((await lead().put('/api/measures/settings', { smallNumberThreshold: 3 }, ifMatch(s.version))).status).toBe(200);
    expect(await rated()).toMatchObject({ latest: { periodId: Q3, belowThreshold: true }, rag: null });
  });
});

describe('reading one workstream’s measures is a fixed number of reads', () => {
  const QUARTERS = 40;
  const names = (send: { mock: { calls: unknown[][] } }) => send.mock.calls.map((c) => (c[0] as { constructor: { name: string } }).constructor.name);
  async function callsFor(path: string) {
    const send = vi.spyOn(DynamoDBDocumentClient.prototype, 'send');
    try {
      const res = await lead().get(path);
      expect(res.status).toBe(200);
      return { calls: names(send), body: (await res.json()) as Measures };
    } finally {
      send.mockRestore();
    }
  }

  it(`when a workstream has ${QUARTERS} quarters of values, GET /measures?workstreamId= makes the same 3 or fewer Queries as with none, and no Scan`, async () => {
    const ind = await create('care-leavers', {
      name: 'MT Care leavers in suitable accommodation',
      unit: 'percentage',
      countsChildren: false,
      target: 90,
      reportingAgencyId: 'medway-council',
    });
    // The signed-in person's status is read at most once a minute, and the clock stands still: read it now.
    expect((await lead().get('/api/me')).status).toBe(200);
    const one = `/api/measures?workstreamId=care-leavers`;
    const few = await callsFor(one);
    const fewAll = await callsFor('/api/measures');

    const repo = new MeasureRepository(t.doc, t.config.tables.main, 'mscp');
    const items = Array.from({ length: QUARTERS }, (_, i) =>
      repo.valuesItem({
        workstreamId: 'care-leavers',
        periodId: formatPeriodId({ year: 2016 + Math.floor(i / 4), quarter: ((i % 4) + 1) as Quarter }),
        agencyId: 'medway-council',
        status: 'accepted',
        values: [{ indicatorId: ind.id, value: 80 + (i % 10), belowThreshold: false, note: '', confirmed: false }],
      }),
    );
    for (let i = 0; i < items.length; i += 25)
      await t.doc.send(new BatchWriteCommand({ RequestItems: { [t.config.tables.main]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));

    const many = await callsFor(one);
    const series = many.body.workstreams[0]!.indicators.find((i) => i.id === ind.id)!;
    expect(series.points).toHaveLength(QUARTERS);
    expect(series.points[0]?.periodId).toBe('2016-17-Q1');
    expect(series.points.at(-1)?.periodId).toBe('2025-26-Q4');
    expect(many.calls).toEqual(few.calls);
    expect(many.calls.length).toBeLessThanOrEqual(3);
    expect(many.calls.filter((n) => n !== 'QueryCommand')).toEqual([]);

    const manyAll = await callsFor('/api/measures');
    expect(manyAll.calls).toEqual(fewAll.calls);
    expect(manyAll.calls.filter((n) => n === 'ScanCommand')).toEqual([]);
  });
});

describe('limits on what the lead sets', () => {
  it('when a count of children has a baseline from 1 to N-1, it is refused like a value (422 at baseline.value) and nothing is written', async () => {
    const before = await counts();
    const res = await lead().post(indicatorsPath('kinship'), body({ name: 'MT Small baseline', baseline: { value: 1, date: '2026-03-31' } }));
    expect(res.status).toBe(422);
    expect(await paths(res)).toEqual(['baseline.value']);
    expect(await counts()).toEqual(before);
  });

  it('when an agency already reports 40 indicators in a workstream, a 41st for it is refused (a section takes 40), and another agency may take it', async () => {
    const reporter = { reportingAgencyId: 'kent-police', countsChildren: false };
    const have = (await measures(USERS.lead, 'workstreamId=safeguarding')).workstreams[0]!.indicators.filter((i) => !i.retired && i.reportingAgencyId === 'kent-police').length;
    for (let n = have; n < 40; n++) await create('safeguarding', { ...reporter, name: `MT Police measure ${n}` });
    const before = await counts();
    const res = await lead().post(indicatorsPath('safeguarding'), body({ ...reporter, name: 'MT One too many' }));
    expect(res.status).toBe(422);
    expect(await paths(res)).toEqual(['reportingAgencyId']);
    expect(await counts()).toEqual(before);
    await create('safeguarding', { name: 'MT One too many', reportingAgencyId: 'medway-council', countsChildren: false });
  });
});

describe('indicators not shown to the executive', () => {
  it('when the executive reads a return, values of indicators not shown to them are left out; the lead sees them', async () => {
    const path = '/api/returns/2026-27-Q1/kent-police';
    const valuesOf = async (email: string) =>
      (await json<ReturnView>(t.as(email).get(path))).sections.flatMap((s) => (s as unknown as { indicators: { indicatorId: string }[] }).indicators.map((v) => v.indicatorId));
    // The seed keeps police front-door notifications from the executive (operational demand).
    expect(await valuesOf(USERS.lead)).toContain('police-front-door-notifications');
    expect(await valuesOf(USERS.exec)).not.toContain('police-front-door-notifications');
  });
});
