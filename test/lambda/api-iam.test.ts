import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../functions/app.js';
import { API_LEADING_KEYS } from '../../infra/constructs/api.js';
import type { DirectoryPerson, IdentityDirectory } from '../../functions/auth/directory.js';
import { generateLocalKeys, LocalTokenIssuer } from '../../functions/auth/tokens.js';
import { type Config, loadConfig } from '../../functions/config.js';
import { createDocumentClient } from '../../functions/db/client.js';
import { userKeys } from '../../functions/db/keys.js';
import { AUDIT_TABLE, MAIN_TABLE } from '../../functions/db/table-design.js';
import type { DocumentStore } from '../../functions/documents/document-store.js';
import { openApiDocument } from '../../functions/http/openapi.js';
import type { Mailer, OutgoingMail } from '../../functions/mail/mailer.js';
import { ThresholdRepository } from '../../functions/repositories/threshold-repository.js';
import { loadSeed, type SeedFile, seedDemo, seedPlatformAdmins, userIdFor } from '../../functions/seed/seed.js';
import type { TemplateDetailView } from '../../shared/platform/schema.js';
import { type ApiDocument, USERS } from '../support/api.js';
import { recordCommands, type SentCommand } from '../support/dynamo-commands.js';
import { allowed, apiPolicies, describeRequest, type IamRequest, iamRequests, type Statement, TABLE_ARNS } from '../support/iam-check.js';
import { kinshipDraft } from '../support/kinship-draft.js';
import { createSeededTables, DEMO_PASSWORD, TEST_DYNAMODB_TIMEOUT_MS } from '../support/tables.js';
import { manyReadinessCriteria } from '../support/large-template.js';

/**
 * Least privilege for the API function (issue 14): its role (infra/constructs/api.ts, synthesized
 * here) is checked against every DynamoDB request the API really sends, recorded on DynamoDB Local
 * while people use every route: sufficient (IAM allows each request, transactions item by item)
 * and minimal (each action granted on each table or index is needed by some request: take it away
 * and a request is denied), with no Scan, no BatchWriteItem but on the tracker's read model, no
 * wildcard and no other index.
 *
 * The app runs as the Lambda runs it (functions/lambda.ts): `PORTAL_MODE=aws`, so Cognito signs
 * people in (the tokens here are Cognito-shaped, from a local key) and the built-in sign-in routes
 * answer 404 without reading anything; people's sign-in accounts are kept by a stand-in for Cognito,
 * documents by a stand-in for S3 and email by a stand-in for SES (none of them touches DynamoDB).
 * Medway's and Kent's demos share the tables, with the demo platform administrator.
 */

const PID = 'mscp';
const P = `/api/p/${PID}`;
const Q3 = '2026-27-Q3';
const ADMIN = { id: 'platform-admin-pat', email: 'platform@portal.example', name: 'Pat Okafor' };
const MEDWAY: SeedFile = loadSeed('mscp');
const KENT: SeedFile = loadSeed('kscmp');
/** The built-in sign-in of local mode: the Lambda answers these 404 (Cognito signs people in). */
// The built-in sign-in, its second step and the local authenticator's set-up: in AWS, Cognito does these.
const LOCAL_ONLY = ['signIn', 'checkInvitation', 'setPassword', 'getSigningKeys', 'signInWithCode', 'startSecondFactorSetup', 'confirmSecondFactor', 'removeSecondFactor'];

/** The configuration the CDK stack gives the Lambda, pointed at DynamoDB Local and this file's own tables. */
function lambdaConfig(): Config {
  const suffix = randomUUID().slice(0, 8);
  return loadConfig({
    PORTAL_MODE: 'aws',
    LOG_LEVEL: 'silent',
    TABLE_NAME: `test-main-${suffix}`,
    AUDIT_TABLE_NAME: `test-audit-${suffix}`,
    COGNITO_USER_POOL_ID: 'eu-west-2_testpool',
    COGNITO_CLIENT_ID: 'test-client',
    DOCUMENTS_BUCKET: 'portal-documents',
    PORTAL_URL: 'https://portal.example',
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    DYNAMODB_TIMEOUT_MS: String(TEST_DYNAMODB_TIMEOUT_MS),
    // DynamoDB Local updates its indexes with each write, so the tracker need not wait for them to
    // settle (3 s in AWS; that window is tested in test/api/tracker-summary.test.ts): with none, the
    // walk stores the tracker's read model as well, and its grant is checked.
    TRACKER_SETTLE_MS: '0',
  });
}

/** Cognito's part (AdminCreateUser, groups, disable…), which the API does not keep in DynamoDB. */
class CognitoStandIn implements IdentityDirectory {
  readonly portalInvitations = false;
  readonly calls: string[] = [];
  async createAccount(p: DirectoryPerson): Promise<void> {
    this.calls.push(`create ${p.email}`);
  }
  async sync(p: DirectoryPerson): Promise<void> {
    this.calls.push(`sync ${p.email}`);
  }
  /** Every test person has enrolled an authenticator with Cognito (leads and signatories must). */
  async hasAuthenticator(): Promise<boolean> {
    return true;
  }
}

/** S3's part: the documents bucket. */
class BucketStandIn implements DocumentStore {
  readonly objects = new Map<string, Uint8Array>();
  async put(key: string, bytes: Uint8Array): Promise<void> {
    this.objects.set(key, bytes);
  }
  async get(key: string): Promise<Uint8Array | null> {
    return this.objects.get(key) ?? null;
  }
}

