import { PutCommand, QueryCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../functions/auth/passwords.js';
import { createDocumentClient } from '../../functions/db/client.js';
import { auditKeys, platformKeys, readinessKeys } from '../../functions/db/keys.js';
import { MAIN_TABLE } from '../../functions/db/table-design.js';
import { readMailbox, type SesLocal } from '../../functions/local/ses-local.js';
import { PlatformRepository } from '../../functions/repositories/platform-repository.js';
import { seedPlatformAdmins } from '../../functions/seed/seed.js';
import { partnershipUrl } from '../../shared/partnership/paths.js';
import { formatPeriodId, parsePeriodId, periodForDate } from '../../shared/periods/period.js';
import type { TemplateDetailView } from '../../shared/platform/schema.js';
import { apiDocument, type TestApp, USERS, useMailTestApp } from '../support/api.js';
import { DEMO_PASSWORD } from '../support/tables.js';
import { manyReadinessCriteria } from '../support/large-template.js';

/**
 * Platform administration (issue 13): a platform administrator, a role of the service kept in its
 * own records and in no partnership, creates a third partnership from the Families First template
 * with edits; its first lead receives an invitation whose link opens the new partnership, sets a
 * password and works there. Nobody else may use the platform routes, and refusals write nothing.
 * Mail goes through the SES emulator.
 */
// The app's clock is the real one, moved on when a test needs "a minute later" (tokens are checked
// against the real time, so the app must issue them at it).
let skew = 0;
const mail = useMailTestApp({ clock: () => new Date(Date.now() + skew) });
/** The financial year the app is in (reporting starts in it), and its Q3 and Q4 with returns due 30 days after each ends. */
const YEAR = parsePeriodId(periodForDate(new Date())).year;
const Q3 = formatPeriodId({ year: YEAR, quarter: 3 });
const Q4 = formatPeriodId({ year: YEAR, quarter: 4 });
let t: TestApp;
let ses: SesLocal;

const ADMIN = 'platform@portal.example';
/** A platform administrator whose access has ended (their record says so from the start). */
const FORMER_ADMIN = 'former.admin@portal.example';
/** An administrator deactivated during the last test, after signing in. */
const SECOND_ADMIN = 'second.admin@portal.example';

beforeAll(async () => {
  t = mail.app();
  ses = mail.ses();
  const setup = createDocumentClient({ ...t.config.dynamodb, timeoutMs: 60_000 });
  await seedPlatformAdmins(setup, t.config.tables, { password: DEMO_PASSWORD });
  const platform = new PlatformRepository(setup, t.config.tables.main);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const [email, name, status] of [
    [FORMER_ADMIN, 'Lee Marsh', 'deactivated'],
    [SECOND_ADMIN, 'Kit Rowe', 'active'],
  ] as const) {
    await setup.send(new PutCommand({ TableName: t.config.tables.main, Item: platform.adminItem({ id: `admin-${status}-${name.length}`, email, name, status, passwordHash }) }));
  }
});

// Only tests count whole tables; the API never scans.
const count = async (table: string) => (await t.doc.send(new ScanCommand({ TableName: table, Select: 'COUNT', ConsistentRead: true }))).Count ?? 0;
const counts = async () => [await count(t.config.tables.main), await count(t.config.tables.audit)];

