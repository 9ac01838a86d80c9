import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { platformKeys, userKeys } from '../db/keys.js';
import { AccountRepository } from '../repositories/account-repository.js';
import { UserRepository } from '../repositories/user-repository.js';
import type { Config } from '../config.js';
import { PartnershipRepository } from '../repositories/partnership-repository.js';
import { PlatformRepository } from '../repositories/platform-repository.js';
import { Writer } from '../db/transact.js';
import { changedFields } from '../../shared/audit/changes.js';

/**
 * Brings a deployment's data to the shape that holds several partnerships (issue 13). Every item
 * of a partnership already lives under keys that begin with its id, so nothing moves. What a
 * deployment made before lacks:
 * - the service's list of the partnerships it hosts, through which one sign-in finds each of a
 *   person's: each partnership's line is added, once;
 * - one sign-in credential per person (local sign-in), where each partnership's record held its
 *   own password hash: the hash becomes the person's credential and leaves the record, in one
 *   transaction. Someone whose records in two partnerships held different passwords keeps the
 *   first partnership's (in the order given: the deployment's own first), and is told nothing:
 *   the other password stops working, which is what one account means.
 *
 * Safe to run again and at any time: it writes only a line or a credential that is not there (a
 * conditional put) and removes a record's hash only with the credential that replaces it, or
 * once the person has one.
 */
export async function migrateToSeveralPartnerships(
  doc: DynamoDBDocumentClient,
  tables: Config['tables'],
  partnershipIds: readonly string[],
): Promise<{ added: string[]; present: string[]; credentials: number }> {
  const platform = new PlatformRepository(doc, tables.main);
  const accounts = new AccountRepository(doc, tables.main);
  const added: string[] = [];
  const present: string[] = [];
  let credentials = 0;
  for (const pid of partnershipIds) {
    const p = await new PartnershipRepository(doc, tables.main, pid).getPartnership();
    if (!p) throw new Error(`There is no partnership ${pid} in ${tables.main}: check PARTNERSHIP_ID.`);
    try {
      await doc.send(new PutCommand({ TableName: tables.main, Item: platform.partnershipItem(p), ConditionExpression: 'attribute_not_exists(pk)' }));
      added.push(pid);
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      present.push(pid);
    }
    for (const r of await new UserRepository(doc, tables.main, pid).listRecordPasswords()) {
      if (await moveToCredential(doc, tables.main, accounts, pid, r)) credentials++;
    }
  }
  return { added, present, credentials };
}

/** A record's password hash becomes the person's credential, unless they have one: either way it leaves the record. True when a credential was made. */
async function moveToCredential(
  doc: DynamoDBDocumentClient,
  table: string,
  accounts: AccountRepository,
  pid: string,
  r: { email: string; passwordHash: string },
): Promise<boolean> {
  const removeHash = { Update: { TableName: table, Key: userKeys.user(pid, r.email), UpdateExpression: 'REMOVE passwordHash' } };
  const credential = accounts.credentialItem({ email: r.email, passwordHash: r.passwordHash, setAt: new Date().toISOString() });
  try {
    await doc.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: table, Item: credential, ConditionExpression: 'attribute_not_exists(pk)' } }, removeHash] }));
    return true;
  } catch (err) {
    if (!(err instanceof TransactionCanceledException) || err.CancellationReasons?.[0]?.Code !== 'ConditionalCheckFailed') throw err;
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [{ ConditionCheck: { TableName: table, Key: platformKeys.credential(r.email), ConditionExpression: 'attribute_exists(pk)' } }, removeHash],
      }),
    );
    return false;
  }
}

/** The MACPT workstream's id in data made before the mark was data: the Medway demo's and the template's. */
const FORMER_MACPT_ID = 'safeguarding';

/** Who the audit trail says changed the data. */
const MIGRATION_ACTOR = { userId: 'system', email: 'system', name: 'Migration', role: 'system', agencyId: null };

/**
 * Marks each partnership's MACPT workstream (`macpt`), in data made before the mark was data. Until
 * then the code knew the MACPT workstream by its id, `safeguarding` (the Medway demo's and the
 * template's), so that workstream gets the mark, with an audit event, in one write guarded by its
 * version. A partnership where some workstream has the mark, or has it as `false` (a lead who
 * moves or clears it leaves `false` behind: a decision, kept), or that has no `safeguarding`
 * workstream, is left alone. Safe to run again.
 */
export async function markMacptWorkstreams(
  doc: DynamoDBDocumentClient,
  tables: Config['tables'],
  partnershipIds: readonly string[],
  now = new Date(),
): Promise<{ marked: string[]; unchanged: string[] }> {
  const marked: string[] = [];
  const unchanged: string[] = [];
  for (const pid of partnershipIds) {
    const repo = new PartnershipRepository(doc, tables.main, pid);
    const { workstreams } = await repo.getPartnershipData();
    const former = workstreams.find((w) => w.id === FORMER_MACPT_ID);
    if (!former || workstreams.some((w) => w.macpt !== undefined)) {
      unchanged.push(pid);
      continue;
    }
    const next = { ...former, macpt: true, version: former.version + 1 };
    await new Writer(doc, tables.audit, pid, undefined, tables.main).write(
      [repo.putWorkstreamOp(next, former.version)],
      {
        action: 'workstream.update',
        entityType: 'workstream',
        entityId: former.id,
        summary: `Marked "${former.name}" as the workstream that sets up the MACPTs (as it was known before by its id)`,
        changes: changedFields(former, next, ['macpt']),
      },
      { actor: MIGRATION_ACTOR, requestId: 'migrate', now },
    );
    marked.push(pid);
  }
  return { marked, unchanged };
}