const sentMail: OutgoingMail[] = [];
const mailer: Mailer = {
  send: async (m) => {
    sentMail.push(m);
    return { messageId: `api-iam-${sentMail.length}` };
  },
};

let config: Config;
let app: ReturnType<typeof createApp>;
let doc: ReturnType<typeof createDocumentClient>;
/** The test's own reads and set-up (never recorded: only the app's client is). */
let setup: ReturnType<typeof createDocumentClient>;
let issuer: LocalTokenIssuer;
let drop: () => Promise<unknown>;
const directory = new CognitoStandIn();

beforeAll(async () => {
  config = lambdaConfig();
  const tables = await createSeededTables(config, MEDWAY);
  doc = tables.doc;
  drop = tables.drop;
  setup = createDocumentClient({ ...config.dynamodb, timeoutMs: 60_000 });
  await seedDemo(setup, config.tables, { password: DEMO_PASSWORD, seed: KENT });
  await seedPlatformAdmins(setup, config.tables, { password: DEMO_PASSWORD });
  if (config.auth.mode !== 'cognito') throw new Error('the Lambda runs with Cognito');
  issuer = new LocalTokenIssuer(await generateLocalKeys(), config.auth.issuer, config.auth.audience, 3600);
  // The app's clock is the demo's Monday; tokens are checked against the real time.
  app = createApp({ config, doc, verifier: issuer.verifier(), mailer, directory, documents: new BucketStandIn(), clock: () => new Date('2026-11-30T10:00:00Z') });
});
afterAll(async () => {
  await drop?.();
});

// ---------------------------------------------------------------------------------------------
// Requests, each with the DynamoDB commands it sent

interface Exchange {
  /** The route's operationId (the OpenAPI document's). */
  route: string;
  method: string;
  path: string;
  status: number;
  commands: SentCommand[];
}
const exchanges: Exchange[] = [];

interface Route {
  method: string;
  template: string;
  operationId: string;
  pattern: RegExp;
  params: number;
}
let routeList: Route[] | undefined;
function routes(): Route[] {
  routeList ??= Object.entries((openApiDocument(app, 'test') as unknown as ApiDocument).paths).flatMap(([template, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      template,
      operationId: op.operationId ?? `${method} ${template}`,
      pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
      params: (template.match(/\{/g) ?? []).length,
    })),
  );
  return routeList;
}
/** The declared route a request is answered by (a literal segment wins over a parameter). */
function routeOf(method: string, path: string): string {
  const bare = path.split('?')[0]!;
  const found = routes()
    .filter((r) => r.method === method && r.pattern.test(bare))
    .sort((a, b) => a.params - b.params)[0];
  if (!found) throw new Error(`no declared route answers ${method} ${bare}`);
  return found.operationId;
}

const tokens = new Map<string, Promise<string>>();
/** A Cognito-shaped ID token for a person of the demos, or for the platform administrator. */
function tokenOf(email: string): Promise<string> {
  let token = tokens.get(email);
  if (!token) {
    const medway = MEDWAY.users.find((u) => u.email === email);
    const kent = KENT.users.find((u) => u.email === email);
    const person = medway
      ? { ...medway, id: userIdFor('mscp', email) }
      : kent
        ? { ...kent, id: userIdFor('kscmp', email) }
        : email === ADMIN.email
          ? // Cognito puts the administrator in a group; the API reads their access from the platform's records.
            { ...ADMIN, role: 'executive' as const, agencyId: null, signatory: false }
          : null;
    if (!person) throw new Error(`nobody called ${email}`);
    token = issuer.issue(person).then((r) => r.token);
    tokens.set(email, token);
  }
  return token;
}

interface CallOptions {
  body?: unknown;
  form?: FormData;
  /** An `application/x-www-form-urlencoded` body. */
  urlencoded?: string;
  ifMatch?: string;
  headers?: Record<string, string>;
  /** The answer expected (default 200). */
  status?: number;
}
interface Answer {
  status: number;
  etag: string;
  // biome-ignore lint/suspicious/noExplicitAny: each step reads the few fields it needs from the answer.
  body: any;
  commands: SentCommand[];
}

/** Sends one request as `who` (null: nobody signed in), records what it sent to DynamoDB, and checks its status. */
async function call(who: string | null, method: string, path: string, o: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...o.headers };
  if (who) headers.Authorization = `Bearer ${await tokenOf(who)}`;
  if (o.ifMatch) headers['If-Match'] = o.ifMatch;
  let body: BodyInit | undefined;
  if (o.form) body = o.form;
  else if (o.urlencoded !== undefined) {
    body = o.urlencoded;
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  } else if (o.body !== undefined) {
    body = JSON.stringify(o.body);
    headers['Content-Type'] = 'application/json';
  }
  let res: Response | undefined;
  let text = '';
  const commands = await recordCommands(doc, async () => {
    res = await app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    text = await res.text();
  });
  const answered = res!;
  exchanges.push({ route: routeOf(method, path), method, path, status: answered.status, commands });
  expect(answered.status, `${method} ${path} as ${who ?? 'nobody'}: ${text.slice(0, 400)}`).toBe(o.status ?? 200);
  const json = (answered.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as unknown) : text;
  return { status: answered.status, etag: answered.headers.get('etag') ?? '', body: json, commands };
}
const get = (who: string | null, path: string, status = 200) => call(who, 'GET', path, { status });
const names = (commands: readonly SentCommand[]) => commands.map((c) => c.name);

