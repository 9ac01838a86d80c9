import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/http/problem.js';
import { apiDocument, createTestApp, USERS, type TestApp, inPartnership } from '../support/api.js';
import { testConfig } from '../support/tables.js';

/**
 * One personal-data rule for every free-text write: a definite identifier is refused with 422
 * naming the field and the kind and nothing is written; possible personal data needs the
 * `Confirm-Personal-Data` header, and the confirmation is audited (field and kind, never the text).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: testConfig({ logLevel: 'error' }) });
});
afterAll(async () => {
  await t.drop();
});

const Q3 = '2026-27-Q3';
const NHS = 'Discussed case 943 476 5919 at the meeting.';
const PHONE = 'Ring the family on 07700 900123 before the visit.';

// Only tests count whole tables; the API never scans.
const count = async (table: string) => (await t.doc.send(new ScanCommand({ TableName: table, Select: 'COUNT' }))).Count ?? 0;
const counts = async () => [await count(t.config.tables.main), await count(t.config.tables.audit)];

interface WriteCase {
  /** The route as the OpenAPI document names it. */
  route: string;
  user: string;
  method: string;
  path: string;
  body: (text: string) => unknown;
  /** The field the text lands in, as problem+json names it. */
  field: string;
}

const section = (workstreamId: string, narrative: string) => ({ workstreamId, confidence: 'amber', narrative, milestones: [], risks: [], escalations: [], metrics: [] });
const kinshipDraft = (summary: string) => ({
  category: 'health-and-wellbeing',
  title: 'Kinship carers health check',
  summary,
  arrangementTypes: ['special-guardianship-order'],
  providerAgencyId: 'nhs-kent-medway',
  contact: 'Kinship team, 01634 331234, kinship.health@nhs.example',
});

