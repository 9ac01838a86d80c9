import type { WriteOp } from '../db/transact.js';
import { PreconditionFailed, PreconditionRequired, type AppError } from '../http/errors.js';

/**
 * The version a writer expects to replace: the `If-Match` its client sent (see http/etag.ts
 * `ifMatch`). `null` only on PUTs that may create the resource, meaning "it must not exist yet".
 */
export type ExpectedVersion = number | null;

/**
 * Answers a stale or missing `If-Match` before any other rule runs on the item just read, so the
 * person hears "someone else saved first" rather than a rule about a state they never saw. It is
 * for the answer only: the guarantee is the write's condition ({@link versionCondition}), which
 * also catches a writer who saves between this read and the write.
 */
export function assertVersion(current: { version: number } | null | undefined, expected: ExpectedVersion): void {
  if (current) {
    if (expected === null)
      throw new PreconditionRequired('This has already been saved. Send the If-Match header with the ETag you loaded, so changes made by others are not lost.');
    if (expected !== current.version) throw new PreconditionFailed();
  } else if (expected !== null && expected !== 0) {
    throw new PreconditionFailed('This has not been saved yet, so there is no version to match. Reload and try again.');
  }
}

/**
 * The one optimistic-concurrency condition: the stored item must still be at the version the
 * client read (`version = :expected`), or, for a first save, must not exist yet.
 */
export function versionCondition(expected: ExpectedVersion): { ConditionExpression: string; ExpressionAttributeValues?: Record<string, unknown> } {
  return expected === null || expected === 0
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: 'version = :expectedVersion', ExpressionAttributeValues: { ':expectedVersion': expected } };
}

/**
 * Write op: put a versioned item guarded by {@link versionCondition}. A failed guard means someone
 * else saved first: 412 (or the caller's error, e.g. 409 when a create finds the id taken).
 */
export function guardedPut(table: string, item: Record<string, unknown>, expected: ExpectedVersion, onConditionFailed: () => AppError = () => new PreconditionFailed()): WriteOp {
  return { item: { Put: { TableName: table, Item: item, ...versionCondition(expected) } }, onConditionFailed };
}
