import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { milestoneKeys } from '../../functions/db/keys.js';
import { Writer } from '../../functions/db/transact.js';
import { PreconditionFailed } from '../../functions/http/errors.js';
import { guardedPut } from '../../functions/repositories/version-guard.js';
import { apiDocument, createTestApp, USERS, type TestApp, inPartnership } from '../support/api.js';

/**
 * No lost updates: every write route on a versioned resource, read from the OpenAPI document,
 * answers 428 without If-Match and 412 with a stale one, and writes and audits nothing. A new write
 * route fails the first test here until it is either declared with `ifMatch()` (and given a case
 * below) or listed in NO_IF_MATCH with the reason it needs none.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.drop();
});

type Op = { parameters?: { name: string; in: string; required: boolean }[]; responses: Record<string, unknown> };
const doc = () => apiDocument() as unknown as { paths: Record<string, Record<string, Op>> };

function writeRoutes() {
  const out: { key: string; ifMatch: 'required' | 'until-created' | null; op: Op }[] = [];
  for (const [path, ops] of Object.entries(doc().paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (method === 'get') continue;
      const header = op.parameters?.find((p) => p.in === 'header' && p.name === 'If-Match');
      out.push({ key: `${method.toUpperCase()} ${path}`, ifMatch: header ? (header.required ? 'required' : 'until-created') : null, op });
    }
  }
  return out;
}

/**
 * Write routes without If-Match, and why: each makes something new (there is no version to have
 * read first) or does not write back anything the caller read.
 */
const NO_IF_MATCH: Record<string, string> = {
  'POST /api/auth/login': 'signs in; changes no shared record',
  'POST /api/auth/login/code': 'the second step of signing in, with a single-use challenge; changes no shared record',
  'POST /api/second-factor/setup': 'gives a new key to set up, kept in memory until confirmed; writes nothing',
  'POST /api/second-factor/confirm':
    "turns the person's own two-step sign-in on: the code from the key they were just given stands for the version, and the write is refused (409) if it is on already",
  'DELETE /api/second-factor': "turns the person's own two-step sign-in off: nobody else edits it, and the write is refused (409) if it is off already",
  'POST /api/auth/invitation': 'reads whose invitation a link is; writes nothing',
  'POST /api/auth/set-password':
    "an invitation's single-use link: its secret stands for the version (the write is guarded by the version read with it and removes it), and nobody else edits the person meanwhile",
  'POST /api/p/{partnershipId}/people': 'invites a new person; an email that already has an account is 409',
  'POST /api/platform/partnerships': 'creates a new partnership; an id already taken is 409',
  'POST /api/public/p/{partnershipId}/unsubscribe/one-click': 'the same as the link, from a mail client’s own unsubscribe button (RFC 8058)',
  'POST /api/public/p/{partnershipId}/unsubscribe':
    'turns one kind of email off from its link: the same answer however often it is sent, and no one edits a version they were shown',
  'POST /api/p/{partnershipId}/returns/{periodId}/{agencyId}/chase': 'sends a reminder about the item as it is now; at most one a day (429), changes nothing anyone edits',
  'POST /api/p/{partnershipId}/threshold-documents/{versionId}/sign-offs/{agencyId}/chase':
    'sends a reminder about the item as it is now; at most one a day (429), changes nothing anyone edits',
  'POST /api/p/{partnershipId}/kinship-offer/items': 'drafts a new item with a new id',
  'POST /api/p/{partnershipId}/periods': 'opens a new period; an existing id is 409',
  'POST /api/p/{partnershipId}/workstreams/{id}/milestones': 'adds a new milestone; an existing id is 409',
  'POST /api/p/{partnershipId}/workstreams/{id}/criteria': 'adds a new criterion; an existing id is 409',
  'POST /api/p/{partnershipId}/threshold-documents/{versionId}/sign-offs':
    "records an agency's one decision on an issued version, which never changes (a second is 409; the hash it was shown is checked)",
  'POST /api/p/{partnershipId}/erasures':
    'replaces the named text wherever it is at the moment of the request, so it cannot undo a change it did not see; its writes are guarded by the versions read in the same request and move each version on, so forms opened before get 412',
};

const Q3 = '2026-27-Q3';
const AGENCY_USERS: Record<string, string> = { 'kent-police': USERS.police, 'medway-council': USERS.council, 'nhs-kent-medway': USERS.health, 'medway-education': USERS.education };
const json = async <T>(res: Response | Promise<Response>) => (await (await res).json()) as T;
const version = (etag: string | null) => Number(/"(\d+)"/.exec(etag ?? '')?.[1] ?? NaN);