const request = (method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) =>
  t.app.request(path, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
const signIn = (email: string, password = DEMO_PASSWORD) => request('POST', '/api/auth/login', null, { email, password });
async function tokenOf(email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await signIn(email, password);
  expect(res.status, `${email} signs in`).toBe(200);
  return ((await res.json()) as { token: string }).token;
}
const json = async <T>(res: Response | Promise<Response>) => (await (await res).json()) as T;
const problemPaths = async (res: Response) => ((await res.json()) as { errors?: { path: string }[] }).errors?.map((e) => e.path) ?? [];

let adminToken = '';
let draft: TemplateDetailView['draft'];

const SURREY = [
  { id: 'surrey-county-council', name: 'Surrey County Council', type: 'local-authority', statutory: true },
  { id: 'surrey-police', name: 'Surrey Police', type: 'police', statutory: true },
  { id: 'nhs-surrey-heartlands', name: 'NHS Surrey Heartlands', type: 'health', statutory: true },
  { id: 'surrey-schools', name: 'Surrey schools and education', type: 'education', statutory: false },
  { id: 'surrey-community-action', name: 'Surrey Community Action', type: 'voluntary', statutory: false },
] as const;
const LEAD = { name: 'Dana Fox', email: 'dana.fox@surreycc.example' };

/** A new partnership from the template's draft, with the administrator's edits. */
function surrey(over: Record<string, unknown> = {}) {
  const criteria = draft.template.readinessCriteria;
  return {
    id: 'sscp',
    name: 'Surrey Safeguarding Children Partnership',
    shortName: 'SSCP',
    templateId: draft.templateId,
    firstYear: draft.firstYear,
    agencies: SURREY,
    settings: { ...draft.settings, reminderWorkingDays: 3 },
    template: {
      ...draft.template,
      workstreams: draft.template.workstreams.map((w) => (w.id === 'care-leavers' ? { ...w, name: 'Care leavers and Staying Close' } : w)),
      // One MACPT criterion left out; the reporting calendar's last two quarters, due 30 days after each ends.
      readinessCriteria: criteria.filter((c) => c.id !== criteria.filter((x) => x.id.startsWith('macpt-')).at(-1)!.id),
      reportingCalendar: { quarters: [3, 4], dueDate: { rule: 'days-after-quarter-end', days: 30 } },
    },
    firstLead: LEAD,
    ...over,
  };
}

/** The set-password link in the newest email to `to`. */
async function invitationTo(to: string) {
  const m = (await readMailbox(ses.endpoint)).filter((x) => x.destination.to.includes(to)).at(-1);
  const link = /(\S+)\/set-password#token=([A-Za-z0-9._-]+)/.exec(m?.body.text ?? '');
  if (!m || !link) throw new Error(`no invitation to ${to}`);
  return { mail: m, base: link[1]!, token: link[2]! };
}

const PLATFORM_ROUTES = () =>
  Object.entries(apiDocument().paths)
    .filter(([path]) => path.startsWith('/api/platform/'))
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path: path.replace('{id}', 'families-first-england'), roles: op['x-roles'] ?? [] })),
    );

describe('the platform administrator', () => {
  it('when they sign in, the answer says they administer the platform (and says nothing of it for anyone else)', async () => {
    expect(await json(signIn(ADMIN))).toMatchObject({ platformAdmin: true });
    expect(await json<Record<string, unknown>>(signIn(USERS.lead))).not.toHaveProperty('platformAdmin');
  });

  it('when they sign in, they are named by GET /api/platform/me, and they work in no partnership', async () => {
    adminToken = await tokenOf(ADMIN);
    expect(await json(request('GET', '/api/platform/me', adminToken))).toEqual({ platformAdmin: true, id: expect.any(String), name: 'Pat Okafor', email: ADMIN });
    expect(await json(request('GET', '/api/partnerships', adminToken))).toEqual({ partnerships: [] });
    // No partnership has a record of them: its routes answer as for any partnership not theirs
    // (404), without ending the session their platform pages use.
    expect((await request('GET', '/api/p/mscp/partnership', adminToken)).status).toBe(404);
    // The sign-in is audited outside any partnership.
    const me = await json<{ id: string }>(request('GET', '/api/platform/me', adminToken));
    const events = await t.doc.send(
      new QueryCommand({
        TableName: t.config.tables.audit,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': auditKeys.entity(platformKeys.auditScope, 'platform-admin', me.id) },
      }),
    );
    expect(events.Items?.map((e) => e.action)).toContain('auth.sign-in');
  });

  it('when they list the templates and open Families First, its draft has the five workstreams and the MACPT and Family Help criteria', async () => {
    const list = await json<{ templates: { id: string; name: string }[] }>(request('GET', '/api/platform/templates', adminToken));
    expect(list.templates).toEqual([expect.objectContaining({ id: 'families-first-england', name: 'Families First Partnership (England)' })]);
    const res = await request('GET', '/api/platform/templates/families-first-england', adminToken);
    expect(res.status).toBe(200);
    const detail = (await res.json()) as TemplateDetailView;
    expect(detail.requiredAgencyTypes).toEqual(['local-authority', 'police', 'health']);
    expect(detail.draft.template.workstreams.map((w) => w.id)).toEqual(['family-help', 'kinship', 'safeguarding', 'placement-sufficiency', 'care-leavers']);
    expect(new Set(detail.draft.template.readinessCriteria.map((c) => c.workstreamId))).toEqual(new Set(['family-help', 'safeguarding']));
    // Reporting starts in the current financial year.
    expect(detail.draft.firstYear).toBe(YEAR);
    draft = detail.draft;
    expect((await request('GET', '/api/platform/templates/no-such-template', adminToken)).status).toBe(404);
    expect((await request('GET', '/api/platform/templates/Not_A_Slug', adminToken)).status).toBe(404);
  });
});

