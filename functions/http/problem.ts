import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { formatPath, type FieldError, type Problem } from '../../shared/http/problem.js';
import type { AppError } from '../domain/errors.js';

export const PROBLEM_JSON = 'application/problem+json';

/** Builds an RFC 9457 response for an AppError. */
export function problemResponse(c: Context, err: AppError): Response {
  const body: Problem = {
    type: `https://partnership-reform-portal.example/problems/${err.type}`,
    title: err.title,
    status: err.status,
    detail: err.message,
    instance: c.req.path,
    requestId: c.get('requestId' as never) as string | undefined,
    ...(err.errors?.length ? { errors: err.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: err.status,
    headers: { 'Content-Type': PROBLEM_JSON, ...(err.headers ?? {}) },
  });
}

/** Zod issues as field errors; unknown fields are named one by one. */
export function fieldErrors(error: ZodError, prefix: PropertyKey[] = []): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: formatPath([...prefix, ...issue.path, key]), message: `Remove "${key}": this field is not expected here` });
    } else {
      out.push({ path: formatPath([...prefix, ...issue.path]), message: humanMessage(issue) });
    }
  }
  return out;
}

function humanMessage(issue: ZodError['issues'][number]): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Enter a value: this field is required' : `Enter ${article(issue.expected)} ${issue.expected}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `Use ${String(issue.maximum)} characters or fewer`
        : issue.origin === 'array'
          ? `Give at most ${String(issue.maximum)} entries`
          : `Enter a value of at most ${String(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? 'Enter a value: this field cannot be empty'
          : `Use at least ${String(issue.minimum)} characters`
        : issue.origin === 'array'
          ? `Give at least ${String(issue.minimum)} entries`
          : `Enter a value of at least ${String(issue.minimum)}`;
    case 'invalid_value':
      return `Choose one of: ${issue.values.map(String).join(', ')}`;
    default:
      return issue.message;
  }
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');