/** One versioned write route, made concrete: how to call it with a given If-Match, and the resource's current version. */
interface Case {
  call: (ifMatch: string | undefined) => Promise<Response>;
  current: () => Promise<number>;
}

const headers = (ifMatch: string | undefined): Record<string, string> => (ifMatch === undefined ? {} : { 'If-Match': ifMatch });

async function kinshipDraft() {
  const items = await json<{ id: string; status: string }[]>(t.as(USERS.lead).get('/api/kinship-offer/items?status=draft'));
  const id = items[0]!.id;
  return { id, current: async () => version((await t.as(USERS.lead).get(`/api/kinship-offer/items/${id}`)).headers.get('etag')) };
}

async function seededAssessment() {
  type Matrix = { criteria: { id: string; derived: boolean; version: number; assessments: { agencyId: string; version: number }[] }[] };
  const m = await json<Matrix>(t.as(USERS.lead).get('/api/workstreams/safeguarding/readiness'));
  for (const c of m.criteria.filter((x) => !x.derived)) {
    const a = c.assessments.find((x) => x.version > 0 && AGENCY_USERS[x.agencyId]);
    if (a) {
      const current = async () => {
        const now = await json<Matrix>(t.as(USERS.lead).get('/api/workstreams/safeguarding/readiness'));
        return now.criteria.find((x) => x.id === c.id)!.assessments.find((x) => x.agencyId === a.agencyId)!.version;
      };
      return { path: `/api/readiness/${c.id}/${a.agencyId}`, user: AGENCY_USERS[a.agencyId]!, current };
    }
  }
  throw new Error('the seed has no assessment by a demo partner');
}

async function startedReturn() {
  const rows = await json<{ agencyId: string; version: number }[]>(t.as(USERS.lead).get(`/api/returns?periodId=${Q3}`));
  const row = rows.find((r) => r.version > 0 && AGENCY_USERS[r.agencyId])!;
  const path = `/api/returns/${Q3}/${row.agencyId}`;
  return { path, user: AGENCY_USERS[row.agencyId]!, current: async () => version((await t.as(USERS.lead).get(path)).headers.get('etag')) };
}

const thresholdConfigVersion = async () => version((await t.as(USERS.lead).get('/api/threshold-config')).headers.get('etag'));

const overallPath = `/api/tracker/overall/${Q3}/safeguarding`;
async function overallVersion() {
  const tr = await json<{ matrix: { workstreamId: string; overall: { version: number } }[] }>(t.as(USERS.lead).get(`/api/tracker?periodId=${Q3}`));
  return tr.matrix.find((m) => m.workstreamId === 'safeguarding')!.overall.version;
}

