import { connect } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLocalKeys } from '../../functions/auth/tokens.js';
import { startServer } from '../../functions/local/server.js';
import { USERS } from '../support/api.js';
import { createSeededTables, DEMO_PASSWORD, testConfig } from '../support/tables.js';

interface Sent {
  status: number;
  contentType: string;
  body: { status?: number; title?: string; detail?: string };
  /** Bytes of the request body the client had written when the answer arrived. */
  sentBeforeAnswer: number;
  total: number;
  /** The whole body went out, every write accepted, before the connection closed. */
  sentAll: boolean;
  /** A socket error while sending the rest (the connection dropped under the client). */
  error?: string;
}

/**
 * Sends `total` bytes of body over a raw TCP socket (no HTTP client library that might close the
 * connection itself once it has an answer) the way a slow client would: the first `beforeAnswer`
 * bytes, then it waits for the answer and reads all of it, then sends the rest in 64 KB pieces with
 * pauses. The answer must be readable, and sending the rest must not fail.
 */
function sendLargeBody(opts: {
  port: number;
  path: string;
  headers: Record<string, string>;
  total: number;
  beforeAnswer: number;
  chunked: boolean;
  prefix: string;
  suffix: string;
}): Promise<Sent> {
  const filler = opts.total - opts.prefix.length - opts.suffix.length;
  const body = Buffer.concat([Buffer.from(opts.prefix), Buffer.alloc(filler, 'a'), Buffer.from(opts.suffix)]);
  const head = [
    `POST ${opts.path} HTTP/1.1`,
    `Host: 127.0.0.1:${opts.port}`,
    ...Object.entries(opts.headers).map(([k, v]) => `${k}: ${v}`),
    opts.chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${body.length}`,
    '',
    '',
  ].join('\r\n');
  return new Promise((done, fail) => {
    const socket = connect(opts.port, '127.0.0.1');
    let error: string | undefined;
    let answered: Omit<Sent, 'error' | 'sentAll'> | undefined;
    let written = 0;
    let sentAll = false;
    let received = Buffer.alloc(0);
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error = e.code ?? e.message;
      if (!answered) fail(new Error(`the connection dropped before the answer could be read: ${error} after ${written} bytes`));
    });
    socket.on('close', () => (answered ? done({ ...answered, sentAll, ...(error ? { error } : {}) }) : fail(new Error(`closed without an answer after ${written} bytes`))));
    const piece = (bytes: Buffer) => (opts.chunked ? Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]) : bytes);
    const writeUpTo = (end: number, pauseMs: number, then: () => void) => {
      if (written >= end || socket.destroyed) return then();
      const next = Math.min(end, written + 64 * 1024);
      const bytes = body.subarray(written, next);
      written = next;
      socket.write(piece(bytes), (err) => {
        if (err) return;
        if (pauseMs) setTimeout(() => writeUpTo(end, pauseMs, then), pauseMs);
        else setImmediate(() => writeUpTo(end, pauseMs, then));
      });
    };
    socket.on('data', (d: Buffer) => {
      if (answered) return;
      received = Buffer.concat([received, d]);
      const split = received.indexOf('\r\n\r\n');
      if (split < 0) return;
      const lines = received.subarray(0, split).toString('latin1').split('\r\n');
      const headers = Object.fromEntries(lines.slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      const length = Number(headers['content-length'] ?? NaN);
      const text = received.subarray(split + 4);
      if (!(text.length >= length)) return;
      answered = {
        status: Number(lines[0]!.split(' ')[1]),
        contentType: headers['content-type'] ?? '',
        body: JSON.parse(text.subarray(0, length).toString('utf8')) as Sent['body'],
        sentBeforeAnswer: written,
        total: body.length,
      };
      // The client is still sending: the rest goes slowly, as from a slow connection.
      writeUpTo(body.length, 20, () => {
        if (socket.destroyed) return;
        socket.write(opts.chunked ? '0\r\n\r\n' : '', (err) => {
          if (!err) sentAll = written === body.length;
          socket.end();
        });
      });
    });
    socket.write(head, () => writeUpTo(opts.beforeAnswer, 0, () => undefined));
  });
}

describe('when a request body is over the limit', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let drop: () => Promise<unknown>;
  let token = '';
  let leadToken = '';
  let configEtag = '';

  beforeAll(async () => {
    const tables = await createSeededTables(testConfig());
    drop = tables.drop;
    server = await startServer({ config: tables.config, doc: tables.doc, keys: await generateLocalKeys(), webDist: resolve('web/dist'), port: 0 });
    const signIn = async (email: string) => {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { token: string }).token;
    };
    token = await signIn(USERS.health);
    leadToken = await signIn(USERS.lead);
    const cfg = await fetch(`http://127.0.0.1:${server.port}/api/p/mscp/threshold-config`, { headers: { Authorization: `Bearer ${leadToken}` } });
    configEtag = cfg.headers.get('etag') ?? '';
    expect(configEtag).not.toBe('');
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  const json = { prefix: '{"title":"', suffix: '"}' };
  const threeMb = 3 * 1024 * 1024;

  it('when a 3 MB JSON body with a Content-Length is still being sent, the client reads a 413 problem+json and can finish sending', async () => {
    const sent = await sendLargeBody({
      port: server.port,
      path: '/api/p/mscp/kinship-offer/items',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      total: threeMb,
      beforeAnswer: 64 * 1024,
      chunked: false,
      ...json,
    });
    expect(sent.status).toBe(413);
    expect(sent.contentType).toContain('application/problem+json');
    expect(sent.body).toMatchObject({ status: 413, title: 'The request body is too large' });
    expect(sent.sentBeforeAnswer).toBeLessThan(sent.total);
    expect(sent.error).toBeUndefined();
    expect(sent.sentAll).toBe(true);
  });

  it('when a 3 MB JSON body without a length (chunked) is still being sent, the client reads a 413 problem+json and can finish sending', async () => {
    const sent = await sendLargeBody({
      port: server.port,
      path: '/api/p/mscp/kinship-offer/items',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      total: threeMb,
      beforeAnswer: 1088 * 1024,
      chunked: true,
      ...json,
    });
    expect(sent.status).toBe(413);
    expect(sent.contentType).toContain('application/problem+json');
    expect(sent.body).toMatchObject({ status: 413, title: 'The request body is too large' });
    expect(sent.sentBeforeAnswer).toBeLessThan(sent.total);
    expect(sent.error).toBeUndefined();
    expect(sent.sentAll).toBe(true);
  });

  it('when an upload is over its own larger limit and still being sent, the client reads a 413 problem+json and can finish sending', async () => {
    const boundary = 'portal-test-boundary';
    const sent = await sendLargeBody({
      port: server.port,
      path: '/api/p/mscp/threshold-documents/upload',
      headers: { Authorization: `Bearer ${leadToken}`, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'If-Match': configEtag },
      total: 7 * 1024 * 1024,
      beforeAnswer: 4608 * 1024,
      chunked: true,
      prefix: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-`,
      suffix: `\r\n--${boundary}--\r\n`,
    });
    expect(sent.status).toBe(413);
    expect(sent.contentType).toContain('application/problem+json');
    expect(sent.body).toMatchObject({ status: 413 });
    expect(sent.sentBeforeAnswer).toBeLessThan(sent.total);
    expect(sent.error).toBeUndefined();
    expect(sent.sentAll).toBe(true);
  });

  it('when the sender is not signed in, the 401 is readable while a large body is still being sent', async () => {
    const sent = await sendLargeBody({
      port: server.port,
      path: '/api/p/mscp/threshold-documents/upload',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
      total: threeMb,
      beforeAnswer: 64 * 1024,
      chunked: false,
      prefix: '--x\r\n',
      suffix: '\r\n--x--\r\n',
    });
    expect(sent.status).toBe(401);
    expect(sent.contentType).toContain('application/problem+json');
    expect(sent.error).toBeUndefined();
    expect(sent.sentAll).toBe(true);
  });
});
