import type { OpenAPIHono } from '@hono/zod-openapi';
import { TAGS } from './route.js';

/**
 * The OpenAPI document, generated from the route declarations registered on the app (see
 * route.ts): there is no list of routes to keep beside them.
 */

/** The parts of an app the document is made from (any app: its env does not matter here). */
type DocumentedApp = Pick<OpenAPIHono, 'openAPIRegistry' | 'getOpenAPI31Document'>;

/** Adds what the document needs besides the routes; called once on the app that mounts them all. */
export function describeApi(app: DocumentedApp): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: "A Cognito ID token (in local mode, the token from POST /api/auth/login). The person's role and agency come from the server's own records on each request.",
  });
}

/** Builds the OpenAPI 3.1 document of every route declared on `app`. */
export function openApiDocument(app: DocumentedApp, version: string) {
  const doc = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Partnership Reform Portal API',
      version,
      description: [
        'Quarterly returns, threshold sign-off, the Kinship Local Offer, readiness and the shared tracker of a local safeguarding children partnership.',
        '',
        '- **Sign-in**: a bearer token; each operation lists the roles that may call it (`x-roles`). Object-level rules (your own agency, signatories) are checked on each request.',
        '- **Concurrency**: reads of versioned records send an `ETag`; writes to them need it back as `If-Match` (428 without it, 412 when someone else saved first).',
        '- **Personal data**: free text is checked. NHS and National Insurance numbers are refused (422); other possible personal data needs `Confirm-Personal-Data: true`.',
        '- **Errors**: every error is RFC 9457 problem details (`application/problem+json`); `errors` names each bad field.',
      ].join('\n'),
      license: { name: 'Open Government Licence v3.0', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/' },
    },
    servers: [{ url: '/', description: 'This portal (the API is served beside the web app)' }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    security: [{ bearerAuth: [] }],
  });
  return { ...doc, paths: doc.paths ?? {} };
}
