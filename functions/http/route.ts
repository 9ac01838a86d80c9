import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Role } from '../../shared/auth/roles.js';
import { Problem } from '../../shared/http/problem.js';
import { Slug } from '../../shared/partnership/schema.js';
import { CONFIRM_PERSONAL_DATA_HEADER, type PersonalDataPolicy } from '../../shared/pii/policy.js';
import type { AppEnv } from './app-env.js';
import { requireRole } from './auth-middleware.js';
import { ifMatch, type IfMatchEnv } from './etag.js';
import { NotFound, ValidationFailed } from '../domain/errors.js';
import { fieldErrors } from './problem.js';
import { guardPersonalData, readJson, readQuery } from './validate.js';

/**
 * One declaration per route: path, method, roles, request and every response. The OpenAPI
 * document, the role check, the If-Match check and the request reading are all derived from it,
 * so a route cannot document one thing and do another.
 */

/** The document's tags, in the order the reference page shows them. */
export const TAGS = {
  System: 'Health, configuration and this description of the API.',
  Auth: 'Signing in (local mode) and the signed-in user.',
  Partnership: 'The partnership, its agencies and workstreams.',
  Programme: 'Workstreams, milestones and reporting periods, run by the programme lead.',
  Returns: "Agencies' quarterly returns: draft, submit, review.",
  Threshold: 'Threshold document versions and their sign-off by the statutory partners.',
  'Kinship offer': 'The Kinship Local Offer register, its review and publication.',
  Readiness: "Readiness criteria and each agency's self-assessment, confirmed by the lead.",
  Measures: 'Outcome indicators per workstream, with targets, the values agencies report in their returns, and their trends.',
  Tracker: 'The shared tracker: delivery confidence, returns, readiness, risks and milestones for a period.',
  Exports: 'The tracker as CSV files and an Excel workbook.',
  Reports: 'The yearly partnership report: drafted from the records, edited by the lead, exported as a Word document.',
  Audit: 'The audit trail and the erasure of personal data that slipped through.',
  Reminders: 'Chasing an outstanding return or sign-off, and when each was last chased.',
  People: 'Inviting people, changing their role or agency, deactivating and reactivating them.',
  Public: 'What anyone can read without signing in.',
} as const;
export type Tag = keyof typeof TAGS;

export const ALL_ROLES = ['lead', 'executive', 'partner'] as const satisfies readonly Role[];

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 503;

const ERROR_TEXT: Record<ErrorStatus, string> = {
  400: 'The request is not valid: the problem names each bad field',
  401: 'Not signed in, or the token is not valid',
  403: 'Your role or agency may not do this',
  404: 'Not found',
  409: 'Conflicts with the current state',
  412: 'Stale If-Match: someone else saved first',
  413: 'The body is too large',
  415: 'The body is not JSON',
  422: 'A domain rule refuses the request, or the text holds personal data (refused, or to be confirmed with Confirm-Personal-Data)',
  428: 'If-Match header required',
  429: 'Too many attempts',
  503: 'The database is not reachable: try again after Retry-After seconds',
};

/** RFC 9457 problem details: every error answer. */
export const ProblemSchema = Problem.meta({ id: 'Problem' });
const problem = (status: ErrorStatus) => ({
  description: ERROR_TEXT[status],
  content: { 'application/problem+json': { schema: ProblemSchema } },
  ...(status === 503 || status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'string' as const } } } } : {}),
});

// ---------------------------------------------------------------------------------------------
// Request parts

/** A path parameter and what it names, for the 404 a malformed one gets ("There is no agency x."). */
export interface PathParam<S extends z.ZodType<string> = z.ZodType<string>> {
  schema: S;
  names: string;
}
export const pathParam = <S extends z.ZodType<string>>(schema: S, names: string): PathParam<S> => ({ schema, names });
/** The partnership a partnership's route belongs to: the first segment after /api/p/. */
const PARTNERSHIP_PARAM = pathParam(Slug, 'partnership');

/** A JSON body, read by the portal's own reader (415, 400 per field, the personal-data rule). */
export interface JsonBody<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** An empty body counts as `{}`. */
  optional?: boolean;
  /**
   * The personal-data rule for this body; `false` only for bodies about people by design (with a
   * reason); `onlyFields` when some fields hold such data by design and the others are checked.
   */
  personalData?: PersonalDataPolicy | false | { onlyFields: readonly string[] };
}

