import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { PreconditionFailed, PreconditionRequired } from '../domain/errors.js';

/** The ETag of a versioned resource: its version number as a strong validator. */
export const etagFor = (version: number) => `"${version}"`;

/**
 * The version in an `If-Match` header, or null when there is none. A header that is not one of
 * our ETags (a list, `*`, which would skip the lost-update check, or garbage) is 412.
 */
export function parseIfMatch(header: string | undefined): number | null {
  if (header === undefined || header.trim() === '') return null;
  const m = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!m) throw new PreconditionFailed('The If-Match header does not match the current version. Reload and try again.');
  return Number(m[1]);
}

/** What {@link ifMatch} puts on the context: the version the client last read. */
export interface IfMatchEnv<V extends number | null = number> {
  Variables: { ifMatch: V };
}

/**
 * Declared on every route that changes a versioned resource, after the role check (so a caller
 * who may not write hears 403, not 428). It reads `If-Match` once and puts the version the client
 * last read on the context as `c.var.ifMatch`; the service hands it to the repository, whose write
 * is guarded by `version = :expected` (repositories/version-guard.ts), so a stale writer gets 412
 * and nothing is written. No header: 428.
 *
 * `{ mayCreate: true }` is only for PUTs whose first save creates the resource (a return, an
 * assessment, an overall confidence): there is no version to send before it exists, so the header
 * may be left out, and `c.var.ifMatch` is null. The service answers 428 when the resource already
 * exists (version-guard.ts `assertVersion`), so If-Match is optional only while it does not.
 */
export function ifMatch(): MiddlewareHandler<IfMatchEnv>;
export function ifMatch(opts: { mayCreate: true }): MiddlewareHandler<IfMatchEnv<number | null>>;
export function ifMatch(opts: { mayCreate?: boolean } = {}): MiddlewareHandler<IfMatchEnv> | MiddlewareHandler<IfMatchEnv<number | null>> {
  return createMiddleware<IfMatchEnv<number | null>>(async (c, next) => {
    const expected = parseIfMatch(c.req.header('if-match'));
    if (expected === null && !opts.mayCreate) throw new PreconditionRequired();
    c.set('ifMatch', expected);
    await next();
  });
}
