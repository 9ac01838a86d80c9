/**
 * The physical design of the portal's two DynamoDB tables. The repositories build keys with these
 * names and the CDK stateful stack creates the tables from them, so the two can never drift apart.
 *
 * - The main table is a single table: generic `pk`/`sk` plus one generic GSI (`gsi1pk`/`gsi1sk`).
 *   Every key starts with `P#<partnershipId>#` so one deployment can host several partnerships.
 * - The audit table holds immutable audit events, found by record (its key), by person (gsi1) and
 *   by month (gsi2). The API's role may only PutItem and Query it,
 *   so the audit trail cannot be edited even by a bug, with one exception: erasure of personal
 *   data may rewrite an event's text attributes ({@link AUDIT_TABLE}.textAttributes), and IAM
 *   allows UpdateItem on those attributes only. Events are written in the same
 *   TransactWriteItems call as the change they describe.
 */
export const MAIN_TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  gsi1: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
} as const;

export const AUDIT_TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Events by actor, newest last: `P#<pid>#ACTOR#<userId>` / `<iso time>#<eventId>`. */
  gsi1: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  /**
   * Events of the whole partnership by month, newest last: `P#<pid>#AUDIT-MONTH#<yyyy-mm>` /
   * `<iso time>#<eventId>`. Written on events from when it was added; older events are found by
   * record (the table's key) and by person (gsi1).
   */
  gsi2: { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  /** What an event says was changed: the only attributes erasure may rewrite. */
  textAttributes: ['summary', 'changes', 'before', 'after', 'meta'],
  /** Set on an event whose text was erased: the erasure event's id. */
  erasedBy: 'erasedBy',
} as const;
