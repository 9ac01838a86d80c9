import { readFileSync } from 'node:fs';
import { GetCommand, QueryCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createDocumentClient } from '../../functions/db/client.js';
import { dropTables, ensureTables } from '../../functions/db/create-tables.js';
import { partnershipPk, userKeys } from '../../functions/db/keys.js';
import { loadSeed, seedDemo, type SeedFile } from '../../functions/seed/seed.js';
import { DEMO_PASSWORD, testConfig } from '../support/tables.js';

/**
 * Issue 13, part 4: a second demo partnership (Kent) loads into the same tables as Medway's,
 * every key it writes starts with its own id, and Medway's data stays exactly as it was.
 */

type Item = Record<string, unknown>;
const SHARED_EMAILS = ['police@mscp.example', 'police.officer@mscp.example', 'health@mscp.example', 'health.officer@mscp.example'];

const config = testConfig();
// Creating and seeding tables is set-up: a busy machine gets a minute per call.
const setup = { ...config.dynamodb, timeoutMs: Math.max(config.dynamodb.timeoutMs, 60_000) };
const client = createClient(setup);
const doc = createDocumentClient(setup);

async function scanAll(d: DynamoDBDocumentClient, table: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const res = await d.send(new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey: start }));
    items.push(...((res.Items ?? []) as Item[]));
    start = res.LastEvaluatedKey as Item | undefined;
  } while (start);
  return items;
}