// ---------------------------------------------------------------------------------------------
// The API as people use it

const KENT_LEAD = 'lead@kscmp.example';
const PHONE = '07700 900123';

describe('the API, used on every route as the Lambda runs it', () => {
  it('when anyone opens the public pages, and someone tries the built-in sign-in, which AWS does not have, those answer 404 without reading anything', async () => {
    await get(null, '/api/health');
    await get(null, '/api/openapi.json');
    await get(null, '/api/config');
    await get(null, `/api/public/p/${PID}/kinship-offer`);
    const local = [
      await call(null, 'POST', '/api/auth/login', { body: { email: USERS.lead, password: DEMO_PASSWORD }, status: 404 }),
      await call(null, 'POST', '/api/auth/invitation', { body: { token: 'a-set-password-link-token-from-local-mode' }, status: 404 }),
      await call(null, 'POST', '/api/auth/set-password', { body: { token: 'a-set-password-link-token-from-local-mode', password: 'heath lantern copper' }, status: 404 }),
      await get(null, '/api/auth/.well-known/jwks.json', 404),
    ];
    expect(local.flatMap((a) => a.commands)).toEqual([]);
  });

  it('when people signed in by Cognito open the portal, they see their partnerships, what needs them, the programme, and save their email choices', async () => {
    expect((await get(USERS.lead, '/api/partnerships')).body.partnerships.map((p: { id: string }) => p.id)).toEqual(['mscp']);
    expect((await get(USERS.lead, '/api/second-factor')).status).toBe(200);
    // Riley Shaw works in Medway and in Kent.
    expect((await get(USERS.police, '/api/partnerships')).body.partnerships.map((p: { id: string }) => p.id).sort()).toEqual(['kscmp', 'mscp']);
    await get(USERS.police, `/api/partnerships/attention?except=${PID}`);
    await get(USERS.lead, `${P}/me`);
    await get(USERS.police, `${P}/attention`);
    await get(USERS.exec, `${P}/partnership`);
    await get(USERS.exec, `${P}/workstreams`);
    await get(USERS.exec, `${P}/workstreams/kinship`);
    await get(USERS.exec, `${P}/periods`);
    const settings = await get(USERS.council, `${P}/me/notifications`);
    await call(USERS.council, 'PUT', `${P}/me/notifications`, { body: { choices: { 'period-opened': 'digest' } }, ifMatch: settings.etag || '"0"' });
  });

  it('when the lead adds a milestone and opens the next quarter, they are saved', async () => {
    const milestone = await call(USERS.lead, 'POST', `${P}/workstreams/kinship/milestones`, {
      body: { title: 'Kinship carers forum launched', ownerAgencyId: 'medway-council', dueDate: '2027-03-31' },
      status: 201,
    });
    await call(USERS.lead, 'PATCH', `${P}/workstreams/kinship/milestones/${milestone.body.id}`, { body: { status: 'on-track' }, ifMatch: milestone.etag });
    await call(USERS.lead, 'POST', `${P}/periods`, { body: { id: '2026-27-Q4', dueDate: '2027-04-30' }, status: 201 });
  });

  it('when the lead sets up a workstream and an agency, each is added, renamed, moved, retired and restored', async () => {
    let ws = await call(USERS.lead, 'POST', `${P}/workstreams`, {
      body: { name: 'Youth Justice', leadAgencyId: 'medway-council', contributingAgencyIds: ['medway-council'] },
      status: 201,
    });
    const wsPath = `${P}/workstreams/${ws.body.id}`;
    ws = await call(USERS.lead, 'PATCH', wsPath, { body: { name: 'Youth Justice and Prevention' }, ifMatch: ws.etag });
    ws = await call(USERS.lead, 'POST', `${wsPath}/move`, { body: { direction: 'up' }, ifMatch: ws.etag });
    ws = await call(USERS.lead, 'POST', `${wsPath}/retire`, { ifMatch: ws.etag });
    await call(USERS.lead, 'POST', `${wsPath}/restore`, { ifMatch: ws.etag });

    let agency = await call(USERS.lead, 'POST', `${P}/agencies`, { body: { name: 'Medway Youth Service', type: 'voluntary', statutory: false }, status: 201 });
    const agencyPath = `${P}/agencies/${agency.body.id}`;
    agency = await call(USERS.lead, 'PATCH', agencyPath, { body: { name: 'Medway Youth Services' }, ifMatch: agency.etag });
    agency = await call(USERS.lead, 'POST', `${agencyPath}/move`, { body: { direction: 'up' }, ifMatch: agency.etag });
    agency = await call(USERS.lead, 'POST', `${agencyPath}/retire`, { ifMatch: agency.etag });
    await call(USERS.lead, 'POST', `${agencyPath}/restore`, { ifMatch: agency.etag });
  });

  it('when returns go round: a draft saved, a section copied from Kent, sent for certification, sent back, certified and returned; another accepted and reopened; one chased', async () => {
    await get(USERS.lead, `${P}/returns?periodId=${Q3}`);
    await get(USERS.education, `${P}/returns/${Q3}/medway-education`);
    await call(USERS.education, 'PUT', `${P}/returns/${Q3}/medway-education`, {
      body: { sections: [{ workstreamId: 'family-help', confidence: 'green', narrative: 'Schools joined the family hubs in October.' }] },
    });

    // Kent Police's return in Medway: Riley Shaw starts its safeguarding section from Kent's answer.
    const police = `${P}/returns/${Q3}/kent-police`;
    const sources = await get(USERS.police, `${police}/sources`);
    expect(sources.body.sources.map((s: { partnershipId: string }) => s.partnershipId)).toEqual(['kscmp']);
    let ret = await get(USERS.police, police);
    ret = await call(USERS.police, 'PUT', police, {
      body: { sections: [], copy: { workstreamId: 'safeguarding', fromPartnershipId: 'kscmp', fromWorkstreamId: 'multi-agency-child-protection' } },
      ifMatch: ret.etag,
    });
    ret = await call(USERS.policeOfficer, 'POST', `${police}/submit`, { body: { acknowledgeWarnings: true }, ifMatch: ret.etag });
    expect(ret.body.status).toBe('awaiting-certification');
    ret = await call(USERS.police, 'POST', `${police}/send-back`, { body: { comment: 'Add the dates the posts were filled.' }, ifMatch: ret.etag });
    ret = await call(USERS.policeOfficer, 'POST', `${police}/submit`, { body: { acknowledgeWarnings: true }, ifMatch: ret.etag });
    ret = await call(USERS.police, 'POST', `${police}/certify`, { ifMatch: ret.etag });
    expect(ret.body.status).toBe('submitted');
    await call(USERS.lead, 'POST', `${police}/return`, { body: { comment: 'Say who owns the information-sharing risk.' }, ifMatch: ret.etag });

    const council = `${P}/returns/${Q3}/medway-council`;
    ret = await get(USERS.lead, council);
    ret = await call(USERS.lead, 'POST', `${council}/accept`, { ifMatch: ret.etag });
    await call(USERS.lead, 'POST', `${council}/reopen`, { body: { reason: 'The kinship figures double count Q2.' }, ifMatch: ret.etag });

    await call(USERS.lead, 'POST', `${P}/returns/${Q3}/nhs-kent-medway/chase`, { status: 201 });
    await get(USERS.lead, `${P}/chases?kind=return&of=${Q3}`);
  });

  it('when the threshold document is read, chased, signed, its signatories changed, and new versions issued and uploaded', async () => {
    await get(USERS.exec, `${P}/threshold-documents`);
    await get(USERS.exec, `${P}/threshold-documents/v3-0`);
    await get(USERS.education, `${P}/threshold-documents/v3-0/content`);
    await call(USERS.lead, 'POST', `${P}/threshold-documents/v3-0/sign-offs/nhs-kent-medway/chase`, { status: 201 });
    await call(USERS.health, 'POST', `${P}/threshold-documents/v3-0/sign-offs`, { body: { decision: 'approve' }, status: 201 });
    let cfg = await get(USERS.lead, `${P}/threshold-config`);
    cfg = await call(USERS.lead, 'PUT', `${P}/threshold-config`, {
      body: { requiredAgencyIds: ['medway-council', 'kent-police', 'nhs-kent-medway', 'medway-education'] },
      ifMatch: cfg.etag,
    });
    await call(USERS.lead, 'POST', `${P}/threshold-documents`, {
      body: {
        title: 'MSCP Threshold Document',
        versionLabel: 'v4.0',
        summaryOfChanges: 'Schools sign it too.',
        effectiveFrom: '2027-04-01',
        content: '# Levels of need (v4.0)\n\nLevel 1 universal services...',
      },
      ifMatch: cfg.etag,
      status: 201,
    });
    cfg = await get(USERS.lead, `${P}/threshold-config`);
    const form = new FormData();
    for (const [k, v] of Object.entries({ title: 'MSCP Threshold Document', versionLabel: 'v5.0', summaryOfChanges: 'Issued as a PDF', effectiveFrom: '2027-06-01' }))
      form.set(k, v);
    form.set('file', new Blob([new TextEncoder().encode('%PDF-1.7\n% portal test document\n%%EOF\n')], { type: 'application/pdf' }), 'threshold.pdf');
    const uploaded = await call(USERS.lead, 'POST', `${P}/threshold-documents/upload`, { form, ifMatch: cfg.etag, status: 201 });
    await get(USERS.exec, `${P}/threshold-documents/${uploaded.body.id}/content`);
  });

  it('when a Kinship Local Offer item is drafted, edited, sent for review, returned, sent again, published and retired', async () => {
    await get(USERS.exec, `${P}/kinship-offer/items`);
    await get(USERS.lead, `${P}/kinship-offer/coverage`);
    let item = await call(USERS.health, 'POST', `${P}/kinship-offer/items`, { body: kinshipDraft('Kinship carers walking group'), status: 201 });
    const path = `${P}/kinship-offer/items/${item.body.id}`;
    await get(USERS.exec, path);
    item = await call(USERS.health, 'PATCH', path, { body: { title: 'Kinship carers walking groups' }, ifMatch: item.etag });
    item = await call(USERS.health, 'POST', `${path}/submit`, { ifMatch: item.etag });
    item = await call(USERS.lead, 'POST', `${path}/return`, { body: { comment: 'Say which family hubs.' }, ifMatch: item.etag });
    item = await call(USERS.health, 'PATCH', path, { body: { summary: 'Walks every Tuesday from the Chatham and Gillingham family hubs.' }, ifMatch: item.etag });
    item = await call(USERS.health, 'POST', `${path}/submit`, { ifMatch: item.etag });
    item = await call(USERS.lead, 'POST', `${path}/publish`, { ifMatch: item.etag });
    await call(USERS.lead, 'POST', `${path}/retire`, { ifMatch: item.etag });
  });

  it('when the lead adds a readiness criterion, police assess it and the lead confirms it', async () => {
    await get(USERS.police, `${P}/workstreams/safeguarding/readiness`);
    let criterion = await call(USERS.lead, 'POST', `${P}/workstreams/safeguarding/criteria`, {
      body: { title: 'Police MACPT rota agreed', agencyIds: ['kent-police'] },
      status: 201,
    });
    const id = criterion.body.id as string;
    criterion = await call(USERS.lead, 'PATCH', `${P}/workstreams/safeguarding/criteria/${id}`, { body: { title: 'Police MACPT duty rota agreed' }, ifMatch: criterion.etag });
    const assessed = await call(USERS.police, 'PUT', `${P}/readiness/${id}/kent-police`, {
      body: { status: 'ready', evidence: 'Rota agreed at the October chief officers group.' },
    });
    await call(USERS.lead, 'POST', `${P}/readiness/${id}/kent-police/validate`, { body: { outcome: 'confirmed' }, ifMatch: assessed.etag });
  });

  it('when the lead adds an outcome indicator, changes, retires and restores it, and sets the small-number threshold, the executive reads the measures', async () => {
    let ind = await call(USERS.lead, 'POST', `${P}/workstreams/care-leavers/indicators`, {
      body: { name: 'Care leavers with a pathway plan', unit: 'percentage', direction: 'higher', target: 90, reportingAgencyId: 'medway-council' },
      status: 201,
    });
    const path = `${P}/workstreams/care-leavers/indicators/${ind.body.id}`;
    ind = await call(USERS.lead, 'PATCH', path, { body: { tolerance: 5 }, ifMatch: ind.etag });
    ind = await call(USERS.lead, 'POST', `${path}/retire`, { ifMatch: ind.etag });
    await call(USERS.lead, 'POST', `${path}/restore`, { ifMatch: ind.etag });
    const measures = await get(USERS.lead, `${P}/measures?workstreamId=care-leavers`);
    await call(USERS.lead, 'PUT', `${P}/measures/settings`, { body: { smallNumberThreshold: 6 }, ifMatch: `"${(measures.body.settings as { version: number }).version}"` });
    await get(USERS.exec, `${P}/measures`);
  });

  it('when the lead drafts the yearly report, edits a section and drafts it again, and the executive reads it and downloads it as a Word document', async () => {
    let report = await call(USERS.lead, 'POST', `${P}/reports`, { body: { lastPeriodId: Q3 }, status: 201 });
    report = await call(USERS.lead, 'PUT', `${P}/reports/${Q3}/sections/reviews`, { body: { text: 'The partners acted on two practice reviews.' }, ifMatch: report.etag });
    await call(USERS.lead, 'POST', `${P}/reports/${Q3}/regenerate`, { ifMatch: report.etag });
    await get(USERS.exec, `${P}/reports`);
    await get(USERS.exec, `${P}/reports/${Q3}`);
    await get(USERS.exec, `${P}/reports/${Q3}/report.docx`);
  });

  it('when the executive reads the tracker and every export, and the lead sets a workstream’s overall confidence', async () => {
    await get(USERS.exec, `${P}/tracker?periodId=${Q3}`);
    await call(USERS.lead, 'PUT', `${P}/tracker/overall/${Q3}/kinship`, { body: { confidence: 'amber', note: 'Pilot funding confirmed late.' } });
    for (const name of ['returns.csv', 'confidence.csv', 'risks.csv', 'readiness.csv', 'milestones.csv', 'measures.csv', 'tracker.xlsx'])
      await get(USERS.exec, `${P}/exports/${name}?periodId=${Q3}`);
  });

  it('when people are invited (by the lead and by an agency administrator), changed, sent their invitation again, deactivated and reactivated', async () => {
    await get(USERS.lead, `${P}/people`);
    const invited = await call(USERS.lead, 'POST', `${P}/people`, {
      body: { name: 'Dana Fox', email: 'dana.fox@police.example', role: 'partner', agencyId: 'kent-police', signatory: false },
      status: 201,
    });
    const dana = `${P}/people/${invited.body.person.id}`;
    let person = await get(USERS.lead, dana);
    person = await call(USERS.lead, 'POST', `${dana}/invitation`, { ifMatch: person.etag });
    await call(USERS.lead, 'PATCH', dana, { body: { name: 'Dana Fox-Reid' }, ifMatch: person.etag });
    await call(USERS.council, 'POST', `${P}/people`, {
      body: { name: 'Fran Lee', email: 'fran.lee@medway.example', role: 'partner', agencyId: 'medway-council', signatory: false },
      status: 201,
    });
    const schools = `${P}/people/${userIdFor(PID, USERS.education)}`;
    person = await get(USERS.lead, schools);
    person = await call(USERS.lead, 'POST', `${schools}/deactivate`, { ifMatch: person.etag });
    await call(USERS.lead, 'POST', `${schools}/reactivate`, { ifMatch: person.etag });
    expect(directory.calls).toContain('create dana.fox@police.example');
  });

  it('when someone stops an email from its link, and from their mail client’s one-click button', async () => {
    const officer = (await setup.send(new GetCommand({ TableName: config.tables.main, Key: userKeys.user(PID, USERS.councilOfficer) }))).Item!;
    const token = (kind: string) => `${String(officer.id)}.${kind}.${String(officer.unsubscribeKey)}`;
    await call(null, 'POST', `/api/public/p/${PID}/unsubscribe`, { body: { token: token('return-returned') } });
    await call(null, 'POST', `/api/public/p/${PID}/unsubscribe/one-click?token=${encodeURIComponent(token('return-accepted'))}`, { urlencoded: 'List-Unsubscribe=One-Click' });
  });

  it('when the lead reads the audit trail by record, by person and for the whole partnership, and erases a phone number that slipped through', async () => {
    await get(USERS.lead, `${P}/audit?entityType=return&entityId=${Q3}/medway-council`);
    await get(USERS.lead, `${P}/audit?person=${userIdFor(PID, USERS.health)}`);
    await get(USERS.lead, `${P}/audit`);
    await get(USERS.lead, `${P}/audit/people`);
    const item = await call(USERS.health, 'POST', `${P}/kinship-offer/items`, {
      body: { ...kinshipDraft('Carer wellbeing calls'), summary: `Call Mrs Example on ${PHONE} for a wellbeing check.` },
      headers: { 'Confirm-Personal-Data': 'true' },
      status: 201,
    });
    const erased = await call(USERS.lead, 'POST', `${P}/erasures`, {
      body: { entityType: 'kinship-item', entityId: item.body.id, field: 'summary', text: PHONE, reason: "A carer's personal mobile number." },
    });
    expect(erased.body.auditEvents).toBeGreaterThan(0);
  });

  describe('platform administration', () => {
    let draft: TemplateDetailView['draft'];
    const partnership = (id: string, criteria?: number) => ({
      id,
      name: `Partnership ${id}`,
      shortName: id.toUpperCase().slice(0, 8),
      templateId: draft.templateId,
      firstYear: draft.firstYear,
      agencies: [
        { id: 'county-council', name: 'County Council', type: 'local-authority', statutory: true },
        { id: 'county-police', name: 'County Police', type: 'police', statutory: true },
        { id: 'county-nhs', name: 'County NHS', type: 'health', statutory: true },
      ],
      settings: draft.settings,
      template: {
        ...draft.template,
        // A large template needs more than one transaction (written in parts, then live).
        ...(criteria
          ? {
              readinessCriteria: manyReadinessCriteria(criteria),
            }
          : {}),
      },
      firstLead: { name: 'Rae Long', email: `rae.long@${id}.example` },
    });

    it('when the platform administrator looks round, then creates a partnership in one transaction and a large one in parts', async () => {
      await get(ADMIN.email, '/api/platform/me');
      await get(ADMIN.email, '/api/platform/templates');
      draft = (await get(ADMIN.email, '/api/platform/templates/families-first-england')).body.draft;
      await get(ADMIN.email, '/api/platform/partnerships');
      await call(ADMIN.email, 'POST', '/api/platform/partnerships', { body: partnership('sscp'), status: 201 });
      const large = await call(ADMIN.email, 'POST', '/api/platform/partnerships', { body: partnership('large-partnership', 120), status: 201 });
      expect(names(large.commands).filter((n) => n === 'TransactWriteCommand').length).toBeGreaterThan(1);
    });

    it('when a large creation cannot finish (a part finds its key taken by what an earlier failed creation left), it answers 409 and takes back the parts it wrote', async () => {
      // The last item of the configuration (the threshold document's settings), in the second part.
      const left = new ThresholdRepository(setup, config.tables.main, 'half-made').configItem({ requiredAgencyIds: ['county-council'], currentVersionId: null, version: 1 });
      await setup.send(new PutCommand({ TableName: config.tables.main, Item: left }));
      const failed = await call(ADMIN.email, 'POST', '/api/platform/partnerships', { body: partnership('half-made', 120), status: 409 });
      const deletes = iamRequests(failed.commands, config.tables).filter((r) => r.action === 'dynamodb:DeleteItem');
      expect(deletes.length).toBeGreaterThan(90);
      expect(new Set(deletes.map((r) => r.leadingKeys[0]!.split('#').slice(0, 2).join('#')))).toEqual(new Set(['P#half-made']));
      const listed = await get(ADMIN.email, '/api/platform/partnerships');
      expect(listed.body.partnerships.map((p: { id: string }) => p.id)).not.toContain('half-made');
    });
  });

  it('when Kent’s lead opens Kent, the same partnership-scoped reads serve another partnership', async () => {
    await get(KENT_LEAD, '/api/p/kscmp/me');
    await get(KENT_LEAD, '/api/p/kscmp/returns?periodId=2026-27-Q3');
  });

  it('when every route the API declares has been called, each answered with success at least once (the built-in sign-in of local mode excepted)', () => {
    const succeeded = new Set(exchanges.filter((e) => e.status < 300).map((e) => e.route));
    const declared = routes().map((r) => r.operationId);
    expect(declared.length).toBeGreaterThan(80);
    expect(declared.filter((id) => !succeeded.has(id) && !LOCAL_ONLY.includes(id))).toEqual([]);
    expect(LOCAL_ONLY.filter((id) => declared.includes(id))).toEqual(LOCAL_ONLY);
  });
});

