import type { Context } from 'hono';
import type { z } from 'zod';
import { BadRequest, UnsupportedMediaType, ValidationFailed } from './errors.js';
import { fieldErrors } from './problem.js';

/**
 * Reads and validates a JSON body against a strict zod schema. Wrong content type -> 415,
 * malformed JSON -> 400, schema failures -> 400 with one entry per bad field. Nothing is written
 * before this returns.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S, opts: { optional?: boolean } = {}): Promise<z.infer<S>> {
  const text = await c.req.text();
  let data: unknown;
  if (text.trim() === '') {
    if (!opts.optional) throw new BadRequest('The request needs a JSON body.');
    data = {};
  } else {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/([a-z.+-]*\+)?json\s*(;|$)/i.test(type)) throw new UnsupportedMediaType();
    try {
      data = JSON.parse(text);
    } catch {
      throw new BadRequest('The body is not valid JSON. Check for missing quotes, commas or brackets.');
    }
  }
  const result = schema.safeParse(data);
  if (!result.success) throw new ValidationFailed(fieldErrors(result.error));
  return result.data;
}

/** Like readJson, but an empty body counts as `{}` (e.g. actions with optional options). */
export const readOptionalJson = <S extends z.ZodType>(c: Context, schema: S) => readJson(c, schema, { optional: true });

/** Validates query parameters (single values) against a strict schema. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) throw new ValidationFailed(fieldErrors(result.error, ['query']));
  return result.data;
}

/** Validates path parameters. A malformed id is a 404 for the resource it would name. */
export function readParams<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const result = schema.safeParse(c.req.param());
  if (!result.success) throw new ValidationFailed(fieldErrors(result.error, ['path']));
  return result.data;
}
