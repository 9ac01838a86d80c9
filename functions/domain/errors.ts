import type { FieldError } from '../../shared/http/problem.js';

/**
 * Typed domain errors. Services throw these; one `onError` maps them to RFC 9457 problem+json,
 * so handlers never carry their own try/catch ladders.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
  }
}

export class BadRequest extends AppError {
  constructor(detail: string, errors?: FieldError[]) {
    super(400, 'bad-request', 'The request is not valid', detail, errors);
  }
}
/** 400 for request bodies, queries and params that fail their schema. */
export class ValidationFailed extends AppError {
  constructor(errors: FieldError[], detail = 'Some fields are missing or not valid. Correct them and try again.') {
    super(400, 'validation-failed', 'Some fields are not valid', detail, errors);
  }
}
/** 422 for well-formed requests that a domain rule refuses (e.g. submitting an incomplete return). */
export class Unprocessable extends AppError {
  constructor(detail: string, errors?: FieldError[]) {
    super(422, 'unprocessable', 'The request cannot be carried out yet', detail, errors);
  }
}
/**
 * 422: the text holds a definite identifier (NHS or National Insurance number). Nothing is
 * written; the person removes it. `errors` name each field and the kind found.
 */
export class PersonalDataRefused extends AppError {
  constructor(errors: FieldError[]) {
    super(
      422,
      'personal-data-refused',
      'Remove the personal data',
      'Some text looks like an NHS or National Insurance number. The portal holds programme information only, never case information: remove it and save again.',
      errors,
    );
  }
}
/**
 * 422: the text may hold personal data (a postcode, date of birth, email, phone, or a name next to
 * an age or family role). Nothing is written until the person confirms it is not about a child or
 * family, by sending the request again with `Confirm-Personal-Data: true`.
 */
export class PersonalDataUnconfirmed extends AppError {
  constructor(errors: FieldError[]) {
    super(
      422,
      'personal-data-unconfirmed',
      'Check for personal data',
      'Some text may be personal data. Remove anything about a child or family member; if it is not about a person (for example a team phone number or an office postcode), confirm and save again.',
      errors,
    );
  }
}
/**
 * 422 for indicator values far from the recent ones: queries, not errors. Nothing is saved until
 * the agency confirms each value (`confirmed: true`) or corrects it.
 */
export class ValueQueried extends AppError {
  constructor(errors: FieldError[]) {
    super(
      422,
      'value-query',
      'Check these values',
      'Some values are far from the ones reported recently. Check each one: if it is right, confirm it and save again; if not, correct it.',
      errors,
    );
  }
}
export class Unauthorized extends AppError {
  constructor(detail = 'Sign in to continue.') {
    super(401, 'unauthorized', 'You are not signed in', detail, undefined, { 'WWW-Authenticate': 'Bearer' });
  }
}
/** 401 for a person whose account was deactivated or removed: their token may still be valid. */
export class AccessEnded extends AppError {
  constructor(detail: string) {
    super(401, 'access-ended', 'Your access has ended', detail, undefined, { 'WWW-Authenticate': 'Bearer' });
  }
}
export class Forbidden extends AppError {
  constructor(detail = 'Your role or agency does not allow this.') {
    super(403, 'forbidden', 'You cannot do this', detail);
  }
}
export class NotFound extends AppError {
  constructor(detail = 'There is nothing at this address.') {
    super(404, 'not-found', 'Not found', detail);
  }
}
export class Conflict extends AppError {
  constructor(detail: string) {
    super(409, 'conflict', 'This conflicts with the current state', detail);
  }
}
export class PreconditionFailed extends AppError {
  constructor(detail = 'Someone else saved a newer version. Reload to see their changes, then make yours again.') {
    super(412, 'precondition-failed', 'This was changed by someone else', detail);
  }
}
export class PreconditionRequired extends AppError {
  constructor(detail = 'Send the If-Match header with the ETag you last read.') {
    super(428, 'precondition-required', 'If-Match header required', detail);
  }
}
export class PayloadTooLarge extends AppError {
  constructor(limit: number) {
    super(413, 'payload-too-large', 'The request body is too large', `Send at most ${limit} bytes.`);
  }
}
export class UnsupportedMediaType extends AppError {
  constructor() {
    super(415, 'unsupported-media-type', 'Send JSON', 'Send the body as application/json.');
  }
}
export class TooManyRequests extends AppError {
  constructor(retryAfterSeconds: number, detail: string) {
    super(429, 'too-many-requests', 'Too many attempts', detail, undefined, { 'Retry-After': String(retryAfterSeconds) });
  }
}
export class ServiceUnavailable extends AppError {
  constructor(detail = 'The database is not reachable. Try again in a minute.', retryAfterSeconds = 30) {
    super(503, 'service-unavailable', 'The service is not available', detail, undefined, { 'Retry-After': String(retryAfterSeconds) });
  }
}