// ---------------------------------------------------------------------------------------------
// The role

const MAIN_INDEX = `${TABLE_ARNS.main}/index/${MAIN_TABLE.gsi1.name}`;
const AUDIT_INDEXES = [AUDIT_TABLE.gsi1, AUDIT_TABLE.gsi2].map((i) => `${TABLE_ARNS.audit}/index/${i.name}`);
const list = (v: unknown) => [v].flat() as unknown[];
const isDynamo = (s: Statement) => list(s.Action).some((a) => String(a).startsWith('dynamodb:'));
/** Only a Query (or a Scan) reads an index: any other action granted on an index ARN does nothing. */
const appliesTo = (action: string, resource: string) => !resource.includes('/index/') || action === 'dynamodb:Query' || action === 'dynamodb:Scan';

/** One action on one resource, as a statement grants it. */
interface Grant {
  sid: string;
  action: string;
  resource: string;
}
const grantsOf = (statements: readonly Statement[]): Grant[] =>
  statements.filter(isDynamo).flatMap((s) => list(s.Action).flatMap((a) => list(s.Resource).map((r) => ({ sid: String(s.Sid), action: String(a), resource: String(r) }))));
/** The statements with one grant taken away (the rest of its statement kept). */
function without(statements: readonly Statement[], g: Grant): Statement[] {
  return statements.flatMap((s) => {
    if (s.Sid !== g.sid) return [s];
    const actions = list(s.Action).map(String);
    const resources = list(s.Resource).map(String);
    const rest: Statement[] = [];
    if (actions.length > 1) rest.push({ ...s, Action: actions.filter((a) => a !== g.action) });
    if (resources.length > 1) rest.push({ ...s, Action: g.action, Resource: resources.filter((r) => r !== g.resource) });
    return rest;
  });
}