describe('creating a third partnership from the template', () => {
  let leadId = '';

  it('when the administrator creates Surrey’s partnership with edits, it is listed, audited in its own trail, and its lead is emailed a link into it', async () => {
    // Medway's lead looks first: there is no such partnership (and the app remembers that for a minute).
    expect((await t.as(USERS.lead).get('/api/p/sscp/partnership')).status).toBe(404);
    const res = await request('POST', '/api/platform/partnerships', adminToken, surrey());
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/api/p/sscp/partnership');
    const body = (await res.json()) as {
      partnership: Record<string, unknown>;
      firstLead: { id: string; status: string; role: string; agencyId: string; invitedBy: string };
      invitationSent: boolean;
      omittedCriterionIds: string[];
    };
    expect(body.partnership).toEqual({
      id: 'sscp',
      name: 'Surrey Safeguarding Children Partnership',
      shortName: 'SSCP',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      createdBy: 'Pat Okafor',
      templateId: 'families-first-england',
    });
    expect(body.firstLead).toMatchObject({ status: 'invited', role: 'lead', agencyId: 'surrey-county-council', invitedBy: 'Pat Okafor' });
    expect(body.invitationSent).toBe(true);
    expect(body.omittedCriterionIds).toEqual([]);
    leadId = body.firstLead.id;

    const hosted = await json<{ partnerships: { id: string; createdBy: string | null }[] }>(request('GET', '/api/platform/partnerships', adminToken));
    expect(hosted.partnerships.map((p) => p.id)).toEqual(['mscp', 'sscp']);
    expect(hosted.partnerships.find((p) => p.id === 'sscp')?.createdBy).toBe('Pat Okafor');

    const trail = await t.doc.send(
      new QueryCommand({
        TableName: t.config.tables.audit,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': auditKeys.entity('sscp', 'partnership', 'sscp') },
      }),
    );
    expect(trail.Items).toHaveLength(1);
    expect(trail.Items![0]).toMatchObject({
      action: 'partnership.create',
      actor: { name: 'Pat Okafor', role: 'platform-admin', agencyId: null },
      summary: expect.stringContaining('invited Dana Fox as its programme lead for Surrey County Council'),
      meta: { templateId: 'families-first-england', templateVersion: expect.any(Number) },
    });

    const { mail: m, base } = await invitationTo(LEAD.email);
    expect(m.subject).toBe('You have been invited to the Surrey Safeguarding Children Partnership reform portal');
    expect(m.body.text).toContain('Pat Okafor has invited you to the Surrey Safeguarding Children Partnership reform portal as a reform programme lead for Surrey County Council');
    expect(base).toBe(partnershipUrl(t.config.portalUrl, 'sscp'));
  });

  it('when the lead sets a password from the link, they sign in and work in the new partnership as its lead, with the edited configuration', async () => {
    const { token } = await invitationTo(LEAD.email);
    expect(await json(request('POST', '/api/auth/invitation', null, { token }))).toMatchObject({ name: 'Dana Fox', email: LEAD.email });
    {
      const set = await request('POST', '/api/auth/set-password', null, { token, password: 'heath lantern copper' });
      expect(set.status).toBe(200);
      const dana = await tokenOf(LEAD.email, 'heath lantern copper');
      expect(await json(request('GET', '/api/partnerships', dana))).toEqual({
        partnerships: [expect.objectContaining({ id: 'sscp', name: 'Surrey Safeguarding Children Partnership', role: 'lead', agencyId: 'surrey-county-council' })],
      });
      expect(await json(request('GET', '/api/p/sscp/me', dana))).toMatchObject({ id: leadId, role: 'lead', agencyId: 'surrey-county-council' });

      type Data = {
        partnership: Record<string, unknown>;
        agencies: { id: string }[];
        workstreams: { id: string; name: string; leadAgencyId: string; contributingAgencyIds: string[]; macpt?: boolean }[];
        periods: { id: string; dueDate: string; status: string }[];
      };
      const data = await json<Data>(request('GET', '/api/p/sscp/partnership', dana));
      expect(data.partnership).toEqual({
        id: 'sscp',
        name: 'Surrey Safeguarding Children Partnership',
        shortName: 'SSCP',
        reminderWorkingDays: 3,
        signOffReminderDays: 14,
        certifyReturns: false,
      });
      expect(data.agencies.map((a) => a.id).sort()).toEqual(SURREY.map((a) => a.id).sort());
      expect(data.workstreams.map((w) => w.name)).toContain('Care leavers and Staying Close');
      expect(data.workstreams.find((w) => w.id === 'safeguarding')).toMatchObject({
        leadAgencyId: 'surrey-county-council',
        contributingAgencyIds: ['surrey-county-council', 'surrey-police', 'nhs-surrey-heartlands', 'surrey-schools'],
      });
      // The template's MACPT workstream is the new partnership's: marked in its data.
      expect(data.workstreams.filter((w) => w.macpt).map((w) => w.id)).toEqual(['safeguarding']);
      expect(data.periods).toEqual([
        expect.objectContaining({ id: Q4, dueDate: `${YEAR + 1}-04-30`, status: 'open' }),
        expect.objectContaining({ id: Q3, dueDate: `${YEAR + 1}-01-30`, status: 'open' }),
      ]);
      expect(await json(request('GET', '/api/p/sscp/threshold-config', dana))).toMatchObject({
        requiredAgencyIds: ['surrey-county-council', 'surrey-police', 'nhs-surrey-heartlands'],
        currentVersionId: null,
      });
      const matrix = await json<{ criteria: { id: string }[] }>(request('GET', '/api/p/sscp/workstreams/safeguarding/readiness', dana));
      const macpt = draft.template.readinessCriteria.filter((c) => c.id.startsWith('macpt-'));
      expect(matrix.criteria.map((c) => c.id).sort()).toEqual(
        macpt
          .slice(0, -1)
          .map((c) => c.id)
          .sort(),
      );
      // Nothing of Surrey's is Medway's: Medway's lead is told it does not exist for them.
      expect((await t.as(USERS.lead).get('/api/p/sscp/partnership')).status).toBe(404);
    }
  });

  it('when the same id is created again, it is 409 and nothing is written', async () => {
    const before = await counts();
    const res = await request('POST', '/api/platform/partnerships', adminToken, surrey({ firstLead: { name: 'Sam Other', email: 'sam.other@surreycc.example' } }));
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await counts()).toEqual(before);
    // Nor can a partnership already hosted be made again from the template.
    expect((await request('POST', '/api/platform/partnerships', adminToken, surrey({ id: 'mscp' }))).status).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it('when the configuration needs more than one transaction, it is written in parts, then goes live: listed, with its parts in its audit trail', async () => {
    const many = manyReadinessCriteria(120);
    const res = await request(
      'POST',
      '/api/platform/partnerships',
      adminToken,
      surrey({
        id: 'large-partnership',
        name: 'A large partnership',
        shortName: 'LP',
        template: { ...surrey().template, readinessCriteria: many },
        firstLead: { name: 'Rae Long', email: 'rae.long@large.example' },
      }),
    );
    expect(res.status).toBe(201);
    const hosted = await json<{ partnerships: { id: string }[] }>(request('GET', '/api/platform/partnerships', adminToken));
    expect(hosted.partnerships.map((p) => p.id)).toContain('large-partnership');
    const criteria = await t.doc.send(
      new QueryCommand({
        TableName: t.config.tables.main,
        IndexName: MAIN_TABLE.gsi1.name,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': readinessKeys.allCriteria('large-partnership') },
        Select: 'COUNT',
      }),
    );
    expect(criteria.Count).toBe(120);
    const trail = await t.doc.send(
      new QueryCommand({
        TableName: t.config.tables.audit,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': auditKeys.entity('large-partnership', 'partnership', 'large-partnership') },
      }),
    );
    // One event per transaction: two parts, then going live (all at the same instant of the test's clock).
    expect(trail.Items?.map((e) => String(e.action)).sort()).toEqual(['partnership.create', 'partnership.prepare', 'partnership.prepare']);
  });
});

describe('bad input is refused, naming each field, and nothing is written', () => {
  const smallTemplate = {
    workstreams: [{ id: 'xx', name: 'x'.repeat(201), description: '', order: 1, contributingAgencyTypes: ['local-authority'], leadAgencyType: 'local-authority' }],
    readinessCriteria: [],
    reportingCalendar: { quarters: [1], dueDate: { rule: 'end-of-next-month' } },
    thresholdSignatoryAgencyTypes: ['local-authority'],
  };
  it.each([
    ['an id that is not a slug', 400, ['id'], { id: 'Surrey!' }],
    ['a field the request does not have', 400, ['colour'], { colour: 'blue' }],
    ['no first lead', 400, ['firstLead'], { firstLead: undefined }],
    ['a first lead without an email address', 400, ['firstLead.email'], { firstLead: { name: 'Dana Fox', email: 'not-an-email' } }],
    ['a workstream name too long', 400, ['template.workstreams[0].name'], { template: smallTemplate }],
    ['a template that does not exist', 422, ['templateId'], { id: 'new-one', templateId: 'no-such-template' }],
    ['no police agency (the template requires one)', 422, ['agencies'], { id: 'new-one', agencies: SURREY.filter((a) => a.type !== 'police') }],
    ['a first lead of an agency the partnership does not have', 422, ['firstLead.agencyId'], { id: 'new-one', firstLead: { ...LEAD, agencyId: 'kent-police' } }],
  ] as const)('when the body has %s, it is %i', async (_what, status, paths, over) => {
    const before = await counts();
    const res = await request('POST', '/api/platform/partnerships', adminToken, surrey(over as Record<string, unknown>));
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await problemPaths(res)).toEqual(paths);
    expect(await counts()).toEqual(before);
  });

  it('when an edited criterion names a workstream the template does not have, it is 422 naming that criterion', async () => {
    const before = await counts();
    const edited = surrey({ id: 'new-one' });
    const template = edited.template as typeof draft.template;
    const res = await request('POST', '/api/platform/partnerships', adminToken, {
      ...edited,
      template: { ...template, readinessCriteria: template.readinessCriteria.map((c, i) => (i === 2 ? { ...c, workstreamId: 'no-such-workstream' } : c)) },
    });
    expect(res.status).toBe(422);
    expect(await problemPaths(res)).toEqual(['template.readinessCriteria[2].workstreamId']);
    expect(await counts()).toEqual(before);
  });

  it('when a workstream description holds an NHS number, it is refused with 422 naming the field, and nothing is written', async () => {
    const before = await counts();
    const edited = surrey({ id: 'new-one' });
    const template = edited.template as typeof draft.template;
    const res = await request('POST', '/api/platform/partnerships', adminToken, {
      ...edited,
      template: { ...template, workstreams: template.workstreams.map((w, i) => (i === 0 ? { ...w, description: 'Discussed case 943 476 5919 at the meeting.' } : w)) },
    });
    expect(res.status).toBe(422);
    expect(await problemPaths(res)).toEqual(['template.workstreams[0].description']);
    expect(await counts()).toEqual(before);
  });
});