const CASES: Record<string, () => Promise<Case>> = {
  'PATCH /api/p/{partnershipId}/kinship-offer/items/{id}': async () => {
    const { id, current } = await kinshipDraft();
    return { current, call: (m) => t.as(USERS.lead).patch(`/api/kinship-offer/items/${id}`, { summary: 'A changed summary of the support.' }, headers(m)) };
  },
  ...Object.fromEntries(
    (['submit', 'publish', 'retire'] as const).map((action) => [
      `POST /api/p/{partnershipId}/kinship-offer/items/{id}/${action}`,
      async (): Promise<Case> => {
        const { id, current } = await kinshipDraft();
        return { current, call: (m) => t.as(USERS.lead).post(`/api/kinship-offer/items/${id}/${action}`, undefined, headers(m)) };
      },
    ]),
  ),
  'POST /api/p/{partnershipId}/kinship-offer/items/{id}/return': async () => {
    const { id, current } = await kinshipDraft();
    return { current, call: (m) => t.as(USERS.lead).post(`/api/kinship-offer/items/${id}/return`, { comment: 'Add the opening times.' }, headers(m)) };
  },
  'PATCH /api/p/{partnershipId}/workstreams/{id}/milestones/{milestoneId}': async () => {
    const path = '/api/workstreams/safeguarding/milestones/sg-macpt-isa-signed';
    const current = async () =>
      (await json<{ milestones: { id: string; version: number }[] }>(t.as(USERS.lead).get('/api/workstreams/safeguarding'))).milestones.find((m) => m.id === 'sg-macpt-isa-signed')!
        .version;
    return { current, call: (m) => t.as(USERS.lead).patch(path, { status: 'on-track' }, headers(m)) };
  },
  'PATCH /api/p/{partnershipId}/workstreams/{id}/criteria/{criterionId}': async () => {
    const path = '/api/workstreams/safeguarding/criteria/macpt-members-in-post';
    const current = async () =>
      (await json<{ criteria: { id: string; version: number }[] }>(t.as(USERS.lead).get('/api/workstreams/safeguarding/readiness'))).criteria.find(
        (c) => c.id === 'macpt-members-in-post',
      )!.version;
    return { current, call: (m) => t.as(USERS.lead).patch(path, { title: 'MACPT members in post and named' }, headers(m)) };
  },
  'PUT /api/p/{partnershipId}/readiness/{criterionId}/{agencyId}': async () => {
    const a = await seededAssessment();
    return { current: a.current, call: (m) => t.as(a.user).put(a.path, { status: 'in-progress', evidence: 'Recruitment under way.' }, headers(m)) };
  },
  'POST /api/p/{partnershipId}/readiness/{criterionId}/{agencyId}/validate': async () => {
    const a = await seededAssessment();
    return { current: a.current, call: (m) => t.as(USERS.lead).post(`${a.path}/validate`, { outcome: 'challenged', comment: 'Attach the evidence.' }, headers(m)) };
  },
  'PUT /api/p/{partnershipId}/returns/{periodId}/{agencyId}': async () => {
    const r = await startedReturn();
    return { current: r.current, call: (m) => t.as(r.user).put(r.path, { sections: [] }, headers(m)) };
  },
  'POST /api/p/{partnershipId}/returns/{periodId}/{agencyId}/submit': async () => {
    const r = await startedReturn();
    return { current: r.current, call: (m) => t.as(r.user).post(`${r.path}/submit`, {}, headers(m)) };
  },
  // Morgan Reid, Medway Council's signatory, certifies what Casey Brooks prepares (the version is checked before the status).
  ...Object.fromEntries(
    (['certify', 'send-back'] as const).map((action) => [
      `POST /api/p/{partnershipId}/returns/{periodId}/{agencyId}/${action}`,
      async (): Promise<Case> => {
        const path = `/api/returns/${Q3}/medway-council`;
        const current = async () => version((await t.as(USERS.lead).get(path)).headers.get('etag'));
        return { current, call: (m) => t.as(USERS.council).post(`${path}/${action}`, action === 'send-back' ? { comment: 'Add the risk owner.' } : undefined, headers(m)) };
      },
    ]),
  ),
  'POST /api/p/{partnershipId}/returns/{periodId}/{agencyId}/accept': async () => {
    const r = await startedReturn();
    return { current: r.current, call: (m) => t.as(USERS.lead).post(`${r.path}/accept`, undefined, headers(m)) };
  },
  'POST /api/p/{partnershipId}/returns/{periodId}/{agencyId}/return': async () => {
    const r = await startedReturn();
    return { current: r.current, call: (m) => t.as(USERS.lead).post(`${r.path}/return`, { comment: 'Add the missing risk.' }, headers(m)) };
  },
  'POST /api/p/{partnershipId}/returns/{periodId}/{agencyId}/reopen': async () => {
    const r = await startedReturn();
    return { current: r.current, call: (m) => t.as(USERS.lead).post(`${r.path}/reopen`, { reason: 'A correction.' }, headers(m)) };
  },
  'PUT /api/p/{partnershipId}/threshold-config': async () => ({
    current: thresholdConfigVersion,
    call: (m) => t.as(USERS.lead).put('/api/threshold-config', { requiredAgencyIds: ['medway-council'] }, headers(m)),
  }),
  'POST /api/p/{partnershipId}/threshold-documents': async () => ({
    current: thresholdConfigVersion,
    call: (m) =>
      t
        .as(USERS.lead)
        .post(
          '/api/threshold-documents',
          { title: 'MSCP Threshold Document', versionLabel: 'v9.0', summaryOfChanges: 'Stale issue', effectiveFrom: '2027-04-01', content: '# Levels of need' },
          headers(m),
        ),
  }),
  'POST /api/p/{partnershipId}/threshold-documents/upload': async () => ({
    current: thresholdConfigVersion,
    call: async (m) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({ title: 'MSCP Threshold Document', versionLabel: 'v9.1', summaryOfChanges: 'Stale upload', effectiveFrom: '2027-04-01' }))
        form.set(k, v);
      form.set('file', new Blob(['%PDF-1.7\n%%EOF\n'], { type: 'application/pdf' }), 'threshold.pdf');
      return t.app.request(inPartnership('/api/threshold-documents/upload'), {
        method: 'POST',
        headers: { Authorization: `Bearer ${await t.tokenFor(USERS.lead)}`, ...headers(m) },
        body: form,
      });
    },
  }),
  ...Object.fromEntries(
    (
      [
        ['PATCH /api/p/{partnershipId}/people/{id}', (id: string, m: string | undefined) => t.as(USERS.lead).patch(`/api/people/${id}`, { signatory: false }, headers(m))],
        ['POST /api/p/{partnershipId}/people/{id}/deactivate', (id: string, m: string | undefined) => t.as(USERS.lead).post(`/api/people/${id}/deactivate`, undefined, headers(m))],
        ['POST /api/p/{partnershipId}/people/{id}/reactivate', (id: string, m: string | undefined) => t.as(USERS.lead).post(`/api/people/${id}/reactivate`, undefined, headers(m))],
        ['POST /api/p/{partnershipId}/people/{id}/invitation', (id: string, m: string | undefined) => t.as(USERS.lead).post(`/api/people/${id}/invitation`, undefined, headers(m))],
      ] as const
    ).map(([key, call]) => [
      key,
      async (): Promise<Case> => {
        // A newly invited person: each route can act on them (a deactivated one is reactivated first).
        const email = `concurrency-${key.split('/').at(-1)}@x.example`.replace('{id}', 'patch');
        const res = await t.as(USERS.lead).post('/api/people', { name: 'Kit Moss', email, role: 'partner', agencyId: 'kent-police', signatory: true });
        const { person } = await json<{ person: { id: string; version: number } }>(res);
        if (key.endsWith('reactivate'))
          expect((await t.as(USERS.lead).post(`/api/people/${person.id}/deactivate`, undefined, { 'If-Match': `"${person.version}"` })).status).toBe(200);
        const current = async () => version((await t.as(USERS.lead).get(`/api/people/${person.id}`)).headers.get('etag'));
        return { current, call: (m) => call(person.id, m) };
      },
    ]),
  ),
  'PUT /api/p/{partnershipId}/me/notifications': async () => {
    // The first save creates the settings (no If-Match); the case is about changing them afterwards.
    const current = async () => version((await t.as(USERS.education).get('/api/me/notifications')).headers.get('etag'));
    if ((await current()) === 0) expect((await t.as(USERS.education).put('/api/me/notifications', { choices: { 'period-opened': 'digest' } })).status).toBe(200);
    return { current, call: (m) => t.as(USERS.education).put('/api/me/notifications', { choices: { 'period-opened': 'off' } }, headers(m)) };
  },
  'PUT /api/p/{partnershipId}/tracker/overall/{periodId}/{workstreamId}': async () => {
    // The first setting creates it (no If-Match); the case is about changing it afterwards.
    if ((await overallVersion()) === 0) expect((await t.as(USERS.lead).put(overallPath, { confidence: 'amber', note: 'Set by the lead.' })).status).toBe(200);
    return { current: overallVersion, call: (m) => t.as(USERS.lead).put(overallPath, { confidence: 'red', note: 'Stale change.' }, headers(m)) };
  },
};

