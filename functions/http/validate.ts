import type { Context } from 'hono';
import type { z } from 'zod';
import { checkPersonalData, CONFIRM_PERSONAL_DATA_HEADER, isConfirmation, type PersonalDataPolicy } from '../../shared/pii/policy.js';
import { BadRequest, PersonalDataRefused, PersonalDataUnconfirmed, UnsupportedMediaType, ValidationFailed } from '../domain/errors.js';
import { fieldErrors } from './problem.js';

export interface ReadOptions {
  /** An empty body counts as `{}`. */
  optional?: boolean;
  /**
   * The personal-data rule for this body (see shared/pii/policy.ts). Every body is checked; only
   * bodies that are about people by design (sign-in credentials) pass `false`, with a reason.
   */
  personalData?: PersonalDataPolicy | false;
}

/**
 * Applies the personal-data rule to a validated body: definite identifiers -> 422 and nothing
 * written; possible personal data -> 422 unless the request confirms it, in which case the
 * confirmation is put on the context for the write's audit event (field and kind, never the text).
 */
export function guardPersonalData(c: Context, body: unknown, policy: PersonalDataPolicy = {}): void {
  const { refused, toConfirm } = checkPersonalData(body, policy, { now: (c.get('now' as never) as Date | undefined) ?? new Date() });
  if (refused.length) throw new PersonalDataRefused(refused.map(({ path, message, kind }) => ({ path, message, kind })));
  if (!toConfirm.length) return;
  if (!isConfirmation(c.req.header(CONFIRM_PERSONAL_DATA_HEADER))) {
    throw new PersonalDataUnconfirmed(toConfirm.map(({ path, message, kind }) => ({ path, message, kind })));
  }
  c.set('personalDataConfirmed' as never, toConfirm.map(({ path, kind }) => ({ path, kind })) as never);
}

/**
 * Reads and validates a JSON body against a strict zod schema. Wrong content type -> 415,
 * malformed JSON -> 400, schema failures -> 400 with one entry per bad field, personal data ->
 * 422 (see {@link guardPersonalData}). Nothing is written before this returns.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S, opts: ReadOptions = {}): Promise<z.infer<S>> {
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
  if (opts.personalData !== false) guardPersonalData(c, result.data, opts.personalData);
  return result.data;
}

/** Like readJson, but an empty body counts as `{}` (e.g. actions with optional options). */
export const readOptionalJson = <S extends z.ZodType>(c: Context, schema: S, opts: Omit<ReadOptions, 'optional'> = {}) => readJson(c, schema, { ...opts, optional: true });

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
