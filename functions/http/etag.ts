import type { Context } from 'hono';
import { PreconditionFailed, PreconditionRequired } from './errors.js';

/** The ETag of a versioned resource: its version number as a strong validator. */
export const etagFor = (version: number) => `"${version}"`;

/**
 * The version the client last read, from `If-Match`. Missing -> 428; present but not one of ours
 * (or `*`, which would skip the lost-update check) -> 412.
 */
export function requireIfMatch(c: Context): number {
  const header = c.req.header('if-match');
  if (!header) throw new PreconditionRequired();
  const m = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!m) throw new PreconditionFailed('The If-Match header does not match the current version. Reload and try again.');
  return Number(m[1]);
}

/** `If-Match` when given (for writes that may create the resource), else null. */
export function optionalIfMatch(c: Context): number | null {
  return c.req.header('if-match') ? requireIfMatch(c) : null;
}
