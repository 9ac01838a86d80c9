import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AppEnv } from './app-env.js';
import { NotFound } from '../domain/errors.js';

/**
 * The API reference for partners' IT teams at `/api/docs`: Swagger UI from the `swagger-ui-dist`
 * package, served by the portal itself. The page loads its script, its styles and its start-up
 * script from 'self' (the CSP allows nothing inline and nothing from elsewhere) and reads the
 * document generated from the route declarations at /api/openapi.json.
 */

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference - Partnership Reform Portal</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
<link rel="stylesheet" href="/api/docs/api-docs.css">
</head>
<body>
<main id="api-reference" aria-label="API reference"><p class="api-docs-loading">Loading the API reference...</p></main>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/api-docs.js"></script>
</body>
</html>
`;

/**
 * Start-up script: read-only (no "Try it out": calls need a token and would change real records),
 * no call to the public validator (the CSP allows no other origin, and the document is linted in
 * the tests).
 */
const INIT = `window.addEventListener('DOMContentLoaded', function () {
  window.SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#api-reference',
    deepLinking: true,
    validatorUrl: null,
    supportedSubmitMethods: [],
    defaultModelsExpandDepth: 0,
    docExpansion: 'list',
  });
});
`;

const STYLE = `body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.api-docs-loading { padding: 1rem 2rem; }
`;

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
/** Served from swagger-ui-dist; infra/bundle/bundle-lambda.mjs (RUNTIME_FILES) copies the same files into the Lambda asset. */
const FROM_PACKAGE = ['swagger-ui-bundle.js', 'swagger-ui.css'];
/** The folder beside the bundle's index.mjs that holds them in Lambda. */
const BUNDLED_FOLDER = 'swagger-ui';
let packageDir: string | null | undefined;

/**
 * The folder holding Swagger UI's files, looked up on the first request of the page (never at
 * start-up): in Lambda, `swagger-ui/` beside the bundle (this module's folder, or its parent when
 * esbuild put this module in `chunks/`), as there is no node_modules there; locally, the installed
 * swagger-ui-dist package. Null when neither is found.
 */
function swaggerUiDir(): string | null {
  if (packageDir === undefined) {
    const here = dirname(fileURLToPath(import.meta.url));
    const bundled = [join(here, BUNDLED_FOLDER), join(here, '..', BUNDLED_FOLDER)].find((dir) => FROM_PACKAGE.every((name) => existsSync(join(dir, name))));
    if (bundled) packageDir = bundled;
    else {
      try {
        packageDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
      } catch {
        packageDir = null;
      }
    }
  }
  return packageDir;
}

const cache = new Map<string, string>();
function asset(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    const dir = swaggerUiDir();
    if (!dir) throw new NotFound('The API reference page is not part of this deployment. Read the document at /api/openapi.json.');
    text = readFileSync(join(dir, name), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** `/api/docs` and its assets: public, like the document it shows. */
export function apiDocsRoutes() {
  const cached = { 'Cache-Control': 'public, max-age=3600' };
  return new Hono<AppEnv>()
    .get('/api/docs', (c) => {
      if (!swaggerUiDir()) throw new NotFound('The API reference page is not part of this deployment. Read the document at /api/openapi.json.');
      return c.html(PAGE, 200, { 'Cache-Control': 'no-cache' });
    })
    .get('/api/docs/api-docs.js', (c) => c.body(INIT, 200, { 'Content-Type': TYPES['.js']!, ...cached }))
    .get('/api/docs/api-docs.css', (c) => c.body(STYLE, 200, { 'Content-Type': TYPES['.css']!, ...cached }))
    .get('/api/docs/:file{(swagger-ui-bundle\\.js|swagger-ui\\.css)}', (c) => {
      const name = c.req.param('file');
      if (!FROM_PACKAGE.includes(name)) throw new NotFound();
      return c.body(asset(name), 200, { 'Content-Type': TYPES[name.slice(name.lastIndexOf('.'))]!, ...cached });
    });
}