/** A valid body for every write route that takes free text, with the text put in one field. */
const CASES: WriteCase[] = [
  // Medway schools have not started their Q3 return in the demo: the first save creates it.
  {
    route: 'put /api/p/{partnershipId}/returns/{periodId}/{agencyId}',
    user: USERS.education,
    method: 'PUT',
    path: `/api/returns/${Q3}/medway-education`,
    body: (s) => ({ sections: [section('kinship', s)] }),
    field: 'sections[0].narrative',
  },
  {
    route: 'post /api/p/{partnershipId}/returns/{periodId}/{agencyId}/return',
    user: USERS.lead,
    method: 'POST',
    path: `/api/returns/${Q3}/kent-police/return`,
    body: (s) => ({ comment: s }),
    field: 'comment',
  },
  // Medway Council's signatory sends its return back to the preparer (the demo certifies returns).
  {
    route: 'post /api/p/{partnershipId}/returns/{periodId}/{agencyId}/send-back',
    user: USERS.council,
    method: 'POST',
    path: `/api/returns/${Q3}/medway-council/send-back`,
    body: (s) => ({ comment: s }),
    field: 'comment',
  },
  {
    route: 'post /api/p/{partnershipId}/returns/{periodId}/{agencyId}/reopen',
    user: USERS.lead,
    method: 'POST',
    path: `/api/returns/${Q3}/kent-police/reopen`,
    body: (s) => ({ reason: s }),
    field: 'reason',
  },
  {
    route: 'post /api/p/{partnershipId}/kinship-offer/items',
    user: USERS.health,
    method: 'POST',
    path: '/api/kinship-offer/items',
    body: (s) => kinshipDraft(s),
    field: 'summary',
  },
  {
    route: 'patch /api/p/{partnershipId}/kinship-offer/items/{id}',
    user: USERS.lead,
    method: 'PATCH',
    path: '/api/kinship-offer/items/{kinshipId}',
    body: (s) => ({ eligibility: s }),
    field: 'eligibility',
  },
  {
    route: 'post /api/p/{partnershipId}/kinship-offer/items/{id}/return',
    user: USERS.lead,
    method: 'POST',
    path: '/api/kinship-offer/items/{kinshipId}/return',
    body: (s) => ({ comment: s }),
    field: 'comment',
  },
  {
    route: 'put /api/p/{partnershipId}/readiness/{criterionId}/{agencyId}',
    user: USERS.police,
    method: 'PUT',
    path: '/api/readiness/macpt-members-in-post/kent-police',
    body: (s) => ({ status: 'in-progress', evidence: s }),
    field: 'evidence',
  },
  {
    route: 'post /api/p/{partnershipId}/readiness/{criterionId}/{agencyId}/validate',
    user: USERS.lead,
    method: 'POST',
    path: '/api/readiness/macpt-members-in-post/kent-police/validate',
    body: (s) => ({ outcome: 'challenged', comment: s }),
    field: 'comment',
  },
  {
    route: 'post /api/p/{partnershipId}/workstreams/{id}/criteria',
    user: USERS.lead,
    method: 'POST',
    path: '/api/workstreams/safeguarding/criteria',
    body: (s) => ({ title: 'Escalation route agreed', description: s, agencyIds: ['kent-police'] }),
    field: 'description',
  },
  {
    route: 'patch /api/p/{partnershipId}/workstreams/{id}/criteria/{criterionId}',
    user: USERS.lead,
    method: 'PATCH',
    path: '/api/workstreams/safeguarding/criteria/macpt-members-in-post',
    body: (s) => ({ evidenceExpected: s }),
    field: 'evidenceExpected',
  },
  {
    route: 'post /api/p/{partnershipId}/workstreams/{id}/milestones',
    user: USERS.lead,
    method: 'POST',
    path: '/api/workstreams/safeguarding/milestones',
    body: (s) => ({ title: 'Escalation route agreed', description: s, ownerAgencyId: 'kent-police', dueDate: '2027-03-31' }),
    field: 'description',
  },
  {
    route: 'patch /api/p/{partnershipId}/workstreams/{id}/milestones/{milestoneId}',
    user: USERS.lead,
    method: 'PATCH',
    path: '/api/workstreams/safeguarding/milestones/sg-macpt-isa-signed',
    body: (s) => ({ description: s }),
    field: 'description',
  },
  {
    route: 'post /api/p/{partnershipId}/threshold-documents',
    user: USERS.lead,
    method: 'POST',
    path: '/api/threshold-documents',
    body: (s) => ({ title: 'Threshold document', versionLabel: 'v9.0', summaryOfChanges: s, effectiveFrom: '2027-04-01', content: '# Levels of need' }),
    field: 'summaryOfChanges',
  },
  {
    route: 'post /api/p/{partnershipId}/threshold-documents/{versionId}/sign-offs',
    user: USERS.health,
    method: 'POST',
    path: '/api/threshold-documents/{currentVersion}/sign-offs',
    body: (s) => ({ decision: 'request-changes', comment: s }),
    field: 'comment',
  },
  {
    route: 'put /api/p/{partnershipId}/tracker/overall/{periodId}/{workstreamId}',
    user: USERS.lead,
    method: 'PUT',
    path: `/api/tracker/overall/${Q3}/safeguarding`,
    body: (s) => ({ confidence: 'amber', note: s }),
    field: 'note',
  },
];