const partnershipPartition = async (pid: string) =>
  (
    await doc.send(
      new QueryCommand({ TableName: config.tables.main, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': partnershipPk(pid) }, ConsistentRead: true }),
    )
  ).Items as Item[];
const keyOf = (i: Item) => `${String(i.pk)}|${String(i.sk)}`;
const byKey = (items: Item[]) => new Map(items.map((i) => [keyOf(i), i]));

const medway = loadSeed('mscp');
const kent = loadSeed('kscmp');
let medwayPartitionBefore: Item[];
let mainBefore: Item[];
let auditBefore: Item[];
let kentMain: Item[];
let kentAudit: Item[];

beforeAll(async () => {
  await ensureTables(client, config.tables);
  expect(await seedDemo(doc, config.tables, { password: DEMO_PASSWORD, seed: medway })).toEqual({ seeded: true });
  medwayPartitionBefore = await partnershipPartition('mscp');
  mainBefore = await scanAll(doc, config.tables.main);
  auditBefore = await scanAll(doc, config.tables.audit);
  expect(await seedDemo(doc, config.tables, { password: DEMO_PASSWORD, seed: kent })).toEqual({ seeded: true });
  const before = new Set(mainBefore.map(keyOf));
  kentMain = (await scanAll(doc, config.tables.main)).filter((i) => !before.has(keyOf(i)));
  const auditKeys = new Set(auditBefore.map(keyOf));
  kentAudit = (await scanAll(doc, config.tables.audit)).filter((i) => !auditKeys.has(keyOf(i)));
});
afterAll(async () => {
  await dropTables(client, config.tables);
});

describe('the Kent demo seed beside Medway', () => {
  it('when both seeds load into one table, Kent writes its partnership, agencies, workstreams, people, periods, returns, readiness and threshold record', () => {
    const entities = new Set(kentMain.map((i) => i.entity));
    for (const e of ['Partnership', 'Agency', 'Workstream', 'User', 'UserId', 'Milestone', 'Period', 'SeedMarker', 'ThresholdConfig', 'ThresholdVersion', 'SignOff']) {
      expect(entities, e).toContain(e);
    }
    expect(kentMain.filter((i) => i.entity === 'User')).toHaveLength(kent.users.length);
    expect(kentMain.filter((i) => i.entity === 'Workstream')).toHaveLength(kent.workstreams.length);
    expect(kentAudit.length).toBeGreaterThan(0);
  });

  it('when Kent is seeded, every key it writes (pk, gsi1pk, gsi2pk) begins with P#kscmp, in both tables, but the service’s own: its line in the list of partnerships, and a password for each of its people who had none', () => {
    // The items outside the partnership's keys: the service's list of the partnerships it hosts,
    // and one sign-in credential per person (those in Medway too keep the one they have).
    const service = (i: Item) => String(i.pk).startsWith('PLATFORM#');
    expect(kentMain.filter((i) => i.pk === 'PLATFORM#PARTNERSHIPS')).toEqual([
      { pk: 'PLATFORM#PARTNERSHIPS', sk: 'kscmp', entity: 'HostedPartnership', name: kent.partnership.name, shortName: kent.partnership.shortName },
    ]);
    const kentOnly = kent.users.map((u) => u.email).filter((e) => !SHARED_EMAILS.includes(e));
    expect(kentMain.filter((i) => i.entity === 'Credential').map((i) => i.pk)).toEqual(expect.arrayContaining(kentOnly.map((e) => `PLATFORM#ACCOUNT#${e}`)));
    expect(
      kentMain
        .filter((i) => service(i) && i.pk !== 'PLATFORM#PARTNERSHIPS')
        .map((i) => [i.entity, i.email])
        .sort(),
    ).toEqual(kentOnly.map((e) => ['Credential', e]).sort());
    const keys = [...kentMain.filter((i) => !service(i)), ...kentAudit].flatMap((i) => ['pk', 'gsi1pk', 'gsi2pk'].filter((k) => k in i).map((k) => String(i[k])));
    expect(keys.length).toBeGreaterThan(kentMain.length);
    expect(keys.filter((k) => k !== 'P#kscmp' && !k.startsWith('P#kscmp#'))).toEqual([]);
  });

  it("when Kent is seeded, none of Medway's items changes: its partnership partition, and every item in either table", async () => {
    expect(await partnershipPartition('mscp')).toEqual(medwayPartitionBefore);
    const main = byKey(await scanAll(doc, config.tables.main));
    for (const item of mainBefore) expect(main.get(keyOf(item))).toEqual(item);
    const audit = byKey(await scanAll(doc, config.tables.audit));
    for (const item of auditBefore) expect(audit.get(keyOf(item))).toEqual(item);
  });

  it("when Kent's workstreams are read, their ids and names differ from Medway's", async () => {
    const workstreams = async (pid: string) => (await partnershipPartition(pid)).filter((i) => i.entity === 'Workstream');
    const [m, k] = [await workstreams('mscp'), await workstreams('kscmp')];
    expect(k.map((w) => w.id).sort()).toEqual(kent.workstreams.map((w) => w.id).sort());
    expect(k.filter((w) => m.some((x) => x.id === w.id || x.name === w.name))).toEqual([]);
  });

  it('when the four shared demo accounts are read, each is in both partnerships with the same name, agency and signatory flag', async () => {
    for (const email of SHARED_EMAILS) {
      const [inMedway, inKent] = await Promise.all(
        ['mscp', 'kscmp'].map(async (pid) => (await doc.send(new GetCommand({ TableName: config.tables.main, Key: userKeys.user(pid, email), ConsistentRead: true }))).Item),
      );
      expect(inMedway, email).toBeDefined();
      expect(inKent, email).toBeDefined();
      expect({ name: inKent?.name, agencyId: inKent?.agencyId, signatory: inKent?.signatory }).toEqual({
        name: inMedway?.name,
        agencyId: inMedway?.agencyId,
        signatory: inMedway?.signatory,
      });
    }
    expect(kent.agencies.filter((a) => medway.agencies.some((m) => m.id === a.id)).map((a) => a.id)).toEqual(['kent-police', 'nhs-kent-medway']);
  });

  it('when Kent is seeded again, nothing is written (the seed marker is per partnership)', async () => {
    expect(await seedDemo(doc, config.tables, { password: DEMO_PASSWORD, seed: kent })).toEqual({ seeded: false });
  });
});

// ---------------------------------------------------------------------------------------------
// The data's own consistency: loadSeed checks workstream agencies; the rest is checked here.

const readKent = <T>(file: string) => JSON.parse(readFileSync(new URL(`../../functions/seed/data/kscmp/${file}`, import.meta.url), 'utf8')) as T;

interface KentReturn {
  periodId: string;
  agencyId: string;
  status: string;
  submittedBy: string | null;
  acceptedBy: string | null;
  updatedBy?: string;
  review: { comments: { by: string }[] };
  sections: { workstreamId: string; milestones: { milestoneId: string }[] }[];
}

describe('the Kent seed data', () => {
  const seed: SeedFile = kent;
  const agencies = new Set(seed.agencies.map((a) => a.id));
  const emails = new Set(seed.users.map((u) => u.email));
  const contributes = (agencyId: string, workstreamId: string) => seed.workstreams.find((w) => w.id === workstreamId)?.contributingAgencyIds.includes(agencyId) ?? false;

  it('when the partnership is read, it is KSCMP without certification, and every person belongs to one of its agencies or none', () => {
    expect(seed.partnership).toEqual({ id: 'kscmp', name: 'Kent Safeguarding Children Multi-Agency Partnership', shortName: 'KSCMP', certifyReturns: false });
    for (const u of seed.users) expect(u.agencyId === null || agencies.has(u.agencyId), u.email).toBe(true);
    expect(seed.users.filter((u) => u.role === 'lead').map((u) => u.email)).toEqual(['lead@kscmp.example']);
    expect(seed.users.filter((u) => u.role === 'executive').map((u) => u.email)).toEqual(['exec@kscmp.example']);
  });

  it("when periods and returns are read, Q2 is closed with every agency's return accepted and Q3 is open with submitted, draft and missing returns", () => {
    const periods = readKent<{ id: string; status: string }[]>('periods.json');
    expect(periods.map((p) => [p.id, p.status])).toEqual([
      ['2026-27-Q2', 'closed'],
      ['2026-27-Q3', 'open'],
    ]);
    const returns = readKent<KentReturn[]>('returns.json');
    expect(returns.filter((r) => r.periodId === '2026-27-Q2').map((r) => [r.agencyId, r.status])).toEqual(seed.agencies.map((a) => [a.id, 'accepted']));
    const q3 = new Map(returns.filter((r) => r.periodId === '2026-27-Q3').map((r) => [r.agencyId, r.status]));
    expect(new Set(q3.values())).toEqual(new Set(['submitted', 'draft']));
    expect(seed.agencies.filter((a) => !q3.has(a.id))).not.toHaveLength(0);
  });

  it('when returns, milestones and readiness name agencies, workstreams, milestones and people, each exists and each section is a workstream the agency contributes to', () => {
    const milestones = readKent<{ id: string; workstreamId: string; ownerAgencyId: string }[]>('milestones.json');
    for (const m of milestones) {
      expect(contributes(m.ownerAgencyId, m.workstreamId), m.id).toBe(true);
    }
    const milestoneIds = new Map(milestones.map((m) => [m.id, m.workstreamId]));
    for (const r of readKent<KentReturn[]>('returns.json')) {
      for (const who of [r.submittedBy, r.acceptedBy, r.updatedBy, ...r.review.comments.map((c) => c.by)]) if (who) expect(emails.has(who), who).toBe(true);
      for (const s of r.sections) {
        expect(contributes(r.agencyId, s.workstreamId), `${r.periodId} ${r.agencyId} ${s.workstreamId}`).toBe(true);
        for (const u of s.milestones) expect(milestoneIds.get(u.milestoneId), u.milestoneId).toBe(s.workstreamId);
      }
    }
    const readiness = readKent<{
      criteria: { id: string; workstreamId: string; agencyIds: string[] }[];
      assessments: { criterionId: string; agencyId: string; updatedBy: string }[];
    }>('readiness.json');
    for (const c of readiness.criteria) for (const a of c.agencyIds) expect(contributes(a, c.workstreamId), `${c.id} ${a}`).toBe(true);
    for (const a of readiness.assessments) {
      expect(readiness.criteria.find((c) => c.id === a.criterionId)?.agencyIds, a.criterionId).toContain(a.agencyId);
      expect(emails.has(a.updatedBy), a.updatedBy).toBe(true);
    }
  });
});