// Programme set-up: each change of a workstream or agency is versioned; adding one makes a new id.
Object.assign(NO_IF_MATCH, {
  'POST /api/p/{partnershipId}/workstreams': 'adds a new workstream with an id made from its name; a name already used is 422',
  'POST /api/p/{partnershipId}/agencies': 'adds a new agency with an id made from its name; a name already used is 422',
});
for (const [list, id, body] of [
  ['workstreams', 'kinship', { description: 'A changed description.' }],
  ['agencies', 'kent-police', { name: 'Kent Police Service' }],
] as const) {
  const path = `/api/${list}/${id}`;
  const current = async () => (await json<Record<string, { id: string; version: number }[]>>(t.as(USERS.lead).get('/api/partnership')))[list]!.find((x) => x.id === id)!.version;
  const route = `/api/p/{partnershipId}/${list}/{${list === 'workstreams' ? 'id' : 'agencyId'}}`;
  CASES[`PATCH ${route}`] = async () => ({ current, call: (m) => t.as(USERS.lead).patch(path, body, headers(m)) });
  CASES[`POST ${route}/move`] = async () => ({ current, call: (m) => t.as(USERS.lead).post(`${path}/move`, { direction: 'down' }, headers(m)) });
  for (const action of ['retire', 'restore'])
    CASES[`POST ${route}/${action}`] = async () => ({ current, call: (m) => t.as(USERS.lead).post(`${path}/${action}`, undefined, headers(m)) });
}

