import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { auditKeys } from '../db/keys.js';
import type { AuditEvent } from '../db/transact.js';

/** Reads the append-only audit table (the API may only Put and Query it). */
export class AuditRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly pid: string,
  ) {}

  /** Every event for one entity, oldest first, in pages of `limit`. */
  async listAuditForEntity(entityType: string, entityId: string, opts: { limit?: number; cursor?: string } = {}) {
    const pk = auditKeys.entity(this.pid, entityType, entityId);
    const startKey = decodeCursor(opts.cursor, pk);
    const res = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        Limit: opts.limit ?? 200,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    const events = (res.Items ?? []).map(({ pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _gs, entity: _e, ...rest }) => rest as unknown as AuditEvent);
    const cursor = res.LastEvaluatedKey ? Buffer.from(JSON.stringify(res.LastEvaluatedKey)).toString('base64url') : null;
    return { events, cursor };
  }
}

/**
 * A page cursor back into a start key. A cursor that is not ours, or that points into another
 * entity's events, starts from the beginning instead of failing or reading elsewhere.
 */
function decodeCursor(cursor: string | undefined, pk: string): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as Record<string, unknown>;
    return key && typeof key === 'object' && key.pk === pk && typeof key.sk === 'string' ? { pk, sk: key.sk } : undefined;
  } catch {
    return undefined;
  }
}
