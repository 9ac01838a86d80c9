import { z } from 'zod';

/** A field's schema without its top-level `.default()`. */
type NoDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;
type PatchShape<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<NoDefault<S[K]>> };

export const EMPTY_PATCH_MESSAGE = 'Send at least one field to change';

function withoutDefault(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
}

/**
 * The PATCH body of a resource, made from the schema that creates it: every field optional and
 * checked as on create, but with no defaults, so a field that is not sent keeps its stored value
 * (zod 4 applies `.default()` even inside `.optional()`, so `.partial()` alone would reset every
 * absent field). Unknown fields are refused, and an empty body is refused with
 * {@link EMPTY_PATCH_MESSAGE}. Rules that span fields (superRefine) belong to the whole item and are
 * checked by the service on the item that results.
 */
export function patchOf<S extends z.ZodRawShape>(create: z.ZodObject<S>) {
  const shape = Object.fromEntries(Object.entries(create.shape).map(([key, field]) => [key, withoutDefault(field as z.ZodType).optional()])) as unknown as PatchShape<S>;
  return z
    .object(shape)
    .strict()
    .refine((v) => Object.keys(v).length > 0, { message: EMPTY_PATCH_MESSAGE });
}
