import { DynamoDBClient, ListTablesCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.js';

/**
 * The one DynamoDB document client. Every call has a deadline (`dynamodb.timeoutMs`, retries
 * included), so a database that stops answering makes the request fail with a 503 within seconds
 * instead of hanging it.
 */
export function createDocumentClient(dynamodb: Config['dynamodb']): DynamoDBDocumentClient {
  // The document client sends through its own `send`, so it gets its own deadline as well.
  return withDeadline(
    DynamoDBDocumentClient.from(createClient(dynamodb), {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    }),
    dynamodb.timeoutMs,
    { waitForLocalCommit: Boolean(dynamodb.endpoint) },
  );
}

/**
 * The low-level client (table administration in local mode and tests), with the same deadline.
 *
 * The deadline is an AbortSignal on each call (see `withDeadline`): it covers both attempts, the
 * back-off between them and a response body that stops half way. Each attempt also has a
 * `requestTimeout` of the same length with `throwOnRequestTimeout` (without it the SDK only logs a
 * warning and keeps waiting). The one retry is for fast failures, such as a keep-alive socket that
 * died when DynamoDB Local restarted; a call that is slow but alive is not cut short and retried
 * from scratch, which would only make it slower.
 */
export function createClient(dynamodb: Config['dynamodb']): DynamoDBClient {
  const client = new DynamoDBClient({
    region: dynamodb.region,
    maxAttempts: 2,
    requestHandler: {
      connectionTimeout: Math.min(1000, dynamodb.timeoutMs),
      requestTimeout: dynamodb.timeoutMs,
      throwOnRequestTimeout: true,
      // Connections kept open and shared, as many as the requests admitted at once use together
      // (functions/http/admission.ts): under a burst, calls do not wait for a free connection.
      ...(dynamodb.maxSockets ? { httpAgent: { keepAlive: true, maxSockets: dynamodb.maxSockets }, httpsAgent: { keepAlive: true, maxSockets: dynamodb.maxSockets } } : {}),
    },
    ...(dynamodb.endpoint ? { endpoint: dynamodb.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  return withDeadline(client, dynamodb.timeoutMs, { waitForLocalCommit: Boolean(dynamodb.endpoint) });
}

/** A DynamoDB call that did not finish within its deadline (retries included). */
export class DatabaseTimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor(readonly deadlineMs: number) {
    super(`DynamoDB did not answer within ${deadlineMs} ms (retries included).`);
  }
}

type SendOptions = { abortSignal?: AbortSignal } & Record<string, unknown>;
// biome-ignore lint/suspicious/noConfusingVoidType: the SDK's send returns void when given a callback
type AnySend = (command: unknown, options?: unknown, cb?: unknown) => Promise<unknown> | void;

export interface DeadlineOptions {
  /**
   * DynamoDB Local only (an `endpoint` is set): after a transaction, wait until DynamoDB Local has
   * committed it before reporting success.
   *
   * Why: DynamoDB Local (3.x) answers TransactWriteItems as soon as it has queued the SQLite COMMIT
   * on its single database thread, without waiting for it (its `commitTransaction` does not wait
   * for the queued job, unlike every other write). If Java dies in those few milliseconds, a write
   * the portal answered 2xx is lost; `test/fault/durability.test.ts` saw this. Any later request
   * that reads through that same queue runs after the COMMIT, so one `ListTables` (Limit 1) after
   * each transaction makes an acknowledged write a durable one. AWS DynamoDB is durable when it
   * answers, so nothing extra is sent there.
   */
  waitForLocalCommit?: boolean;
}

/**
 * Gives every `send` on this client a deadline: when it passes, the call is aborted (the socket is
 * destroyed) and the caller gets a `DatabaseTimeoutError` at once, even mid back-off.
 * A caller's own `abortSignal` still works alongside it.
 */
export function withDeadline<C extends { send: unknown }>(client: C, deadlineMs: number, opts: DeadlineOptions = {}): C {
  const proto = Object.getPrototypeOf(client) as { send: AnySend };
  // The class's `send`, looked up on each call (so a test's spy on the prototype still sees every
  // call the app makes), and as it was now (for the commit barrier, which is not the app's call).
  const original: AnySend = (command, options, cb) => proto.send.call(client, command, options, cb);
  const internal: AnySend = proto.send.bind(client);
  const send: AnySend = (command, options, cb) => {
    // The callback form is not used here; leave it as the SDK made it.
    if (typeof options === 'function' || typeof cb === 'function') return original(command, options, cb);
    return sendWithin(original, internal, command, options as SendOptions | undefined, deadlineMs, opts);
  };
  (client as { send: unknown }).send = send;
  return client;
}

const isTransactWrite = (command: unknown) => command instanceof TransactWriteItemsCommand || command instanceof TransactWriteCommand;

async function sendWithin(send: AnySend, internal: AnySend, command: unknown, options: SendOptions | undefined, deadlineMs: number, opts: DeadlineOptions): Promise<unknown> {
  const controller = new AbortController();
  const outer = options?.abortSignal;
  const followOuter = () => controller.abort(outer?.reason);
  if (outer?.aborted) followOuter();
  else outer?.addEventListener('abort', followOuter, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const err = new DatabaseTimeoutError(deadlineMs);
      controller.abort(err);
      reject(err);
    }, deadlineMs);
  });
  const call = async () => {
    const output = await (send(command, { ...options, abortSignal: controller.signal }) as Promise<unknown>);
    // Within the same deadline; if it fails, the write's durability is unknown, so it is an error.
    if (opts.waitForLocalCommit && isTransactWrite(command)) await internal(new ListTablesCommand({ Limit: 1 }), { abortSignal: controller.signal });
    return output;
  };
  try {
    return await Promise.race([call(), deadline]);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', followOuter);
  }
}

const UNAVAILABLE_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'ServiceUnavailable',
  'InternalServerError',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ResourceNotFoundException',
]);
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);

/** True when an SDK error means the database cannot serve us now (not that the request was wrong). */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { name?: string; code?: string; cause?: unknown; $metadata?: { httpStatusCode?: number } };
  if (e.name && UNAVAILABLE_NAMES.has(e.name)) return true;
  if (e.code && UNAVAILABLE_CODES.has(e.code)) return true;
  if (e.$metadata?.httpStatusCode && e.$metadata.httpStatusCode >= 500) return true;
  if (e.name === 'AggregateError' || e.name === 'Error') {
    const errors = (err as { errors?: unknown[] }).errors;
    if (errors?.some(isDatabaseUnavailable)) return true;
  }
  return e.cause ? isDatabaseUnavailable(e.cause) : false;
}