describe('the API function’s role (infra/constructs/api.ts)', () => {
  let statements: Statement[];
  let requests: IamRequest[];
  /** Each recorded request with the route that sent it. */
  let sent: { route: string; status: number; request: IamRequest }[];
  beforeAll(() => {
    // Synthesizing stages the function's (unbundled) asset: set-up time, not the test's.
    statements = apiPolicies();
    sent = exchanges.flatMap((e) => iamRequests(e.commands, config.tables).map((request) => ({ route: e.route, status: e.status, request })));
    requests = sent.map((s) => s.request);
  });
  const routesSending = (action: string) => [...new Set(sent.filter((s) => s.request.action === action).map((s) => s.route))].sort();

  it('when every DynamoDB request recorded above is checked against the role, IAM allows each (a transaction item by item, a batch by its keys)', () => {
    expect(requests.length).toBeGreaterThan(500);
    expect(new Set(exchanges.flatMap((e) => names(e.commands)))).toEqual(
      new Set(['GetCommand', 'QueryCommand', 'BatchGetCommand', 'BatchWriteCommand', 'UpdateCommand', 'TransactWriteCommand']),
    );
    expect([...new Set(requests.filter((r) => !allowed(statements, r)).map(describeRequest))]).toEqual([]);
  });

  it('when any one action is taken away from any table or index it is granted on, some recorded request is denied: every grant is used', () => {
    const grants = grantsOf(statements).filter((g) => appliesTo(g.action, g.resource));
    expect(grants.length).toBeGreaterThan(8);
    const unused = grants.filter((g) => requests.every((r) => allowed(without(statements, g), r)));
    expect(unused.map((g) => `${g.sid}: ${g.action} on ${g.resource.replace(/^.*:table\//, '')}`)).toEqual([]);
  });

  it('when the main table’s grants are listed, they are the actions the API sends, on the table and gsi1, for partnerships’ and the platform’s keys only', () => {
    const main = grantsOf(statements).filter((g) => g.resource.startsWith(TABLE_ARNS.main));
    expect([...new Set(main.map((g) => `${g.action} ${g.resource.replace(/^.*:table\//, '')}`))].sort()).toEqual(
      [
        'dynamodb:BatchGetItem portal-main',
        'dynamodb:BatchWriteItem portal-main',
        'dynamodb:ConditionCheckItem portal-main',
        'dynamodb:DeleteItem portal-main',
        'dynamodb:GetItem portal-main',
        'dynamodb:PutItem portal-main',
        'dynamodb:Query portal-main',
        'dynamodb:Query portal-main/index/gsi1',
        'dynamodb:UpdateItem portal-main',
      ].sort(),
    );
    for (const s of statements.filter((x) => isDynamo(x) && list(x.Resource).some((r) => String(r).startsWith(TABLE_ARNS.main))))
      expect(s.Condition, s.Sid).toEqual({
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': s.Sid === 'TrackerReadModelWrite' ? ['P#*#TRACKER'] : [...API_LEADING_KEYS] },
      });
    // Of the service's own keys, the Lambda touches the list of partnerships and the administrators, never a sign-in credential (Cognito holds those).
    const own = new Set(requests.flatMap((r) => r.leadingKeys).filter((k) => !k.startsWith('P#')));
    expect([...own].sort()).toEqual(['PLATFORM#ADMINS', 'PLATFORM#PARTNERSHIPS']);
  });

  it('when the role is read whole, it grants no Scan, BatchWriteItem only on the tracker read model, no wildcard action or table, and no index but gsi1 of the main table and gsi1 and gsi2 of the audit table', () => {
    const dynamo = statements.filter(isDynamo);
    const actions = dynamo.flatMap((s) => list(s.Action).map(String));
    expect(actions.filter((a) => a.includes('*') || a === 'dynamodb:Scan')).toEqual([]);
    expect(dynamo.filter((s) => list(s.Action).includes('dynamodb:BatchWriteItem')).map((s) => s.Sid)).toEqual(['TrackerReadModelWrite']);
    const resources = dynamo.flatMap((s) => list(s.Resource).map(String));
    expect(resources.filter((r) => r.includes('*'))).toEqual([]);
    expect([...new Set(resources.filter((r) => r.includes('/index/')))].sort()).toEqual([MAIN_INDEX, ...AUDIT_INDEXES].sort());
    expect(new Set(resources.map((r) => r.replace(/\/index\/.*$/, '')))).toEqual(new Set([TABLE_ARNS.main, TABLE_ARNS.audit]));
  });

  it('when the recorded requests are grouped by action, DeleteItem comes only from a partnership creation taking back its parts, ConditionCheckItem and BatchGetItem from the routes that need them, and the audit table is only appended to, read and erased from', () => {
    // MainTableDelete's reason: PlatformRepository.undoOps (a creation written in parts that could not finish).
    expect(routesSending('dynamodb:DeleteItem')).toEqual(['createPartnership']);
    expect(new Set(sent.filter((s) => s.request.action === 'dynamodb:DeleteItem').map((s) => s.status))).toEqual(new Set([409]));
    // ConditionCheckItem: the administrator still active (a creation), the version still current (a sign-off), the lead or agency administrator still in post (people).
    expect(routesSending('dynamodb:ConditionCheckItem')).toEqual(
      expect.arrayContaining(['createPartnership', 'signOffThresholdVersion', 'invitePerson', 'updatePerson', 'deactivatePerson', 'reactivatePerson', 'resendInvitation']),
    );
    // BatchGetItem: a person's record in every hosted partnership (their partnerships, where else they work, where to copy from), and the tracker's read model.
    expect(routesSending('dynamodb:BatchGetItem')).toEqual(
      expect.arrayContaining(['listMyPartnerships', 'getAttentionInEveryPartnership', 'listReturnSources', 'invitePerson', 'getTracker']),
    );
    // BatchWriteItem: only the tracker's read model (worked out on a read, and after each change it shows).
    const batchWrites = requests.filter((r) => r.action === 'dynamodb:BatchWriteItem');
    expect(batchWrites.length).toBeGreaterThan(0);
    expect(new Set(batchWrites.flatMap((r) => r.leadingKeys).map((k) => k.replace(/^P#[^#]+#/, 'P#…#')))).toEqual(new Set(['P#…#TRACKER']));
    // The audit trail: appended in every change's transaction, read by record (table), person (gsi1) and month (gsi2), rewritten only by an erasure.
    expect([...new Set(requests.filter((r) => r.resource.startsWith(TABLE_ARNS.audit)).map((r) => `${r.action} ${r.resource.replace(/^.*:table\//, '')}`))].sort()).toEqual(
      [
        'dynamodb:PutItem portal-audit',
        'dynamodb:Query portal-audit',
        'dynamodb:Query portal-audit/index/gsi1',
        'dynamodb:Query portal-audit/index/gsi2',
        'dynamodb:UpdateItem portal-audit',
      ].sort(),
    );
    expect([...new Set(sent.filter((s) => s.request.action === 'dynamodb:UpdateItem' && s.request.resource === TABLE_ARNS.audit).map((s) => s.route))]).toEqual([
      'erasePersonalData',
    ]);
  });

  it('when a request reaches outside what the API does, the same check denies it (a check that checks)', () => {
    const main = TABLE_ARNS.main;
    for (const r of [
      { action: 'dynamodb:Scan', resource: main, leadingKeys: [] },
      { action: 'dynamodb:BatchWriteItem', resource: main, leadingKeys: ['P#mscp#OUTBOX'] },
      { action: 'dynamodb:DescribeTable', resource: main, leadingKeys: [] },
      { action: 'dynamodb:GetItem', resource: main, leadingKeys: ['SOMETHING#ELSE'] },
      { action: 'dynamodb:DeleteItem', resource: main, leadingKeys: ['OTHER#mscp'], attributes: ['pk', 'sk'] },
      { action: 'dynamodb:Query', resource: `${main}/index/gsi9`, leadingKeys: ['P#mscp#USERS'] },
      { action: 'dynamodb:DeleteItem', resource: TABLE_ARNS.audit, leadingKeys: ['P#mscp#AUDIT#return#x'], attributes: ['pk', 'sk'] },
      { action: 'dynamodb:UpdateItem', resource: TABLE_ARNS.audit, leadingKeys: ['P#mscp#AUDIT#return#x'], attributes: ['pk', 'sk', 'actor'] },
      { action: 'dynamodb:UpdateItem', resource: TABLE_ARNS.audit, leadingKeys: ['P#mscp#AUDIT#return#x'], attributes: ['pk', 'sk', 'summary'], returnValues: 'ALL_OLD' },
    ])
      expect(allowed(statements, r), JSON.stringify(r)).toBe(false);
  });
});
