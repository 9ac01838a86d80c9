import { z } from 'zod';

/**
 * One bad field in a request, named by its path (e.g. `sections[0].narrative`). `kind` names what
 * was found when the field holds (possible) personal data, e.g. `nhs-number` or `phone`.
 */
export const FieldError = z.object({ path: z.string(), message: z.string(), kind: z.string().optional() });
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, as every API error is answered. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(FieldError).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** Turns a zod issue path into the `a.b[0].c` form shown to people and returned in `errors`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(body)';
}
