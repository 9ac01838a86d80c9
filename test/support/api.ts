import { afterAll, beforeAll } from 'vitest';
import { readMailbox, type SesLocal, startSesLocal } from '../../functions/local/ses-local.js';
import { createSesClient, SesMailer } from '../../functions/mail/ses-mailer.js';
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createApp, type AppDeps } from '../../functions/app.js';
import { generateLocalKeys, LocalTokenIssuer } from '../../functions/auth/tokens.js';
import type { Config } from '../../functions/config.js';
import { createDocumentClient } from '../../functions/db/client.js';
import { auditKeys } from '../../functions/db/keys.js';
import { openApiDocument } from '../../functions/http/openapi.js';
import { loadSeed, seedDemo, type SeedFile, userIdFor } from '../../functions/seed/seed.js';
import { createSeededTables, DEMO_PASSWORD, testConfig } from './tables.js';

/** The parts of the OpenAPI document the suites read. */
export interface ApiDocument {
  openapi: string;
  paths: Record<string, Record<string, ApiOperation>>;
}
export interface ApiOperation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  'x-roles'?: string[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: unknown }>; headers?: Record<string, unknown> }>;
}

/**
 * The OpenAPI document of the real app, generated from its route declarations. Building the app
 * touches no table and no network, so suites can list the routes while their tests are collected.
 */
