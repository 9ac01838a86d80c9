import { z } from 'zod';
import type { Role } from '../../shared/auth/roles.js';
import { Problem } from '../../shared/http/problem.js';
import { CONFIRM_PERSONAL_DATA_HEADER } from '../../shared/pii/policy.js';

/** What a route promises, written beside the route and turned into the OpenAPI document. */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path, e.g. `/api/returns/{periodId}/{agencyId}`. */
  path: string;
  summary: string;
  tag: string;
  /** Roles that may call it; omitted for public routes. */
  roles?: readonly Role[];
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  /** Extra statuses this route can answer besides the common ones. */
  statuses?: number[];
  /**
   * Versioned resources (declare the route with the `ifMatch()` middleware to match): `read` sends
   * an ETag; `write` requires If-Match (428 without, 412 stale); `upsert` is a PUT whose first save
   * creates the resource, so If-Match is required only once it exists (`ifMatch({ mayCreate: true })`).
   */
  etag?: 'read' | 'write' | 'upsert';
}

const docs: RouteDoc[] = [];

/** Registers a route's documentation (called at module load by each route file). */
export function describeRoute(doc: RouteDoc): void {
  if (!docs.some((d) => d.method === doc.method && d.path === doc.path)) docs.push(doc);
}

const STATUS_TEXT: Record<number, string> = {
  201: 'Created',
  204: 'No content',
  400: 'Bad input: the problem names each bad field',
  401: 'Not signed in, or the token is not valid',
  403: 'Your role or agency may not do this',
  404: 'Not found',
  409: 'Conflicts with the current state',
  412: 'Stale If-Match: someone else saved first',
  413: 'Body too large',
  415: 'Body is not JSON',
  422: 'A domain rule refuses the request, or the text holds personal data (refused, or to be confirmed with Confirm-Personal-Data)',
  428: 'If-Match header required',
  429: 'Too many attempts',
  503: 'Database not reachable',
};

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

/** Builds the OpenAPI 3.1 document for every registered route. */
export function openApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const problem = { content: { 'application/problem+json': { schema: schema(Problem) } } };
  for (const d of [...docs].sort((a, b) => a.path.localeCompare(b.path))) {
    const params: { name: string; in: string; required: boolean; description?: string; schema: { type: string } }[] = [...d.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1]!, in: 'path', required: true, schema: { type: 'string' } }));
    if (d.query) {
      const q = schema(d.query) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(q.properties ?? {})) params.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema: s as { type: string } });
    }
    if (d.etag === 'write' || d.etag === 'upsert') {
      params.push({
        name: 'If-Match',
        in: 'header',
        required: d.etag === 'write',
        description: d.etag === 'write' ? 'The ETag you last read. Without it: 428; stale: 412.' : 'The ETag you last read; leave it out only for the first save, while the resource does not exist yet (then 428 without it; 412 stale).',
        schema: { type: 'string' },
      });
    }
    // Every signed-in write with a body follows the personal-data rule (shared/pii/policy.ts).
    const freeText = !!d.body && !!d.roles;
    if (freeText) {
      params.push({
        name: CONFIRM_PERSONAL_DATA_HEADER,
        in: 'header',
        required: false,
        description: 'Send `true` to confirm that possible personal data (postcode, date of birth, email, phone, a name next to an age or family role) is not about a child or family. NHS and National Insurance numbers are refused whatever it says (422).',
        schema: { type: 'string' },
      });
    }
    const success = d.method === 'post' && d.statuses?.includes(201) ? 201 : 200;
    const responses: Record<string, unknown> = {
      [success]: {
        description: 'OK',
        ...(d.etag ? { headers: { ETag: { schema: { type: 'string' } } } } : {}),
        ...(d.response ? { content: { 'application/json': { schema: schema(d.response) } } } : {}),
      },
    };
    const statuses = new Set([400, 503, ...(d.roles ? [401, 403] : []), ...(d.body ? [413, 415] : []), ...(freeText ? [422] : []), ...(d.etag === 'write' || d.etag === 'upsert' ? [412, 428] : []), ...(d.statuses ?? [])]);
    statuses.delete(success);
    for (const s of [...statuses].sort()) responses[s] = { description: STATUS_TEXT[s] ?? 'Error', ...problem };
    paths[d.path] ??= {};
    paths[d.path]![d.method] = {
      summary: d.summary,
      tags: [d.tag],
      ...(d.roles ? { security: [{ bearer: [] }], description: `Roles: ${d.roles.join(', ')}.` } : { security: [] }),
      ...(params.length ? { parameters: params } : {}),
      ...(d.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(d.body) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Partnership Reform Portal API',
      version,
      description: 'Quarterly returns, threshold sign-off, Kinship Local Offer, readiness and the shared tracker. Errors are RFC 9457 problem details.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
