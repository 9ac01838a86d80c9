import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.js';
import { PartnershipRepository } from '../repositories/partnership-repository.js';
import { PlatformRepository } from '../repositories/platform-repository.js';

/**
 * Brings a deployment's data to the shape that holds several partnerships (issue 13). Every item
 * of a partnership already lives under keys that begin with its id, so nothing moves: what a
 * deployment made before lacks is the service's list of the partnerships it hosts, through which
 * one sign-in finds each of a person's. This adds each partnership's line to that list, once.
 *
 * Safe to run again and at any time: it reads each partnership's record, and writes only a line
 * that is not there (a conditional put), never touching the partnership's own items.
 */
export async function migrateToSeveralPartnerships(
  doc: DynamoDBDocumentClient,
  tables: Config['tables'],
  partnershipIds: readonly string[],
): Promise<{ added: string[]; present: string[] }> {
  const platform = new PlatformRepository(doc, tables.main);
  const added: string[] = [];
  const present: string[] = [];
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
  }
  return { added, present };
}
