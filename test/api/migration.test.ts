import { DeleteCommand, GetCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/db/client.js';
import { partnershipKeys, partnershipPk, platformKeys, userKeys } from '../../functions/db/keys.js';
import { markMacptWorkstreams, migrateToSeveralPartnerships } from '../../functions/jobs/migrate.js';
import { loadSeed, seedDemo } from '../../functions/seed/seed.js';
import { createSeededTables, DEMO_PASSWORD } from '../support/tables.js';

/**
 * The migration to several partnerships in one deployment (issue 13): the seeded Medway demo, as a
 * deployment made before had it (without the service's list of partnerships), is migrated, and
 * every item of both tables is compared with the demo as seeded now: nothing lost, nothing changed,
 * the list's line added once.
 */
let t: Awaited<ReturnType<typeof createSeededTables>>;
beforeAll(async () => {
  t = await createSeededTables();
});
afterAll(async () => {
  await t.drop();
});

type Item = Record<string, unknown>;
// Only tests scan whole tables.
async function everything(table: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const res = await t.doc.send(new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey: start }));
    items.push(...((res.Items ?? []) as Item[]));
    start = res.LastEvaluatedKey as Item | undefined;
  } while (start);
  return items.sort((a, b) => `${String(a.pk)}|${String(a.sk)}`.localeCompare(`${String(b.pk)}|${String(b.sk)}`));
}

describe('migrating a deployment to several partnerships', () => {
  it('when the Medway demo from before is migrated, every item of both tables is as the demo has it now, and a second run changes nothing', async () => {
    const [main, audit] = [await everything(t.config.tables.main), await everything(t.config.tables.audit)];
    expect(main.filter((i) => i.pk === platformKeys.partnerships)).toHaveLength(1);
    const credentials = main.filter((i) => i.entity === 'Credential');
    expect(credentials.length).toBeGreaterThan(5);
    // The shape before: no list of partnerships, and each person's password hash on their record, not in one credential.
    await t.doc.send(new DeleteCommand({ TableName: t.config.tables.main, Key: platformKeys.partnership('mscp') }));
    for (const c of credentials) {
      await t.doc.send(new DeleteCommand({ TableName: t.config.tables.main, Key: { pk: c.pk, sk: c.sk } }));
      await t.doc.send(
        new UpdateCommand({
          TableName: t.config.tables.main,
          Key: userKeys.user('mscp', String(c.email)),
          UpdateExpression: 'SET passwordHash = :h',
          ExpressionAttributeValues: { ':h': c.passwordHash },
        }),
      );
    }
    expect((await everything(t.config.tables.main)).length).toBe(main.length - 1 - credentials.length);

    expect(await migrateToSeveralPartnerships(t.doc, t.config.tables, ['mscp'])).toEqual({ added: ['mscp'], present: [], credentials: credentials.length });
    // Every item as the demo has it now (a credential made now, not when the demo was seeded).
    const setAtAside = (items: Item[]) => items.map((i) => (i.entity === 'Credential' ? { ...i, setAt: 'set' } : i));
    expect(setAtAside(await everything(t.config.tables.main))).toEqual(setAtAside(main));
    expect(await everything(t.config.tables.audit)).toEqual(audit);

    expect(await migrateToSeveralPartnerships(t.doc, t.config.tables, ['mscp'])).toEqual({ added: [], present: ['mscp'], credentials: 0 });
    expect(setAtAside(await everything(t.config.tables.main))).toEqual(setAtAside(main));
  });

  it('when a person’s record still holds a password but they have a credential already (from another partnership), the credential stays and the record’s hash goes', async () => {
    const key = userKeys.user('mscp', 'lead@mscp.example');
    await t.doc.send(
      new UpdateCommand({ TableName: t.config.tables.main, Key: key, UpdateExpression: 'SET passwordHash = :h', ExpressionAttributeValues: { ':h': 'an older password' } }),
    );
    const before = await everything(t.config.tables.main);
    expect(await migrateToSeveralPartnerships(t.doc, t.config.tables, ['mscp'])).toEqual({ added: [], present: ['mscp'], credentials: 0 });
    const after = await everything(t.config.tables.main);
    const lead = (items: Item[]) => items.find((i) => i.pk === key.pk)!;
    expect(lead(after).passwordHash).toBeUndefined();
    expect(after.find((i) => i.entity === 'Credential' && i.email === 'lead@mscp.example')!.passwordHash).not.toBe('an older password');
    expect(after.filter((i) => i.pk !== key.pk)).toEqual(before.filter((i) => i.pk !== key.pk));
  });

  it('when a partnership that is not there is named, it says so and writes nothing', async () => {
    const before = await everything(t.config.tables.main);
    await expect(migrateToSeveralPartnerships(t.doc, t.config.tables, ['no-such-partnership'])).rejects.toThrow(/There is no partnership no-such-partnership/);
    expect(await everything(t.config.tables.main)).toEqual(before);
  });
});

