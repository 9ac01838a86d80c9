import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { createApp } from '../app.js';
import type { LocalKeys } from '../auth/tokens.js';
import { LocalTokenIssuer } from '../auth/tokens.js';
import type { Config } from '../config.js';
import type { AppEnv } from '../http/app-env.js';
import type { Logger } from '../logger.js';

export interface StartServerOptions {
  config: Config;
  doc: DynamoDBDocumentClient;
  keys: LocalKeys;
  /** Folder of the built SPA (`web/dist`). */
  webDist: string;
  /** 0 picks a free port (tests). */
  port?: number;
  logger?: Logger;
  clock?: () => Date;
}

/** Registers the built SPA: hashed assets cached for a year, every other GET answered with index.html. */
export function mountSpa(webDist: string) {
  const root = relative(process.cwd(), resolve(webDist)) || '.';
  const indexFile = resolve(webDist, 'index.html');
  return (app: Hono<AppEnv>) => {
    app.use(
      '/assets/*',
      serveStatic({ root, onFound: (_p, c) => void c.header('Cache-Control', 'public, max-age=31536000, immutable') }),
    );
    app.get('/favicon.svg', serveStatic({ root }));
    app.get('*', async (c, next) => {
      if (c.req.path.startsWith('/api/')) return next();
      if (!existsSync(indexFile)) {
        return c.text('The web app is not built yet. Run `npm run build:web` (npm start does this for you).', 503);
      }
      c.header('Cache-Control', 'no-cache');
      return c.html(readFileSync(indexFile, 'utf8'));
    });
  };
}

/** Serves API and SPA with @hono/node-server. Local mode only: tokens come from the built-in sign-in. */
export async function startServer(opts: StartServerOptions): Promise<{ url: string; port: number; server: ServerType; close(): Promise<void> }> {
  if (opts.config.auth.mode !== 'local') throw new Error('The local server runs in local mode only.');
  const port = opts.port ?? opts.config.port;
  // The issuer names the port the server really listens on, so with port 0 it is set after listen.
  let app: ReturnType<typeof createApp> | undefined;
  const server = await new Promise<ServerType>((resolveServer) => {
    const s: ServerType = serve(
      { fetch: (req, env) => (app ? app.fetch(req, env) : new Response('The portal is starting. Try again in a moment.', { status: 503, headers: { 'Retry-After': '1' } })), port, hostname: '0.0.0.0' },
      () => resolveServer(s),
    );
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const auth = { ...opts.config.auth, issuer: `http://localhost:${actualPort}/api/auth` };
  const issuer = new LocalTokenIssuer(opts.keys, auth.issuer, auth.audience, auth.tokenTtlSeconds);
  const config: Config = { ...opts.config, port: actualPort, auth };
  app = createApp({
    config,
    doc: opts.doc,
    localIssuer: issuer,
    verifier: issuer.verifier(),
    mountWeb: mountSpa(opts.webDist),
    ...(opts.logger ? { logger: opts.logger } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  return {
    url: `http://localhost:${actualPort}`,
    port: actualPort,
    server,
    close: () => new Promise<void>((done) => {
      if ('closeAllConnections' in server) (server as { closeAllConnections(): void }).closeAllConnections();
      server.close(() => done());
    }),
  };
}