// Outcome measures: the lead's indicators and the small-number threshold are versioned; adding an indicator makes a new id.
Object.assign(NO_IF_MATCH, {
  'POST /api/p/{partnershipId}/workstreams/{id}/indicators': 'adds a new indicator with an id made from its name; a name the workstream already has is 422',
});
type MeasuresBody = { settings: { version: number }; workstreams: { indicators: { id: string; version: number }[] }[] };
const indicatorVersion = async () =>
  (await json<MeasuresBody>(t.as(USERS.lead).get('/api/measures?workstreamId=safeguarding'))).workstreams[0]!.indicators.find((i) => i.id === 'child-protection-plans')!.version;
const indicatorPath = '/api/workstreams/safeguarding/indicators/child-protection-plans';
CASES['PATCH /api/p/{partnershipId}/workstreams/{id}/indicators/{indicatorId}'] = async () => ({
  current: indicatorVersion,
  call: (m) => t.as(USERS.lead).patch(indicatorPath, { source: 'A changed source.' }, headers(m)),
});
for (const action of ['retire', 'restore'])
  CASES[`POST /api/p/{partnershipId}/workstreams/{id}/indicators/{indicatorId}/${action}`] = async () => ({
    current: indicatorVersion,
    call: (m) => t.as(USERS.lead).post(`${indicatorPath}/${action}`, undefined, headers(m)),
  });
const settingsVersion = async () => (await json<MeasuresBody>(t.as(USERS.lead).get('/api/measures?workstreamId=safeguarding'))).settings.version;
CASES['PUT /api/p/{partnershipId}/measures/settings'] = async () => {
  // Set once (from version 0, "never set"), so there is a version to be stale against.
  if ((await settingsVersion()) === 0) expect((await t.as(USERS.lead).put('/api/measures/settings', { smallNumberThreshold: 6 }, { 'If-Match': '"0"' })).status).toBe(200);
  return { current: settingsVersion, call: (m) => t.as(USERS.lead).put('/api/measures/settings', { smallNumberThreshold: 7 }, headers(m)) };
};

// The yearly report: drafting one makes a new report for its window (409 if there is one); each change after that is versioned.
Object.assign(NO_IF_MATCH, {
  'POST /api/p/{partnershipId}/reports': 'drafts a new report for a 12-month window; a window that has one already is 409',
});
const reportVersion = async () => {
  const res = await t.as(USERS.lead).get('/api/reports/2026-27-Q2');
  if (res.status === 404) expect((await t.as(USERS.lead).post('/api/reports', { lastPeriodId: '2026-27-Q2' })).status).toBe(201);
  return (await json<{ version: number }>(t.as(USERS.lead).get('/api/reports/2026-27-Q2'))).version;
};
CASES['PUT /api/p/{partnershipId}/reports/{reportId}/sections/{sectionKey}'] = async () => ({
  current: reportVersion,
  call: (m) => t.as(USERS.lead).put('/api/reports/2026-27-Q2/sections/reviews', { text: 'The partners acted on one practice review.' }, headers(m)),
});
CASES['POST /api/p/{partnershipId}/reports/{reportId}/regenerate'] = async () => ({
  current: reportVersion,
  call: (m) => t.as(USERS.lead).post('/api/reports/2026-27-Q2/regenerate', undefined, headers(m)),
});

// Only tests count the audit table as a whole; the API never scans.
const auditCount = async () => (await t.doc.send(new ScanCommand({ TableName: t.config.tables.audit, Select: 'COUNT' }))).Count ?? 0;

