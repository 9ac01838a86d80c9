import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { Role } from '../../shared/auth/roles.js';
import { Agency, extraMacptWorkstreams, Partnership, Workstream } from '../../shared/partnership/schema.js';
import { hashPassword } from '../auth/passwords.js';
import { partnershipKeys, partnershipPk, platformKeys } from '../db/keys.js';
import { Conflict } from '../domain/errors.js';
import { Writer } from '../db/transact.js';
import { UserRepository } from '../repositories/user-repository.js';
import { AccountRepository } from '../repositories/account-repository.js';
import { PlatformRepository } from '../repositories/platform-repository.js';
import { programmeSeedItems } from './seed-returns.js';
import { thresholdSeedItems } from './seed-threshold.js';
import { kinshipSeedItems } from './seed-kinship.js';
import { readinessSeedItems } from './seed-readiness.js';
import { measureSeedItems, type SeededValues } from './seed-measures.js';

/** The demo seed file's shape: checked on load so a typo in the data fails loudly. */
export const SeedFile = z.object({
  partnership: Partnership,
  agencies: z.array(Agency).min(1),
  workstreams: z.array(Workstream).min(1),
  users: z.array(
    z.object({ email: z.string().email(), name: z.string(), role: Role, agencyId: z.string().nullable(), signatory: z.boolean(), agencyAdmin: z.boolean().optional() }),
  ),
});
export type SeedFile = z.infer<typeof SeedFile>;

/**
 * Bump when the seed's shape changes so existing local data is topped up (3: people's id pointers,
 * versions and agency administrators; 4: their unsubscribe keys; 5: certification of returns and
 * the people it needs; 6: the service's list of its partnerships; 7: each partnership's MACPT
 * workstream marked in the data, `macpt`; 8: outcome indicators and their values).
 */
export const SEED_VERSION = 8;

