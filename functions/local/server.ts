import { existsSync, readFileSync } from 'node:fs';
import { IncomingMessage, type ServerResponse } from 'node:http';
import { relative, resolve } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { serve, type Http2Bindings, type HttpBindings, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
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
  /** Listen address; default `config.host` (HOST, 127.0.0.1 unless set). */
  host?: string;
  logger?: Logger;
  clock?: () => Date;
}

/** Registers the built SPA: hashed assets cached for a year, every other GET answered with index.html. */
export function mountSpa(webDist: string) {
  const root = relative(process.cwd(), resolve(webDist)) || '.';
  const indexFile = resolve(webDist, 'index.html');
  return (app: Hono<AppEnv>) => {
    // Scripts and styles travel gzipped (about a quarter of their size): what a CDN does in AWS.
    app.use('/assets/*', compress());
    app.use('/assets/*', serveStatic({ root, onFound: (_p, c) => void c.header('Cache-Control', 'public, max-age=31536000, immutable') }));
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
export async function startServer(opts: StartServerOptions): Promise<{ url: string; port: number; host: string; server: ServerType; close(): Promise<void> }> {
  if (opts.config.auth.mode !== 'local') throw new Error('The local server runs in local mode only.');
  const port = opts.port ?? opts.config.port;
  const host = opts.host ?? opts.config.host;
  // The issuer names the port the server really listens on, so with port 0 it is set after listen.
  let app: ReturnType<typeof createApp> | undefined;
  const fetch = async (req: Request, env: HttpBindings | Http2Bindings) => {
    if (!app) return new Response('The portal is starting. Try again in a moment.', { status: 503, headers: { 'Retry-After': '1' } });
    const res = await app.fetch(req, env);
    if (env.incoming instanceof IncomingMessage) discardUnreadBodyAfterAnswer(env.incoming, env.outgoing as ServerResponse);
    return res;
  };
  const server = await new Promise<ServerType>((resolveServer, reject) => {
    // autoCleanupIncoming is off because its clean-up closes the connection 500 ms after an early
    // answer (and at once when part of the body was read), before a slow client reads the answer.
    const s: ServerType = serve({ fetch, port, hostname: host, autoCleanupIncoming: false }, () => resolveServer(s));
    s.once('error', reject);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${browserHost(host)}:${actualPort}`;
  const auth = { ...opts.config.auth, issuer: `${url}/api/auth` };
  const issuer = new LocalTokenIssuer(opts.keys, auth.issuer, auth.audience, auth.tokenTtlSeconds);
  const config: Config = { ...opts.config, port: actualPort, host, auth };
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
    url,
    port: actualPort,
    host: typeof address === 'object' && address ? address.address : host,
    server,
    close: () =>
      new Promise<void>((done) => {
        if ('closeAllConnections' in server) (server as { closeAllConnections(): void }).closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The address to show and to put in token issuers: localhost when listening on loopback or everywhere. */
function browserHost(host: string): string {
  if (['127.0.0.1', '::1', '0.0.0.0', '::', 'localhost'].includes(host)) return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** Stop discarding an unread request body after this much, or after this long without data. */
const MAX_DISCARD_BYTES = 64 * 1024 * 1024;
const DISCARD_IDLE_MS = 10_000;

/**
 * When the app answers before the client has finished sending its body (413 for a body over the
 * limit, 401 before an upload is read), keep reading the rest and throw it away, then let the
 * connection carry on. Closing instead would reset the connection while the client is still
 * sending, and the client would see "connection reset" without ever reading the answer.
 */
function discardUnreadBodyAfterAnswer(incoming: IncomingMessage, outgoing: ServerResponse): void {
  // Also when the body has all arrived but was left half read: a paused request holds the socket
  // paused too, and the next request on this keep-alive connection would never be read.
  if (incoming.readableEnded || incoming.destroyed) return;
  outgoing.once('finish', () => {
    if (incoming.readableEnded || incoming.destroyed) return;
    // The web-stream reader the app stopped using pauses the stream after each chunk; nobody will
    // read this body now, so its listener goes and the bytes flow straight to the bin.
    incoming.removeAllListeners('data');
    let bytes = 0;
    const giveUp = () => incoming.socket?.destroy();
    const idle = setTimeout(giveUp, DISCARD_IDLE_MS);
    idle.unref();
    incoming.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_DISCARD_BYTES) giveUp();
      else idle.refresh();
    });
    incoming.once('end', () => clearTimeout(idle));
    incoming.once('close', () => clearTimeout(idle));
    incoming.resume();
  });
}
