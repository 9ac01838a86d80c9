import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.js';

/**
 * The one DynamoDB document client. Short timeouts and a single retry so that an unreachable
 * database answers 503 within seconds instead of hanging the request.
 */
export function createDocumentClient(dynamodb: Config['dynamodb']): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(createClient(dynamodb), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** The low-level client (table administration in local mode and tests). */
export function createClient(dynamodb: Config['dynamodb']): DynamoDBClient {
  return new DynamoDBClient({
    region: dynamodb.region,
    maxAttempts: 2,
    requestHandler: { connectionTimeout: Math.min(1000, dynamodb.timeoutMs), requestTimeout: dynamodb.timeoutMs },
    ...(dynamodb.endpoint
      ? { endpoint: dynamodb.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
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