describe('If-Match on every write route of a versioned resource', () => {
  const routes = writeRoutes();
  const versioned = routes.filter((r) => r.ifMatch);

  it('when the API is described, every write route either needs If-Match or is listed with the reason it does not', () => {
    expect(routes.filter((r) => !r.ifMatch && !NO_IF_MATCH[r.key]).map((r) => r.key)).toEqual([]);
    expect(Object.keys(NO_IF_MATCH).filter((k) => versioned.some((r) => r.key === k))).toEqual([]);
    expect(versioned.map((r) => r.key).filter((k) => !CASES[k])).toEqual([]);
    expect(versioned.length).toBeGreaterThanOrEqual(16);
  });

  it.each(versioned.map((r) => [r.key, r] as const))('when %s is described, If-Match is a header with 412 and 428 answers', (_key, r) => {
    expect(r.op.responses).toHaveProperty('412');
    expect(r.op.responses).toHaveProperty('428');
  });

  it.each(versioned.map((r) => [r.key] as const))('when %s is sent without If-Match, or with a stale one, it answers 428 or 412 and nothing is written or audited', async (key) => {
    const c = await CASES[key]!();
    const before = { version: await c.current(), audit: await auditCount() };
    expect(before.version).toBeGreaterThan(0);

    const missing = await c.call(undefined);
    expect(missing.status).toBe(428);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');

    const stale = await c.call(`"${before.version - 1}"`);
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect((await c.call('*')).status).toBe(412);

    expect(await c.current()).toBe(before.version);
    expect(await auditCount()).toBe(before.audit);
  });

  it('when the routes that create on first save are described, If-Match is optional there (and only there)', () => {
    expect(
      versioned
        .filter((r) => r.ifMatch === 'until-created')
        .map((r) => r.key)
        .sort(),
    ).toEqual([
      'PUT /api/p/{partnershipId}/me/notifications',
      'PUT /api/p/{partnershipId}/readiness/{criterionId}/{agencyId}',
      'PUT /api/p/{partnershipId}/returns/{periodId}/{agencyId}',
      'PUT /api/p/{partnershipId}/tracker/overall/{periodId}/{workstreamId}',
    ]);
  });
});

describe('the guard is the write itself, not only the read before it', () => {
  it('when two edits race with the same ETag, exactly one is saved and the other is refused', async () => {
    const path = '/api/workstreams/care-leavers/criteria';
    const created = await t.as(USERS.lead).post(path, { title: 'Race criterion', agencyIds: ['medway-council'] });
    expect(created.status).toBe(201);
    const { id } = await json<{ id: string }>(created);
    const etag = created.headers.get('etag') ?? '';
    const results = await Promise.all(['One', 'Two', 'Three'].map((n) => t.as(USERS.lead).patch(`${path}/${id}`, { title: `Race criterion ${n}` }, { 'If-Match': etag })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412 || s === 409)).toHaveLength(2);
  });

  it('when a write is guarded by a version the item no longer has, the transaction is refused with 412 and nothing is audited', async () => {
    const key = milestoneKeys.milestone('mscp', 'safeguarding', 'sg-macpt-isa-signed');
    const stored = (await t.doc.send(new GetCommand({ TableName: t.config.tables.main, Key: key }))).Item!;
    const writer = new Writer(t.doc, t.config.tables.audit, 'mscp');
    const before = await auditCount();
    const ctx = { actor: { userId: 'test', email: 'test@example', name: 'Test', role: 'lead', agencyId: null }, requestId: 'test', now: new Date() };
    await expect(
      writer.write(
        [guardedPut(t.config.tables.main, { ...stored, title: 'Lost update', version: (stored.version as number) + 1 }, (stored.version as number) - 1)],
        { action: 'test', entityType: 'milestone', entityId: 'x', summary: 'x' },
        ctx,
      ),
    ).rejects.toBeInstanceOf(PreconditionFailed);
    expect((await t.doc.send(new GetCommand({ TableName: t.config.tables.main, Key: key }))).Item).toEqual(stored);
    expect(await auditCount()).toBe(before);
  });

  it('when the lead clears an overall confidence and sets it again, an ETag from before the clearing stays stale', async () => {
    const path = `/api/tracker/overall/${Q3}/kinship`;
    const first = await t.as(USERS.lead).put(path, { confidence: 'green', note: 'On track.' });
    expect(first.status).toBe(200);
    const old = first.headers.get('etag') ?? '';
    const cleared = await t.as(USERS.lead).put(path, { confidence: null }, { 'If-Match': old });
    expect(cleared.status).toBe(200);
    expect((await t.as(USERS.lead).put(path, { confidence: 'amber' })).status).toBe(428);
    expect((await t.as(USERS.lead).put(path, { confidence: 'red' }, { 'If-Match': old })).status).toBe(412);
    expect((await t.as(USERS.lead).put(path, { confidence: 'amber' }, { 'If-Match': cleared.headers.get('etag') ?? '' })).status).toBe(200);
  });
});
