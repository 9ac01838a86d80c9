type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** One HTTP request as the request-logging middleware sees it once the response is ready. */
export interface RequestRecord {
  /** The matched route: method and path pattern (`GET /api/p/:partnershipId/returns`), or `unmatched`. Never the raw path. */
  route: string;
  /** The status class: `2xx`, `3xx`, `4xx` or `5xx`. */
  outcome: string;
  status: number;
  /** Time in the app, milliseconds. */
  ms: number;
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /**
   * Optional: told of each HTTP request after it is answered. The Lambda's logger turns it into
   * CloudWatch metrics (functions/observability/lambda.ts); locally there is nothing to do.
   */
  request?(record: RequestRecord): void;
}

/** One JSON line per event: what CloudWatch Logs Insights and local terminals both read well. */
export function createLogger(level: Level): Logger {
  const log =
    (l: Exclude<Level, 'silent'>) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[l] < ORDER[level]) return;
      const line = JSON.stringify({ level: l, time: new Date().toISOString(), msg, ...fields });
      (l === 'error' || l === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