describe('marking the MACPT workstream in data from before', () => {
  const NOW = new Date('2027-01-11T09:00:00.000Z');
  const key = (pid: string, id: string) => partnershipKeys.workstream(pid, id);
  const read = async (pid: string, id: string) => (await t.doc.send(new GetCommand({ TableName: t.config.tables.main, Key: key(pid, id), ConsistentRead: true }))).Item!;
  const set = (pid: string, id: string, expression: string, values?: Record<string, unknown>) =>
    t.doc.send(new UpdateCommand({ TableName: t.config.tables.main, Key: key(pid, id), UpdateExpression: expression, ExpressionAttributeValues: values }));
  const marked = async (pid: string) => (await everything(t.config.tables.main)).filter((i) => i.entity === 'Workstream' && i.pk === partnershipPk(pid) && i.macpt === true);

  it('when no workstream of a partnership has the mark, its safeguarding workstream (the id the code went by) gets it, with an audit event; a second run changes nothing', async () => {
    // The shape before: the mark was the code's, not the data's.
    await set('mscp', 'safeguarding', 'REMOVE macpt');
    const before = await read('mscp', 'safeguarding');
    const audit = await everything(t.config.tables.audit);
    expect(await markMacptWorkstreams(t.doc, t.config.tables, ['mscp'], NOW)).toEqual({ marked: ['mscp'], unchanged: [] });
    expect(await read('mscp', 'safeguarding')).toEqual({ ...before, macpt: true, version: Number(before.version ?? 1) + 1 });
    const added = (await everything(t.config.tables.audit)).filter((e) => !audit.some((a) => a.pk === e.pk && a.sk === e.sk));
    expect(added).toEqual([
      expect.objectContaining({
        action: 'workstream.update',
        entityType: 'workstream',
        entityId: 'safeguarding',
        changes: { macpt: { from: null, to: true } },
        actor: expect.objectContaining({ name: 'Migration' }),
      }),
    ]);
    const main = await everything(t.config.tables.main);
    expect(await markMacptWorkstreams(t.doc, t.config.tables, ['mscp'], NOW)).toEqual({ marked: [], unchanged: ['mscp'] });
    expect(await everything(t.config.tables.main)).toEqual(main);
  });

  it('when the lead has cleared or moved the mark (false left behind), or there is no safeguarding workstream, nothing is marked', async () => {
    await set('mscp', 'safeguarding', 'SET macpt = :f', { ':f': false });
    await seedDemo(createDocumentClient({ ...t.config.dynamodb, timeoutMs: 60_000 }), t.config.tables, { password: DEMO_PASSWORD, seed: loadSeed('kscmp') });
    await set('kscmp', 'multi-agency-child-protection', 'REMOVE macpt');
    const main = await everything(t.config.tables.main);
    expect(await markMacptWorkstreams(t.doc, t.config.tables, ['mscp', 'kscmp'], NOW)).toEqual({ marked: [], unchanged: ['mscp', 'kscmp'] });
    expect(await everything(t.config.tables.main)).toEqual(main);
    expect([await marked('mscp'), await marked('kscmp')]).toEqual([[], []]);
  });
});
