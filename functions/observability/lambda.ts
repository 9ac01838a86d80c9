import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import type { Config } from '../config.js';
import type { Logger, RequestRecord } from '../logger.js';
import { API_METRICS, METRICS_NAMESPACE } from './metric-names.js';
import type { Tracing } from './tracing.js';

/**
 * Logs, metrics and traces of the portal's Lambda functions, with Powertools for AWS Lambda, wired
 * once here for the three entry points (functions/lambda.ts, reminders-lambda.ts, ses-events-lambda.ts).
 *
 * - Logs: one JSON line per event (Powertools Logger) carrying, on every line of an invocation, the
 *   Lambda request id (`function_request_id`, with the function's name, cold start and X-Ray trace
 *   id) and, for API Gateway events, the API's request id (`correlation_id`, the `requestId` of
 *   the HTTP API's access logs).
 * - Metrics: CloudWatch Embedded Metric Format in namespace {@link METRICS_NAMESPACE}, written as
 *   one log line when the invocation ends; the names are in metric-names.ts. The API records each
 *   request through `logger.request()` (the request-logging middleware in app.ts calls it).
 * - Traces: X-Ray, with a subsegment per call of the SDK clients passed as `traced` (see tracing.ts,
 *   loaded on the first invocation, in Lambda only).
 *
 * With LOG_LEVEL=silent (the tests) nothing is written: no log lines and no metrics.
 */
export interface LambdaObservabilityOptions {
  /** The `service` of every log line and metric, e.g. `portal-api`. */
  service: string;
  logLevel: Config['logLevel'];
  /** SDK clients whose calls become X-Ray subsegments (the DynamoDB document client). */
  traced?: readonly object[];
}

export interface LambdaObservability {
  /** The portal's logger interface on Powertools Logger; `request()` records the API's metrics. */
  readonly logger: Logger;
  /**
   * Adds a count to this invocation's metrics (written when it ends), with `dimensions` besides
   * `service`, and again with `service` alone.
   */
  count(name: string, value: number, dimensions?: Record<string, string>): void;
  /**
   * Wraps a handler: each invocation's log lines carry its ids, its metrics are written when it
   * ends (thrown or not), it is traced, and an error it throws is logged before it is rethrown.
   */
  handler<A extends unknown[], R>(run: (...args: A) => Promise<R>): (...args: A) => Promise<R>;
}

/**
 * Whether this process is a Lambda function with tracing wanted. These are the Lambda runtime's own
 * variables (set by AWS, not the portal's configuration, which config.ts parses), read here once per
 * cold start.
 */
function tracingWanted(): boolean {
  return Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME) && process.env.POWERTOOLS_TRACE_ENABLED !== 'false';
}

export function lambdaObservability({ service, logLevel, traced = [] }: LambdaObservabilityOptions): LambdaObservability {
  const powertools = new PowertoolsLogger({ serviceName: service, logLevel: logLevel.toUpperCase() as Uppercase<typeof logLevel> });
  const metrics = logLevel === 'silent' ? undefined : new Metrics({ namespace: METRICS_NAMESPACE, serviceName: service });
  const wantTracing = tracingWanted();
  let tracing: Promise<Tracing | undefined> | undefined;

  const count = (name: string, value: number, dimensions: Record<string, string> = {}) => {
    if (!metrics) return;
    const entries = Object.entries(dimensions);
    if (entries.length) {
      for (const [k, v] of entries) metrics.addDimension(k, v);
      // A second dimension set with `service` alone: totals across routes or jobs (an empty set
      // adds only the default dimension, so no key is defined twice).
      metrics.addDimensions({});
    }
    metrics.addMetric(name, MetricUnit.Count, value);
  };

  const logger: Logger = {
    debug: (msg, fields) => powertools.debug(msg, fields ?? {}),
    info: (msg, fields) => powertools.info(msg, fields ?? {}),
    warn: (msg, fields) => powertools.warn(msg, fields ?? {}),
    error: (msg, fields) => powertools.error(msg, fields ?? {}),
    request: (r: RequestRecord) => {
      if (!metrics) return;
      // One metric per request: each route and outcome pair is a custom metric CloudWatch charges
      // for by the hour it is sent, so the count (SampleCount) and the 5xx count (outcome=5xx) are
      // read from the latency rather than sent as metrics of their own.
      metrics.addDimension('route', r.route);
      metrics.addDimension('outcome', r.outcome);
      metrics.addDimensions({});
      metrics.addMetric(API_METRICS.latency, MetricUnit.Milliseconds, r.ms);
    },
  };

  const startTracing = () =>
    import('./tracing.js').then(
      (m) => m.startTracing(service, traced),
      (err: unknown) => {
        logger.error('tracing unavailable', { error: err instanceof Error ? err.message : String(err) });
        return undefined;
      },
    );

  return {
    logger,
    count,
    handler(run) {
      return async (...args) => {
        const [event, context] = args as unknown as [{ requestContext?: { requestId?: unknown } } | undefined, Partial<Context> | undefined];
        if (wantTracing) tracing ??= startTracing();
        const tracer = await tracing;
        if (context?.awsRequestId) powertools.addContext(context as Context);
        const apiRequestId = event?.requestContext?.requestId;
        if (typeof apiRequestId === 'string') powertools.setCorrelationId(apiRequestId);
        metrics?.captureColdStartMetric(context?.functionName);
        try {
          return await (tracer ? tracer.invocation(() => run(...args)) : run(...args));
        } catch (err) {
          logger.error('invocation failed', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
          throw err;
        } finally {
          if (metrics?.hasStoredMetrics()) metrics.publishStoredMetrics();
          powertools.resetKeys();
        }
      };
    },
  };
}