export function apiDocument(): ApiDocument {
  const config = testConfig();
  const app = createApp({ config, doc: createDocumentClient(config.dynamodb), verifier: { verify: () => Promise.reject(new Error('not used to describe the API')) } });
  return openApiDocument(app, 'test') as unknown as ApiDocument;
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** The service's own routes: everything else under /api/ belongs to a partnership. */
const SERVICE_ROUTES = /^\/api\/(auth|config|health|openapi\.json|docs|partnerships|p|public\/p)(\/|\?|$)/;

/**
 * A path as the suites write it, within the demo partnership: `/api/returns` is Medway's
 * `/api/p/mscp/returns`, `/api/public/kinship-offer` its `/api/public/p/mscp/kinship-offer`. Paths
 * of the service itself, and paths that already name a partnership, are left as they are.
 */
export function inPartnership(path: string, partnershipId = 'mscp'): string {
  if (!path.startsWith('/api/') || SERVICE_ROUTES.test(path)) return path;
  if (path.startsWith('/api/public/')) return `/api/public/p/${partnershipId}/${path.slice('/api/public/'.length)}`;
  return `/api/p/${partnershipId}/${path.slice('/api/'.length)}`;
}

/**
 * The real app on DynamoDB Local with seeded tables and a fresh local key pair. `as(email)` gives
 * request helpers carrying that demo user's token.
 */
export async function createTestApp(opts: { config?: Config; clock?: () => Date; deps?: Partial<Pick<AppDeps, 'mailer' | 'directory'>>; seed?: SeedFile } = {}) {
  const tables = await createSeededTables(opts.config ?? testConfig(), opts.seed);
  const { config, doc } = tables;
  const keys = await generateLocalKeys();
  if (config.auth.mode !== 'local') throw new Error('tests run in local mode');
  const issuer = new LocalTokenIssuer(keys, config.auth.issuer, config.auth.audience, 3600);
  const deps: AppDeps = { config, doc, verifier: issuer.verifier(), localIssuer: issuer, ...(opts.clock ? { clock: opts.clock } : {}), ...opts.deps };
  const app = createApp(deps);
  const seed = loadSeed();

  async function tokenFor(email: string): Promise<string> {
    const u = seed.users.find((x) => x.email === email);
    if (!u) throw new Error(`no demo user ${email}`);
    return (await issuer.issue({ ...u, id: userIdFor(config.partnershipId, email) })).token;
  }

  function as(email: string) {
    const tokenP = tokenFor(email);
    const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const h: Record<string, string> = { Authorization: `Bearer ${await tokenP}`, ...headers };
      if (body !== undefined) h['Content-Type'] ??= 'application/json';
      return app.request(inPartnership(path), { method, headers: h, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
    };
    return {
      get: (path: string, headers?: Record<string, string>) => call('GET', path, undefined, headers),
      post: (path: string, body?: unknown, headers?: Record<string, string>) => call('POST', path, body, headers),
      put: (path: string, body?: unknown, headers?: Record<string, string>) => call('PUT', path, body, headers),
      patch: (path: string, body?: unknown, headers?: Record<string, string>) => call('PATCH', path, body, headers),
      delete: (path: string, headers?: Record<string, string>) => call('DELETE', path, undefined, headers),
    };
  }

  /** A record's audit events, oldest first, read from the audit table itself (what was written, not a view of it). */
  async function auditEventsOf(entityType: string, entityId: string): Promise<Record<string, unknown>[]> {
    const res = await doc.send(
      new QueryCommand({
        TableName: config.tables.audit,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': auditKeys.entity(config.partnershipId, entityType, entityId) },
      }),
    );
    return res.Items ?? [];
  }

  /**
   * How many items each table holds, [main, audit], to show a refused request wrote nothing. Only
   * tests count whole tables; the API never scans. The tracker's read model (derived, rewritten after
   * each change) is left out: what is counted is what the change itself wrote.
   */
  async function itemCounts(): Promise<[number, number]> {
    const count = async (table: string) =>
      (
        await doc.send(
          new ScanCommand({
            TableName: table,
            Select: 'COUNT',
            ConsistentRead: true,
            FilterExpression: 'NOT contains(pk, :model)',
            ExpressionAttributeValues: { ':model': '#TRACKER' },
          }),
        )
      ).Count ?? 0;
    return [await count(config.tables.main), await count(config.tables.audit)];
  }

  /**
   * Valid tokens of people every partnership route must refuse: Kent's lead (seeded here; no record
   * in Medway), someone with no record anywhere, and a Medway lead invited then deactivated (their
   * token outlives their access).
   */
  async function outsiderTokens(): Promise<{ kentLead: string; removed: string; deactivated: string }> {
    await seedDemo(createDocumentClient({ ...config.dynamodb, timeoutMs: 60_000 }), config.tables, { password: DEMO_PASSWORD, seed: loadSeed('kscmp') });
    const kent = loadSeed('kscmp').users.find((u) => u.role === 'lead')!;
    const kentLead = (await issuer.issue({ ...kent, id: userIdFor('kscmp', kent.email) })).token;
    const removed = (
      await issuer.issue({ email: 'gone@mscp.example', name: 'Gone', role: 'lead', agencyId: 'medway-council', signatory: false, id: userIdFor('mscp', 'gone@mscp.example') })
    ).token;
    const invited = await as(USERS.lead).post('/api/people', { email: 'former.lead@mscp.example', name: 'Former Lead', role: 'lead', agencyId: 'medway-council' });
    if (invited.status !== 201) throw new Error(`inviting the former lead answered ${invited.status}`);
    const person = ((await invited.json()) as { person: { id: string; version: number } }).person;
    const gone = await as(USERS.lead).post(`/api/people/${person.id}/deactivate`, undefined, { 'If-Match': `"${person.version}"` });
    if (gone.status !== 200) throw new Error(`deactivating the former lead answered ${gone.status}`);
    const deactivated = (await issuer.issue({ email: 'former.lead@mscp.example', name: 'Former Lead', role: 'lead', agencyId: 'medway-council', signatory: false, id: person.id }))
      .token;
    return { kentLead, removed, deactivated };
  }

  return { app, config, doc, client: tables.client, keys, issuer, seed, tokenFor, as, auditEventsOf, itemCounts, outsiderTokens, drop: tables.drop };
}

export const USERS = {
  lead: 'lead@mscp.example',
  exec: 'exec@mscp.example',
  council: 'council@mscp.example',
  councilOfficer: 'council.officer@mscp.example',
  police: 'police@mscp.example',
  health: 'health@mscp.example',
  education: 'education@mscp.example',
  /** Kent Police's officer who prepares returns (not a signatory). */
  policeOfficer: 'police.officer@mscp.example',
  /** The NHS officer who prepares returns (not a signatory). */
  healthOfficer: 'health.officer@mscp.example',
  /** Medway schools' signatory. */
  educationHead: 'education.head@mscp.example',
} as const;

/**
 * The test app with its email going to the SES emulator (started for the file, as `npm start`
 * does): `app()` and `ses()` once the file's tests run; `mailbox()` is what the emulator holds.
 */
export function useMailTestApp(opts: { clock?: () => Date } = {}) {
  const state: { t?: TestApp; ses?: SesLocal } = {};
  beforeAll(async () => {
    state.ses = await startSesLocal();
    const config = testConfig();
    state.t = await createTestApp({ config: { ...config, mail: { ...config.mail, endpoint: state.ses.endpoint } }, ...(opts.clock ? { clock: opts.clock } : {}) });
  });
  afterAll(async () => {
    await state.t?.drop();
    await state.ses?.stop();
  });
  /** What the mail jobs (outbox, reminders) need to run on this app's tables and mail, as `npm start` runs them; `endpoint` to send elsewhere (a dead port). */
  const jobDeps = (o: { endpoint?: string; timeoutMs?: number; portalUrl?: string } = {}) => {
    const t = state.t!;
    const mail = { ...t.config.mail, endpoint: o.endpoint ?? state.ses!.endpoint, timeoutMs: o.timeoutMs ?? 5_000 };
    return {
      doc: t.doc,
      tables: t.config.tables,
      partnershipId: t.config.partnershipId,
      mailer: new SesMailer(createSesClient(mail), mail),
      portalUrl: o.portalUrl ?? 'https://portal.example',
    };
  };
  return { app: () => state.t!, ses: () => state.ses!, mailbox: () => readMailbox(state.ses!.endpoint), jobDeps };
}
