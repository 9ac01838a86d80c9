/**
 * The typed domain errors live in domain/errors.ts: services throw them without knowing about
 * HTTP, and one `onError` (app.ts) answers them as problem+json. Re-exported here for modules
 * that still import them from http/; new code imports domain/errors.ts.
 */
export * from '../domain/errors.js';
