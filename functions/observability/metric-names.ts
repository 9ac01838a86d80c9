/**
 * The names of the portal's CloudWatch metrics (Embedded Metric Format, written by
 * functions/observability/lambda.ts), in one module without side effects so that the CDK app can
 * build alarms from the same names. Every metric also has the dimension `service` (below), and each
 * is published twice: with all its dimensions, and with `service` alone (the total).
 */
export const METRICS_NAMESPACE = 'PartnershipReformPortal';

/** The `service` dimension (and log field) of each function. */
export const SERVICES = {
  api: 'portal-api',
  reminders: 'portal-reminders',
  sesEvents: 'portal-ses-events',
} as const;

/**
 * The API's metric, one record per request, with dimensions `route` (method and path pattern, e.g.
 * `GET /api/p/:partnershipId/returns`, or `unmatched`) and `outcome` (`2xx`, `3xx`, `4xx`, `5xx`):
 * milliseconds spent in the app. Its SampleCount is the number of requests (with `outcome=5xx`, the
 * server errors): one metric rather than three keeps CloudWatch's per-metric charge down.
 */
export const API_METRICS = {
  latency: 'Latency',
} as const;

/**
 * The mail jobs' metric, one record per run, with dimension `job` (`reminders`, the daily run, or
 * `outbox`, each minute): how many partnerships the run failed in (1 when it failed before reaching
 * them, e.g. the database was unreachable), 0 for a run that went well.
 */
export const REMINDER_JOB_FAILURES = 'ReminderJobFailures';