/** A non-JSON body (an upload, a mail client's one-click unsubscribe), documented here and read by the handler itself. */
export interface FormBody {
  mediaType: 'multipart/form-data' | 'application/x-www-form-urlencoded';
  /** Plain JSON Schema, so the library adds no validator of its own: the handler reads the form. */
  schema: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Success responses

type HeaderDoc = {
  description: string;
  schema: { type: 'string' };
};
const ETAG: HeaderDoc = { description: 'The version as a strong validator: send it back as If-Match', schema: { type: 'string' } };
const LOCATION: HeaderDoc = { description: 'Where the new resource is', schema: { type: 'string' } };

export type JsonResponse<S extends z.ZodType> = {
  description: string;
  content: { 'application/json': { schema: S } };
  headers?: Record<string, HeaderDoc>;
};

/** A JSON success body; `etag` and `location` document the headers it sets. */
export function json<S extends z.ZodType>(schema: S, description: string, headers: { etag?: boolean; location?: boolean } = {}): JsonResponse<S> {
  const h: Record<string, HeaderDoc> = { ...(headers.etag ? { ETag: ETAG } : {}), ...(headers.location ? { Location: LOCATION } : {}) };
  return { description, content: { 'application/json': { schema } }, ...(Object.keys(h).length ? { headers: h } : {}) };
}

/** A success body that is a file (CSV, workbook, PDF): described, never JSON. */
export function file<M extends string>(mediaType: M, description: string, headers: Record<string, HeaderDoc> = {}) {
  return {
    description,
    content: { [mediaType]: { schema: mediaType.startsWith('text/') ? z.string() : z.string().meta({ format: 'binary' }) } } as Record<M, { schema: z.ZodString }>,
    headers: { 'Content-Disposition': { description: 'The file name', schema: { type: 'string' as const } }, ...headers },
  };
}

// ---------------------------------------------------------------------------------------------
// The declaration

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type SuccessStatus = 200 | 201;
type Params = Record<string, PathParam>;

type IfMatchMode = 'required' | 'until-created';

export interface Declaration<
  M extends Method,
  P extends string,
  IM extends IfMatchMode | undefined,
  PP extends Params | undefined,
  Q extends z.ZodObject | undefined,
  B extends JsonBody | undefined,
  S extends SuccessStatus,
  R,
  PR extends Problems,
> {
  method: M;
  /**
   * OpenAPI path. A partnership's route is written from within the partnership, e.g.
   * `/returns/{periodId}/{agencyId}` (served at `/api/p/{partnershipId}/returns/...`); a route of the
   * whole service begins with `/api/` (`/api/auth/login`).
   */
  path: P;
  /** Stable and unique: clients generated from the document name their functions after it. */
  operationId: string;
  summary: string;
  description?: string;
  tag: Tag;
  /** Roles that may call it; leave out for a public route (mounted before sign-in is checked). */
  roles?: readonly Role[];
  /**
   * Versioned writes: `required` answers 428 without If-Match and 412 when stale; `until-created`
   * is for PUTs whose first save creates the resource (If-Match needed once it exists).
   */
  ifMatch?: IM;
  params?: PP;
  query?: Q;
  body?: B;
  form?: FormBody;
  /** The success status; 200 unless it creates something. */
  status?: S;
  response: R;
  /** Statuses for domain outcomes (not found, conflicts, refusals); the rest follow from the declaration. */
  errors?: readonly ErrorStatus[];
  /** Middleware that runs after the role and If-Match checks and before the request is read (e.g. an upload's own body limit). */
  middleware?: readonly MiddlewareHandler<AppEnv>[];
  /** False for routes that never touch the database (no 503). */
  database?: boolean;
  /** Error answers documented with more than the problem, which the handler returns itself (e.g. a health check's failed checks). */
  problems?: PR;
}

type Problems = Partial<Record<ErrorStatus, { description: string; schema: z.ZodType }>>;
type ProblemsOf<PR> = { [K in keyof PR]: PR[K] extends { schema: infer Z } ? { description: string; content: { 'application/problem+json': { schema: Z } } } : never };

type ParamsObject<PP> = PP extends Params ? z.ZodObject<{ [K in keyof PP]: PP[K]['schema'] }> : never;
/** Nothing: the identity of an intersection. */
type Empty = Record<never, never>;
type RequestOf<PP, Q, B> = (PP extends Params ? { params: ParamsObject<PP> } : Empty) &
  (Q extends z.ZodObject ? { query: Q } : Empty) &
  (B extends JsonBody<infer BS> ? { body: { content: { 'application/json': { schema: BS } }; required: boolean } } : Empty);

/** What the handler's context holds: the If-Match version once the declaration asks for it. */
type EnvFor<IM> = IM extends 'required' ? AppEnv & IfMatchEnv<number> : IM extends 'until-created' ? AppEnv & IfMatchEnv<number | null> : AppEnv;

/**
 * What `declareRoute` returns: the `createRoute` config, typed with the request and responses it
 * declares, so handlers (`c.req.valid`, `c.json`) and a typed client follow the declaration.
 */
export type DeclaredRoute<M extends Method, P extends string, IM, PP, Q, B, S extends SuccessStatus, R, PR = Empty> = {
  method: M;
  path: P;
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  request: RequestOf<PP, Q, B>;
  // Error answers are in the document but not in the type (handlers throw them), except those a handler returns itself.
  responses: { [K in S]: R } & ProblemsOf<PR>;
  // One element as far as types go: the env that all the middleware together gives the handler.
  middleware: [MiddlewareHandler<EnvFor<IM>>];
  getRoutingPath(): string;
};

/**
 * Turns a declaration into a `createRoute` config with everything that follows from it:
 * - middleware: the role check (`requireRole`, from `roles`), the If-Match check (`ifMatch`, from
 *   `ifMatch`), then the portal's own reading of params (malformed -> 404), query (-> 400) and body
 *   (415, 400 per field, the personal-data rule), handed to the handler as `c.req.valid(...)`;
 * - the document: security and `x-roles`, the If-Match and Confirm-Personal-Data headers, and a
 *   problem+json response for every error status the route can answer.
 */
export function declareRoute<
  M extends Method,
  P extends string,
  IM extends IfMatchMode | undefined = undefined,
  PP extends Params | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends JsonBody | undefined = undefined,
  S extends SuccessStatus = 200,
  R = unknown,
  PR extends Problems = Empty,
>(d: Declaration<M, P, IM, PP, Q, B, S, R, PR>): DeclaredRoute<M, P, IM, PP, Q, B, S, R, PR> {
  const signedIn = !!d.roles;
  // A path without the /api/ prefix is a partnership's: mounted under /api/p/{partnershipId} (or
  // /api/public/p/{partnershipId}), so the partnership is one of its path parameters.
  const params: Params | undefined = d.path.startsWith('/api/') ? (d.params as Params | undefined) : { partnershipId: PARTNERSHIP_PARAM, ...(d.params as Params | undefined) };
  const body = d.body as JsonBody | undefined;
  // Signed-in writes with a body follow the personal-data rule (shared/pii/policy.ts).
  const freeText = signedIn && ((!!body && body.personalData !== false) || !!d.form);
  const readsBody = !!body || !!d.form || d.method !== 'get';
  const statuses = new Set<ErrorStatus>([
    ...(d.database === false ? [] : [503 as const]),
    ...(signedIn ? [401 as const, 403 as const] : []),
    ...(params ? [404 as const] : []),
    // Writes without a declared body still read one: nothing, or `{}` (see readRequest).
    ...(d.query || readsBody ? [400 as const] : []),
    ...(readsBody ? [413 as const, 415 as const] : []),
    ...(freeText ? [422 as const] : []),
    ...(d.ifMatch ? [412 as const, 428 as const] : []),
    ...(d.errors ?? []),
  ]);
  const success = (d.status ?? 200) as SuccessStatus;
  const responses: Record<number, unknown> = { [success]: d.response };
  for (const s of [...statuses].sort((a, b) => a - b)) {
    const own = (d.problems as Problems | undefined)?.[s];
    responses[s] = own ? { ...problem(s), description: own.description, content: { 'application/problem+json': { schema: own.schema } } } : problem(s);
  }

  const headers: object[] = [];
  if (d.ifMatch) {
    headers.push({
      name: 'If-Match',
      in: 'header',
      required: d.ifMatch === 'required',
      description:
        d.ifMatch === 'required'
          ? 'The ETag you last read. Without it: 428; stale: 412.'
          : 'The ETag you last read; leave it out only for the first save, while the resource does not exist yet (then 428 without it; 412 stale).',
      schema: { type: 'string' },
    });
  }
  if (freeText) {
    headers.push({
      name: CONFIRM_PERSONAL_DATA_HEADER,
      in: 'header',
      required: false,
      description:
        'Send `true` to confirm that possible personal data (postcode, date of birth, email, phone, a name next to an age or family role) is not about a child or family. NHS and National Insurance numbers are refused whatever it says (422).',
      schema: { type: 'string', enum: ['true'] },
    });
  }

  const request: Record<string, unknown> = {};
  if (params) request.params = z.object(Object.fromEntries(Object.entries(params).map(([k, p]) => [k, p.schema.describe(`The ${p.names}'s id`)])));
  if (d.query) request.query = d.query;
  if (body) request.body = { required: !body.optional, content: { 'application/json': { schema: body.schema } } };
  if (d.form) request.body = { required: true, content: { [d.form.mediaType]: { schema: d.form.schema } } };

  const middleware: MiddlewareHandler<AppEnv>[] = [
    ...(d.roles ? [requireRole(...d.roles)] : []),
    ...(d.ifMatch ? [d.ifMatch === 'required' ? ifMatch() : ifMatch({ mayCreate: true })] : []),
    ...(d.middleware ?? []),
    readRequest(params, d.query, body, !readsBody || !!d.form),
  ] as MiddlewareHandler<AppEnv>[];

  const description = [d.description, d.roles ? `Roles: ${d.roles.join(', ')}.` : 'Public: no sign-in.'].filter(Boolean).join('\n\n');
  return createRoute({
    method: d.method,
    path: d.path,
    operationId: d.operationId,
    summary: d.summary,
    description,
    tags: [d.tag],
    security: signedIn ? [{ bearerAuth: [] }] : [],
    'x-roles': d.roles ? [...d.roles] : [],
    ...(headers.length ? { parameters: headers } : {}),
    request,
    responses,
    middleware,
  } as never) as DeclaredRoute<M, P, IM, PP, Q, B, S, R, PR>;
}

/**
 * The lead's action on a versioned record that changes its state and takes no body (retire,
 * restore): POST, If-Match required, 409 when the record's state refuses it.
 */
export function leadAction<P extends string, PP extends Params, R>(d: { path: P; operationId: string; summary: string; description?: string; tag: Tag; params: PP; response: R }) {
  return declareRoute({
    method: 'post',
    path: d.path,
    operationId: d.operationId,
    summary: d.summary,
    ...(d.description ? { description: d.description } : {}),
    tag: d.tag,
    roles: ['lead'] as const,
    ifMatch: 'required',
    params: d.params,
    response: d.response,
    errors: [409],
  });
}

/**
 * Reads the request as the declaration says, before the handler runs, with the portal's error
 * shapes: a malformed path id names nothing (404), a bad query or body is 400 naming each field,
 * a body that is not JSON is 415, and free text follows the personal-data rule. What it read is
 * handed on as validated data (`c.req.valid('param' | 'query' | 'json')`).
 */
function readRequest(params: Params | undefined, query: z.ZodObject | undefined, body: JsonBody | undefined, noJsonBody: boolean): MiddlewareHandler<AppEnv> {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (params) {
      const out: Record<string, string> = {};
      for (const [name, p] of Object.entries(params)) {
        const value = c.req.param(name) ?? '';
        const parsed = p.schema.safeParse(value);
        if (!parsed.success) throw new NotFound(`There is no ${p.names} ${value.slice(0, 40)}.`);
        out[name] = parsed.data;
      }
      c.req.addValidatedData('param', out);
    }
    if (query) c.req.addValidatedData('query', readQuery(c, query));
    if (body) {
      const policy = body.personalData;
      const only = policy && 'onlyFields' in policy ? policy.onlyFields : null;
      const personalData = only ? false : (policy as PersonalDataPolicy | false | undefined);
      const data = await readJson(c, body.schema, { ...(body.optional ? { optional: true } : {}), ...(personalData !== undefined ? { personalData } : {}) });
      if (only) guardPersonalData(c, Object.fromEntries(only.map((k) => [k, (data as Record<string, unknown>)[k]])));
      c.req.addValidatedData('json', data as object);
      // An optional body sent empty with a JSON Content-Type means `{}`: say so to the library's own
      // check too, which would otherwise parse the empty text and fail (test/api/openapi.test.ts).
      if (body.optional && (await c.req.text()).trim() === '') Object.assign(c.req.bodyCache, { text: Promise.resolve('{}') });
    } else if (!noJsonBody) {
      // A write that takes no body accepts none, or `{}`, and nothing else.
      await readJson(c, NO_BODY, { optional: true });
    }
    await next();
  });
}
const NO_BODY = z.object({}).strict();

/**
 * The sub-app every aggregate's routes are registered on. Requests are read by the declarations'
 * middleware first; should the library's own check ever disagree, its failure is answered with
 * the same problem+json (never its default shape).
 */
export function apiRoutes() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      if (result.target === 'param') throw new NotFound();
      throw new ValidationFailed(fieldErrors(result.error, result.target === 'json' ? [] : [result.target]));
    },
  });
}