/** Write routes whose bodies hold no free text, each with the reason. */
const NO_FREE_TEXT: Record<string, string> = {
  'post /api/auth/login': 'credentials: checked against the account, never stored',
  'post /api/auth/invitation': "an invitation link's token only",
  'post /api/auth/set-password': 'a token and a password: hashed, never stored as text',
  'post /api/auth/login/code': 'a challenge and a 6-digit code only',
  'post /api/second-factor/setup': 'no body',
  'post /api/second-factor/confirm': 'a 6-digit code only',
  'delete /api/second-factor': 'no body',
  'post /api/platform/partnerships':
    "free text is checked (an NHS number in a workstream description is refused: test/api/platform-admin.test.ts); the first lead's name and work email are about staff by design",
  'post /api/p/{partnershipId}/people': "a member of staff's name, work email, role and agency: about staff by design; definite identifiers are still refused (tested below)",
  'patch /api/p/{partnershipId}/people/{id}': "a member of staff's name, role and agency: about staff by design; definite identifiers are still refused (tested below)",
  'post /api/p/{partnershipId}/people/{id}/deactivate': 'no body',
  'post /api/p/{partnershipId}/people/{id}/reactivate': 'no body',
  'post /api/p/{partnershipId}/people/{id}/invitation': 'no body',
  'put /api/p/{partnershipId}/me/notifications': 'choices from a fixed list',
  'post /api/public/p/{partnershipId}/unsubscribe': "an email link's token only",
  'post /api/public/p/{partnershipId}/unsubscribe/one-click': "a mail client's List-Unsubscribe=One-Click; the token is in the address",
  'post /api/p/{partnershipId}/returns/{periodId}/{agencyId}/chase': 'no body',
  'post /api/p/{partnershipId}/threshold-documents/{versionId}/sign-offs/{agencyId}/chase': 'no body',
  'post /api/p/{partnershipId}/periods': 'a period id and a due date only',
  'put /api/p/{partnershipId}/threshold-config': 'agency ids only',
  'post /api/p/{partnershipId}/returns/{periodId}/{agencyId}/submit': 'a confirmation flag only; stored text is checked again at submit',
  'post /api/p/{partnershipId}/returns/{periodId}/{agencyId}/accept': 'no body',
  'post /api/p/{partnershipId}/returns/{periodId}/{agencyId}/certify': 'no body',
  'post /api/p/{partnershipId}/kinship-offer/items/{id}/submit': 'no body',
  'post /api/p/{partnershipId}/kinship-offer/items/{id}/publish': 'no body; stored text is checked again before publishing',
  'post /api/p/{partnershipId}/kinship-offer/items/{id}/retire': 'no body',
  'post /api/p/{partnershipId}/threshold-documents/upload': 'multipart form: its text fields are tested below',
  'post /api/p/{partnershipId}/erasures': 'the text to erase, found and never stored; its reason is checked (test/api/erasure.test.ts)',
};

// Programme set-up: names and descriptions of workstreams and agencies are free text; moving, retiring and restoring carry none.
CASES.push(
  ...(['workstreams', 'agencies'] as const).flatMap((list): WriteCase[] => {
    const [field, create, id] =
      list === 'workstreams'
        ? (['description', { name: 'Youth Justice', leadAgencyId: 'medway-council', contributingAgencyIds: ['medway-council'] }, '{id}'] as const)
        : (['name', { name: 'Medway Youth Service', type: 'voluntary', statutory: false }, '{agencyId}'] as const);
    const one = list === 'workstreams' ? 'kinship' : 'kent-police';
    return [
      { route: `post /api/p/{partnershipId}/${list}`, user: USERS.lead, method: 'POST', path: `/api/${list}`, body: (s) => ({ ...create, [field]: s }), field },
      { route: `patch /api/p/{partnershipId}/${list}/${id}`, user: USERS.lead, method: 'PATCH', path: `/api/${list}/${one}`, body: (s) => ({ [field]: s }), field },
    ];
  }),
);
for (const route of ['workstreams/{id}', 'agencies/{agencyId}'])
  Object.assign(NO_FREE_TEXT, {
    [`post /api/p/{partnershipId}/${route}/move`]: 'a direction (up or down) only',
    [`post /api/p/{partnershipId}/${route}/retire`]: 'no body',
    [`post /api/p/{partnershipId}/${route}/restore`]: 'no body',
  });

