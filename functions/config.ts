import { z } from 'zod';
import type { MailConfig } from './mail/mailer.js';

/**
 * Configuration, parsed once from the environment. Nothing else in the code reads `process.env`.
 * Local defaults apply only in `local` mode; in `aws` mode a missing setting stops start-up with a
 * message naming it.
 */
const Env = z.object({
  PORTAL_MODE: z.enum(['local', 'aws']).default('local'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Address the local server listens on: loopback unless you mean to share it (e.g. 0.0.0.0 in a container). */
  HOST: z
    .union([z.ipv4(), z.ipv6(), z.literal('localhost')], { error: 'use an IP address: 127.0.0.1 (this machine only, the default) or 0.0.0.0 (every interface)' })
    .default('127.0.0.1'),
  PARTNERSHIP_ID: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default('mscp'),
  TABLE_NAME: z.string().min(1).optional(),
  AUDIT_TABLE_NAME: z.string().min(1).optional(),
  DYNAMODB_ENDPOINT: z.string().url().optional(),
  AWS_REGION: z.string().default('eu-west-2'),
  COGNITO_USER_POOL_ID: z.string().optional(),
  COGNITO_CLIENT_ID: z.string().optional(),
  COGNITO_DOMAIN: z.string().optional(),
  DOCUMENTS_BUCKET: z.string().optional(),
  WEB_ORIGIN: z.string().optional(),
  DEMO_PASSWORD: z.string().min(8).default('demo-password'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  DATA_DIR: z.string().default('.data'),
  /** Deadline for one DynamoDB call, retries included: past it the API answers 503 (< 5 s in all). */
  DYNAMODB_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
  /** Connections to DynamoDB kept open and shared (each request makes a handful of calls at once). */
  DYNAMODB_MAX_SOCKETS: z.coerce.number().int().min(1).max(1000).default(64),
  /** The bounded queue in front of the API (functions/http/admission.ts): requests at once, waiting at most, and for how long. */
  MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(1000).default(8),
  /**
   * How long after a change a tracker worked out may still miss it (DynamoDB's indexes are updated
   * shortly after a write, not with it): within it, the tracker is worked out afresh and not stored.
   * 3000 in AWS; 0 locally (DynamoDB Local updates its indexes with the write).
   */
  TRACKER_SETTLE_MS: z.coerce.number().int().min(0).max(60000).optional(),
  MAX_QUEUED: z.coerce.number().int().min(0).max(100000).default(2000),
  MAX_QUEUE_WAIT_MS: z.coerce.number().int().min(1).max(60000).default(5000),
  /** The portal's address as people reach it, for links in email (default: this local server). */
  PORTAL_URL: z.string().url().optional(),
  /** Who portal email comes from (an address SES has verified, in AWS). */
  MAIL_FROM: z.string().min(3).max(320).default('Partnership Reform Portal <no-reply@portal.localhost>'),
  /** aws-ses-v2-local's address (npm start sets it); unset in AWS. */
  SES_ENDPOINT: z.string().url().optional(),
  /** Deadline for sending one email, retries included. */
  MAIL_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  /** SES configuration set that publishes bounces and complaints (AWS). */
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** "true" only when one reverse proxy in front of the local server sets X-Forwarded-For. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** AWS: the header CloudFront adds to every API request and its secret value (set by the CDK stack). */
  ORIGIN_VERIFY_HEADER: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  ORIGIN_VERIFY_SECRET: z.string().min(32).optional(),
  /**
   * Whether leads, signatories and administrators must sign in with an authenticator app:
   * `required-for-roles` (the default in AWS) or `optional` (the default locally, so the demo's
   * accounts sign in with a password alone; anyone may still turn it on).
   */
  SECOND_FACTOR: z.enum(['required-for-roles', 'optional'], { error: 'use required-for-roles or optional' }).optional(),
});

export interface Config {
  mode: 'local' | 'aws';
  port: number;
  /** The local server's listen address (HOST). DynamoDB Local always listens on 127.0.0.1. */
  host: string;
  partnershipId: string;
  tables: { main: string; audit: string };
  dynamodb: { endpoint?: string; region: string; timeoutMs: number; maxSockets?: number };
  /** The bounded queue in front of the API. */
  admission: { maxInFlight: number; maxQueued: number; maxWaitMs: number };
  /** How long after a change a tracker worked out may still miss it (see TRACKER_SETTLE_MS). */
  trackerSettleMs: number;
  mail: MailConfig;
  /** The portal's address for links in email, without a trailing slash. */
  portalUrl: string;
  auth:
    | { mode: 'local'; issuer: string; audience: string; demoPassword: string; tokenTtlSeconds: number }
    | { mode: 'cognito'; issuer: string; audience: string; userPoolId: string; clientId: string; domain?: string; region: string };
  /** Origins allowed by CORS. Empty when the SPA is served from the same origin as the API. */
  corsOrigins: string[];
  bodyLimitBytes: number;
  dataDir: string;
  documentsBucket?: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /**
   * Whether the local server sits behind one trusted reverse proxy, so the client address for
   * sign-in throttling comes from X-Forwarded-For (the hop that proxy added). Off by default: the
   * header is set by the client and would let anyone pick a fresh address per attempt.
   */
  trustProxy: boolean;
  /**
   * AWS: requests must carry this header with this value, which only CloudFront adds, so the API
   * cannot be reached around CloudFront (and its WAF) at its execute-api address.
   */
  originVerify?: { header: string; secret: string };
  /** Two-step sign-in (TOTP): required for the roles that sign off or administer, or optional for everyone. */
  secondFactor: 'required-for-roles' | 'optional';
}

export class ConfigError extends Error {}

/** Parses the environment into a Config, or throws a ConfigError that says what to set. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const missing: string[] = [];
  const need = (name: keyof typeof e): string => {
    const v = e[name];
    if (typeof v !== 'string' || v === '') {
      missing.push(name);
      return '';
    }
    return v;
  };

  let auth: Config['auth'];
  let tables: Config['tables'];
  if (e.PORTAL_MODE === 'aws') {
    const userPoolId = need('COGNITO_USER_POOL_ID');
    const clientId = need('COGNITO_CLIENT_ID');
    tables = { main: need('TABLE_NAME'), audit: need('AUDIT_TABLE_NAME') };
    auth = {
      mode: 'cognito',
      userPoolId,
      clientId,
      region: e.AWS_REGION,
      issuer: `https://cognito-idp.${e.AWS_REGION}.amazonaws.com/${userPoolId}`,
      audience: clientId,
      ...(e.COGNITO_DOMAIN ? { domain: e.COGNITO_DOMAIN } : {}),
    };
    if (missing.length) {
      throw new ConfigError(`Missing settings for aws mode: ${missing.join(', ')}. Set them in the Lambda environment (the CDK stack does this).`);
    }
  } else {
    tables = { main: e.TABLE_NAME ?? 'portal-main', audit: e.AUDIT_TABLE_NAME ?? 'portal-audit' };
    auth = {
      mode: 'local',
      issuer: `http://localhost:${e.PORT}/api/auth`,
      audience: 'portal-local',
      demoPassword: e.DEMO_PASSWORD,
      tokenTtlSeconds: 8 * 3600,
    };
  }
  return {
    mode: e.PORTAL_MODE,
    port: e.PORT,
    host: e.HOST,
    partnershipId: e.PARTNERSHIP_ID,
    tables,
    dynamodb: {
      region: e.AWS_REGION,
      timeoutMs: e.DYNAMODB_TIMEOUT_MS,
      maxSockets: e.DYNAMODB_MAX_SOCKETS,
      ...(e.DYNAMODB_ENDPOINT ? { endpoint: e.DYNAMODB_ENDPOINT } : {}),
    },
    portalUrl: (e.PORTAL_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    mail: {
      from: e.MAIL_FROM,
      region: e.AWS_REGION,
      timeoutMs: e.MAIL_TIMEOUT_MS,
      ...(e.SES_ENDPOINT ? { endpoint: e.SES_ENDPOINT } : {}),
      ...(e.SES_CONFIGURATION_SET ? { configurationSet: e.SES_CONFIGURATION_SET } : {}),
    },
    auth,
    corsOrigins: e.WEB_ORIGIN
      ? e.WEB_ORIGIN.split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    admission: { maxInFlight: e.MAX_IN_FLIGHT, maxQueued: e.MAX_QUEUED, maxWaitMs: e.MAX_QUEUE_WAIT_MS },
    trackerSettleMs: e.TRACKER_SETTLE_MS ?? (e.PORTAL_MODE === 'aws' ? 3000 : 0),
    dataDir: e.DATA_DIR,
    ...(e.DOCUMENTS_BUCKET ? { documentsBucket: e.DOCUMENTS_BUCKET } : {}),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
    ...(e.ORIGIN_VERIFY_HEADER && e.ORIGIN_VERIFY_SECRET ? { originVerify: { header: e.ORIGIN_VERIFY_HEADER, secret: e.ORIGIN_VERIFY_SECRET } } : {}),
    secondFactor: e.SECOND_FACTOR ?? (e.PORTAL_MODE === 'aws' ? 'required-for-roles' : 'optional'),
  };
}
