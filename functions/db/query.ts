import { BatchGetCommand, GetCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/**
 * Runs one Query to the end of its pages. Every access pattern that reads "all of X" uses it, so
 * paging is never forgotten; the number of calls grows only with the bytes read (1 MB a page).
 */
export async function queryAll(doc: DynamoDBDocumentClient, input: Omit<QueryCommandInput, 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * Reads a few items of one table in one BatchGetItem, strongly consistent. A key DynamoDB leaves
 * unprocessed (throttled) is read on its own, so the answer is whole; items that do not exist are
 * simply absent.
 */
export async function batchGet(doc: DynamoDBDocumentClient, table: string, keys: readonly { pk: string; sk: string }[]): Promise<Record<string, unknown>[]> {
  const res = await doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: [...keys], ConsistentRead: true } } }));
  const items = [...(res.Responses?.[table] ?? [])];
  for (const Key of res.UnprocessedKeys?.[table]?.Keys ?? []) {
    const got = await doc.send(new GetCommand({ TableName: table, Key, ConsistentRead: true }));
    if (got.Item) items.push(got.Item);
  }
  return items;
}