// Outcome indicators: their name, definition and source are free text; retiring, restoring and the threshold carry none.
CASES.push(
  {
    route: 'post /api/p/{partnershipId}/workstreams/{id}/indicators',
    user: USERS.lead,
    method: 'POST',
    path: '/api/workstreams/safeguarding/indicators',
    body: (s) => ({ name: 'Strategy discussions held', unit: 'count', direction: 'higher', reportingAgencyId: 'medway-council', definition: s }),
    field: 'definition',
  },
  {
    route: 'patch /api/p/{partnershipId}/workstreams/{id}/indicators/{indicatorId}',
    user: USERS.lead,
    method: 'PATCH',
    path: '/api/workstreams/safeguarding/indicators/child-protection-plans',
    body: (s) => ({ definition: s }),
    field: 'definition',
  },
);
Object.assign(NO_FREE_TEXT, {
  'post /api/p/{partnershipId}/workstreams/{id}/indicators/{indicatorId}/retire': 'no body',
  'post /api/p/{partnershipId}/workstreams/{id}/indicators/{indicatorId}/restore': 'no body',
  'put /api/p/{partnershipId}/measures/settings': 'a whole number only',
  'post /api/p/{partnershipId}/reports': 'a period id only',
  'post /api/p/{partnershipId}/reports/{reportId}/regenerate': 'no body: the text comes from records already checked',
});
CASES.push({
  route: 'put /api/p/{partnershipId}/reports/{reportId}/sections/{sectionKey}',
  user: USERS.lead,
  method: 'PUT',
  path: '/api/reports/2026-27-Q3/sections/reviews',
  body: (s) => ({ text: s }),
  field: 'text',
});

let ids: Record<string, string> = {};
async function resolve(path: string): Promise<string> {
  if (!ids.kinshipId) {
    const items = (await (await t.as(USERS.lead).get('/api/kinship-offer/items')).json()) as { id: string }[];
    const versions = (await (await t.as(USERS.lead).get('/api/threshold-documents')).json()) as { id: string; status: string }[];
    ids = { kinshipId: items[0]!.id, currentVersion: versions.find((v) => v.status !== 'superseded')!.id };
  }
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => ids[name]!);
}

async function send(c: WriteCase, text: string, headers: Record<string, string> = {}) {
  const res = await t.app.request(inPartnership(await resolve(c.path)), {
    method: c.method,
    headers: { Authorization: `Bearer ${await t.tokenFor(c.user)}`, 'Content-Type': 'application/json', 'If-Match': '"1"', ...headers },
    body: JSON.stringify(c.body(text)),
  });
  return { res, problem: res.headers.get('content-type')?.includes('json') ? ((await res.json()) as Problem) : null };
}

