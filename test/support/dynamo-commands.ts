import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { vi } from 'vitest';

/** One command the app sent to DynamoDB: its class (`QueryCommand`, `GetCommand`…) and its input. */
export interface SentCommand {
  name: string;
  input: Record<string, unknown>;
}

/**
 * Runs `work` and returns every command sent on `client` meanwhile, in order. It spies on the
 * document client's `send` as test/api/access-patterns.test.ts does: the deadline wrapper
 * (functions/db/client.ts `withDeadline`) looks the method up on each call so that such a spy sees
 * every call the app makes. Calls on other clients are left out.
 */
export async function recordCommands(client: DynamoDBDocumentClient, work: () => Promise<void>): Promise<SentCommand[]> {
  const send = vi.spyOn(DynamoDBDocumentClient.prototype, 'send');
  try {
    await work();
    return send.mock.calls.flatMap((call, i) => {
      if (send.mock.contexts[i] !== client) return [];
      const command = call[0] as { constructor: { name: string }; input?: Record<string, unknown> };
      return [{ name: command.constructor.name, input: command.input ?? {} }];
    });
  } finally {
    send.mockRestore();
  }
}

/** A partition a command addresses: the key attribute (`pk`, `gsi1pk`, `gsi2pk`), its value and, for a single item, its sort key. */
export interface AddressedKey {
  attribute: string;
  value: string;
  sk?: unknown;
}

const PARTITION_ATTRIBUTES = new Set(['pk', 'gsi1pk', 'gsi2pk']);

type Item = Record<string, unknown>;
const keyOf = (key: unknown): AddressedKey[] => {
  const k = (key ?? {}) as Item;
  return typeof k.pk === 'string' ? [{ attribute: 'pk', value: k.pk, sk: k.sk }] : [];
};
const tables = (requestItems: unknown) => Object.values((requestItems ?? {}) as Record<string, unknown>);

/**
 * The partitions a command reads or writes: a Query's partition-key condition, a Get/Put/Update/
 * Delete's key, every key of a batch or transaction. `null` when they cannot be read from the
 * command: a Scan (which reads every partition), or a command this helper does not know.
 */
export function partitionsOf(c: SentCommand): AddressedKey[] | null {
  const input = c.input;
  switch (c.name) {
    case 'QueryCommand': {
      const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
      const values = (input.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
      const found = String(input.KeyConditionExpression ?? '')
        .split(/\s+AND\s+/i)
        .flatMap((clause) => {
          const m = /^\(?\s*(#?\w+)\s*=\s*(:\w+)\s*\)?$/.exec(clause.trim());
          if (!m) return [];
          const attribute = m[1]!.startsWith('#') ? (names[m[1]!] ?? m[1]!) : m[1]!;
          const value = values[m[2]!];
          return PARTITION_ATTRIBUTES.has(attribute) && typeof value === 'string' ? [{ attribute, value }] : [];
        });
      return found.length === 1 ? found : null;
    }
    case 'GetCommand':
    case 'DeleteCommand':
    case 'UpdateCommand':
      return keyOf(input.Key);
    case 'PutCommand':
      return keyOf(input.Item);
    case 'BatchGetCommand':
      return tables(input.RequestItems).flatMap((t) => ((t as { Keys?: unknown[] }).Keys ?? []).flatMap(keyOf));
    case 'BatchWriteCommand':
      return tables(input.RequestItems).flatMap((t) =>
        (t as { PutRequest?: { Item: unknown }; DeleteRequest?: { Key: unknown } }[]).flatMap((r) => keyOf(r.PutRequest?.Item ?? r.DeleteRequest?.Key)),
      );
    case 'TransactGetCommand':
      return ((input.TransactItems ?? []) as { Get?: { Key: unknown } }[]).flatMap((t) => keyOf(t.Get?.Key));
    case 'TransactWriteCommand':
      return ((input.TransactItems ?? []) as Record<string, { Key?: unknown; Item?: unknown }>[]).flatMap((t) => Object.values(t).flatMap((op) => keyOf(op.Item ?? op.Key)));
    default:
      return null;
  }
}

/** Whether a key belongs to partnership `pid`: `P#<pid>` itself or anything under `P#<pid>#` (never `P#<pid>x…`). */
export const belongsTo = (pid: string, value: string) => value === `P#${pid}` || value.startsWith(`P#${pid}#`);