describe('nobody but an active platform administrator', () => {
  const routes = PLATFORM_ROUTES();
  const callers = [
    ['Medway’s programme lead', USERS.lead],
    ['Medway’s executive', USERS.exec],
    ['a partner officer', USERS.councilOfficer],
    ['an agency administrator', USERS.council],
  ] as const;

  it('when the API is described, its platform routes are the five for platform administrators only', () => {
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'GET /api/platform/me',
      'GET /api/platform/partnerships',
      'GET /api/platform/templates',
      'GET /api/platform/templates/families-first-england',
      'POST /api/platform/partnerships',
    ]);
    for (const r of routes) expect(r.roles).toEqual(['platform-admin']);
  });

  it.each(callers)('when %s calls each platform route, it is 403 and nothing is written', async (_who, email) => {
    const token = await t.tokenFor(email);
    const before = await counts();
    for (const r of routes) {
      const res = await request(r.method, r.path, token, r.method === 'POST' ? surrey({ id: 'not-allowed' }) : undefined);
      expect(res.status, `${r.method} ${r.path}`).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await counts()).toEqual(before);
  });

  it('when nobody is signed in, each platform route answers 401', async () => {
    for (const r of routes) expect((await request(r.method, r.path, null, r.method === 'POST' ? surrey({ id: 'not-allowed' }) : undefined)).status).toBe(401);
  });

  it('when a deactivated administrator signs in, their access has ended; with a token from before, every platform route refuses them', async () => {
    const login = await signIn(FORMER_ADMIN);
    expect(login.status).toBe(401);
    expect(((await login.json()) as { type: string }).type).toMatch(/access-ended$/);
    const { token } = await t.issuer.issue({ id: 'former', email: FORMER_ADMIN, name: 'Lee Marsh', role: 'executive', agencyId: null, signatory: false });
    const before = await counts();
    for (const r of routes) expect((await request(r.method, r.path, token, r.method === 'POST' ? surrey({ id: 'not-allowed' }) : undefined)).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('when an administrator is deactivated after signing in, creating is refused at once and nothing is written; within a minute every route refuses them', async () => {
    const token = await tokenOf(SECOND_ADMIN);
    expect((await request('GET', '/api/platform/me', token)).status).toBe(200);
    await t.doc.send(
      new UpdateCommand({
        TableName: t.config.tables.main,
        Key: platformKeys.admin(SECOND_ADMIN),
        UpdateExpression: 'SET #s = :off',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':off': 'deactivated' },
      }),
    );
    const before = await counts();
    // Their access is still remembered (up to a minute), but the write checks the record itself.
    const create = await request('POST', '/api/platform/partnerships', token, surrey({ id: 'too-late', firstLead: { name: 'Jo Late', email: 'jo.late@surreycc.example' } }));
    expect(create.status).toBe(403);
    expect(await counts()).toEqual(before);
    skew = 61_000;
    try {
      for (const r of routes.filter((x) => x.method === 'GET')) expect((await request(r.method, r.path, token)).status).toBe(403);
    } finally {
      skew = 0;
    }
  });
});