describe('personal data on every free-text write', () => {
  it('when the API is described, every write route is either checked here or named as holding no free text', () => {
    const doc = apiDocument();
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => m !== 'get')
        .map((m) => `${m} ${path}`),
    );
    const covered = new Set([...CASES.map((c) => c.route), ...Object.keys(NO_FREE_TEXT)]);
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
  });

  it.each(CASES)('when $route carries an NHS number, it is refused with 422 naming the field and kind, and nothing is written', async (c) => {
    const before = await counts();
    const { res, problem } = await send(c, NHS, { 'Confirm-Personal-Data': 'true' });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(problem?.type).toMatch(/personal-data-refused$/);
    expect(problem?.errors).toEqual([expect.objectContaining({ path: c.field, kind: 'nhs-number' })]);
    expect(await counts()).toEqual(before);
  });

  it.each(CASES)('when $route carries a National Insurance number written in lower case, it is refused', async (c) => {
    const { res, problem } = await send(c, 'Her NI number is ab 12 34 56 c apparently.');
    expect(res.status).toBe(422);
    expect(problem?.errors).toEqual([expect.objectContaining({ path: c.field, kind: 'ni-number' })]);
  });

  it.each(CASES)('when $route carries a phone number without confirmation, it asks for confirmation and writes nothing', async (c) => {
    const before = await counts();
    const { res, problem } = await send(c, PHONE);
    expect(res.status).toBe(422);
    expect(problem?.type).toMatch(/personal-data-unconfirmed$/);
    expect(problem?.errors).toEqual([expect.objectContaining({ path: c.field, kind: 'phone' })]);
    expect(await counts()).toEqual(before);
  });

  it('when the threshold upload form carries an NHS number in its summary, it is refused and nothing is written', async () => {
    const before = await counts();
    const form = new FormData();
    form.set('title', 'Threshold document');
    form.set('versionLabel', 'v9.1');
    form.set('summaryOfChanges', NHS);
    form.set('effectiveFrom', '2027-04-01');
    form.set('file', new File([new TextEncoder().encode('%PDF-1.4 test')], 'threshold.pdf', { type: 'application/pdf' }));
    const res = await t.app.request(inPartnership('/api/threshold-documents/upload'), {
      method: 'POST',
      headers: { Authorization: `Bearer ${await t.tokenFor(USERS.lead)}`, 'If-Match': '"1"' },
      body: form,
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).errors).toEqual([expect.objectContaining({ path: 'summaryOfChanges', kind: 'nhs-number' })]);
    expect(await counts()).toEqual(before);
  });

  it('when a person is invited or renamed with an NHS or National Insurance number as their name, it is refused and nothing is written; an ordinary name is not questioned', async () => {
    const before = await counts();
    const invite = await t.as(USERS.lead).post('/api/people', { name: NHS, email: 'staff.one@x.example', role: 'executive', agencyId: null });
    expect(invite.status).toBe(422);
    expect(((await invite.json()) as Problem).errors).toEqual([expect.objectContaining({ path: 'name', kind: 'nhs-number' })]);
    const people = (await (await t.as(USERS.lead).get('/api/people')).json()) as { people: { id: string; version: number }[] };
    const someone = people.people[0]!;
    const rename = await t.as(USERS.lead).patch(`/api/people/${someone.id}`, { name: 'ab 12 34 56 c' }, { 'If-Match': `"${someone.version}"` });
    expect(rename.status).toBe(422);
    expect(((await rename.json()) as Problem).errors).toEqual([expect.objectContaining({ path: 'name', kind: 'ni-number' })]);
    expect(await counts()).toEqual(before);
    expect((await t.as(USERS.lead).post('/api/people', { name: 'Mum Smith', email: 'staff.two@x.example', role: 'executive', agencyId: null })).status).toBe(201);
  });

  it('when a kinship item publishes a service phone number and email in its contact field, no confirmation is asked', async () => {
    const res = await t.as(USERS.health).post('/api/kinship-offer/items', kinshipDraft('Health checks for kinship carers.'));
    expect(res.status).toBe(201);
  });
});

describe('confirmed possible personal data', () => {
  // Writes that create what they write (no version to match yet).
  const confirmedCases = CASES.filter((c) =>
    [
      'put /api/p/{partnershipId}/returns/{periodId}/{agencyId}',
      'post /api/p/{partnershipId}/workstreams/{id}/milestones',
      'post /api/p/{partnershipId}/kinship-offer/items',
    ].includes(c.route),
  );

  it.each(confirmedCases)('when $route is confirmed, it is written and the audit event records the field and kind, not the text', async (c) => {
    const auditBefore = await count(t.config.tables.audit);
    const res = await t.app.request(inPartnership(await resolve(c.path)), {
      method: c.method,
      headers: { Authorization: `Bearer ${await t.tokenFor(c.user)}`, 'Content-Type': 'application/json', 'Confirm-Personal-Data': 'true' },
      body: JSON.stringify(c.body(PHONE)),
    });
    expect([200, 201]).toContain(res.status);
    expect(await count(t.config.tables.audit)).toBe(auditBefore + 1);
    const event = await lastAuditEvent(c.user);
    expect(event.meta?.personalDataConfirmed).toEqual([{ path: c.field, kind: 'phone' }]);
    expect(JSON.stringify(event.meta)).not.toContain('07700');
  });
});

/** The newest audit event by one person (their events in one Query of the actor index). */
async function lastAuditEvent(email: string): Promise<{ meta?: { personalDataConfirmed?: unknown } }> {
  const actor = (await t.issuer.verifier().verify(await t.tokenFor(email))).id;
  const res = await t.doc.send(
    new QueryCommand({
      TableName: t.config.tables.audit,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :a',
      ExpressionAttributeValues: { ':a': `P#${t.config.partnershipId}#ACTOR#${actor}` },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  return res.Items![0] as { meta?: { personalDataConfirmed?: unknown } };
}