/** The demo partnerships: one seed file each in ./data (`mscp.json`, `kscmp.json`…). */
export function demoSeedNames(): string[] {
  return readdirSync(new URL('./data/', import.meta.url))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

export function loadSeed(name = 'mscp'): SeedFile {
  return parseSeed(JSON.parse(readFileSync(new URL(`./data/${name}.json`, import.meta.url), 'utf8')) as unknown);
}

/** A seed file's content, checked: its shape, the agencies its workstreams name, and one MACPT workstream at most. */
export function parseSeed(raw: unknown): SeedFile {
  const seed = SeedFile.parse(raw);
  const agencyIds = new Set(seed.agencies.map((a) => a.id));
  for (const w of seed.workstreams) {
    for (const id of [w.leadAgencyId, ...w.contributingAgencyIds]) {
      if (!agencyIds.has(id)) throw new Error(`Seed workstream ${w.id} names unknown agency ${id}`);
    }
  }
  const extra = extraMacptWorkstreams(seed.workstreams);
  if (extra.length) throw new Error(`Seed workstreams ${extra.join(', ')} are marked macpt too: a partnership has one MACPT workstream`);
  return seed;
}

const SeedPlatformAdmins = z.object({
  $comment: z.string().optional(),
  admins: z.array(z.object({ email: z.string().email(), name: z.string().min(1).max(120) }).strict()),
});

/** The demo's platform administrators (`./platform-admins.json`): they create partnerships and belong to none. */
export function loadPlatformAdmins(): z.infer<typeof SeedPlatformAdmins>['admins'] {
  return SeedPlatformAdmins.parse(JSON.parse(readFileSync(new URL('./platform-admins.json', import.meta.url), 'utf8'))).admins;
}

/** Who the audit trail says loaded the demo. */
const SEED_ACTOR = { userId: 'system', email: 'system', name: 'Demo seed', role: 'system', agencyId: null };

/** The id part of a platform administrator's stable id (no partnership has an upper-case id). */
const PLATFORM_IDS = 'PLATFORM';

/**
 * Adds the demo's platform administrators, each only if not there yet (a conditional put), so a
 * restart keeps what happened to them; safe to run on every start, whatever the seed version.
 */
export async function seedPlatformAdmins(
  doc: DynamoDBDocumentClient,
  tables: { main: string; audit: string },
  opts: { password: string; now?: Date },
): Promise<{ added: string[] }> {
  const platform = new PlatformRepository(doc, tables.main);
  const accounts = new AccountRepository(doc, tables.main);
  const writer = new Writer(doc, tables.audit, platformKeys.auditScope);
  const passwordHash = await hashPassword(opts.password);
  const now = opts.now ?? new Date();
  const added: string[] = [];
  for (const a of loadPlatformAdmins()) {
    const id = userIdFor(PLATFORM_IDS, a.email);
    const item = platform.adminItem({ id, email: a.email, name: a.name, status: 'active', createdAt: now.toISOString() });
    try {
      await writer.write(
        [
          {
            item: { Put: { TableName: tables.main, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
            onConditionFailed: () => new Conflict(`${a.email} is there already`),
          },
          accounts.setCredentialOp({ email: a.email, passwordHash, setAt: now.toISOString() }),
        ],
        { action: 'seed.load', entityType: 'platform-admin', entityId: id, summary: `Added the demo platform administrator ${a.name}` },
        { actor: SEED_ACTOR, requestId: 'seed', now },
      );
      added.push(a.email);
    } catch (err) {
      if (!(err instanceof Conflict)) throw err;
    }
  }
  return { added };
}

/** A stable id per email so tokens and audit trails survive a re-seed. */
export function userIdFor(pid: string, email: string): string {
  const h = createHash('sha256').update(`${pid}:${email.toLowerCase()}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

async function batchPut(doc: DynamoDBDocumentClient, table: string, items: Record<string, unknown>[]) {
  for (let i = 0; i < items.length; i += 25) {
    let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
      [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    for (let attempt = 0; request && Object.keys(request).length && attempt < 8; attempt++) {
      const res = await doc.send(new BatchWriteCommand({ RequestItems: request }));
      request = res.UnprocessedItems as typeof request;
      if (request && Object.keys(request).length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
}

/**
 * Loads the demo partnership once. Idempotent: a marker item records the seed version, so restarts
 * keep the data people have entered.
 */
export async function seedDemo(
  doc: DynamoDBDocumentClient,
  tables: { main: string; audit: string },
  opts: { password: string; seed?: SeedFile; now?: Date },
): Promise<{ seeded: boolean }> {
  const seed = opts.seed ?? loadSeed();
  const pid = seed.partnership.id;
  const marker = { pk: partnershipPk(pid), sk: 'SEED' };
  const existing = await doc.send(new GetCommand({ TableName: tables.main, Key: marker, ConsistentRead: true }));
  if (existing.Item && Number(existing.Item.version) >= SEED_VERSION) return { seeded: false };

  const users = new UserRepository(doc, tables.main, pid);
  const accounts = new AccountRepository(doc, tables.main);
  const passwordHash = await hashPassword(opts.password);
  const now = opts.now ?? new Date();
  const dataDir = new URL(`./data/${pid}/`, import.meta.url);
  const names = new Map(seed.users.map((u) => [u.email, u.name]));
  const seededValues: SeededValues[] = [];
  const items: Record<string, unknown>[] = [
    { ...partnershipKeys.partnership(pid), entity: 'Partnership', ...seed.partnership },
    // The service's list of its partnerships, through which one sign-in finds each of a person's.
    new PlatformRepository(doc, tables.main).partnershipItem(seed.partnership),
    ...seed.agencies.map((a) => ({ ...partnershipKeys.agency(pid, a.id), entity: 'Agency', ...a })),
    ...seed.workstreams.map((w) => ({ ...partnershipKeys.workstream(pid, w.id), entity: 'Workstream', ...w })),
    ...seed.users.flatMap((u) => {
      const user = { ...u, id: userIdFor(pid, u.email), status: 'active' as const, unsubscribeKey: randomBytes(24).toString('base64url') };
      return [users.userItem(user), users.pointerItem(user)];
    }),
    ...programmeSeedItems(doc, tables.main, pid, dataDir, names, seededValues),
    ...thresholdSeedItems(doc, tables.main, pid, dataDir, names),
    ...readinessSeedItems(doc, tables.main, pid, dataDir, names),
    // Items from partner agencies belong to them; the file names who keeps the others (a charity's: the council).
    ...kinshipSeedItems(
      doc,
      tables.main,
      pid,
      dataDir,
      seed.agencies.map((a) => a.id),
    ),
  ];
  // After the returns: their indicator values are mirrored beside the indicators.
  items.push(...measureSeedItems(doc, tables.main, pid, dataDir, seed.workstreams, seededValues));
  await batchPut(doc, tables.main, items);
  // One password per person for every partnership they work in (the demo's), for those who have none yet.
  for (const u of seed.users) {
    const Item = accounts.credentialItem({ email: u.email, passwordHash, setAt: now.toISOString() });
    await doc.send(new PutCommand({ TableName: tables.main, Item, ConditionExpression: 'attribute_not_exists(pk)' })).catch((err: unknown) => {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    });
  }
  // The seed marker's transaction also raises the tracker's count of changes: a tracker worked out before is not served after.
  await new Writer(doc, tables.audit, pid, undefined, tables.main).write(
    [{ item: { Put: { TableName: tables.main, Item: { ...marker, entity: 'SeedMarker', version: SEED_VERSION, at: now.toISOString() } } } }],
    { action: 'seed.load', entityType: 'partnership', entityId: pid, summary: `Loaded the ${seed.partnership.shortName} demo data (seed version ${SEED_VERSION})` },
    { actor: SEED_ACTOR, requestId: 'seed', now },
  );
  return { seeded: true };
}
