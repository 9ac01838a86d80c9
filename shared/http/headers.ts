/**
 * Request headers the API defines. Zod-free on purpose: the web app's first chunk imports this
 * before zod is configured for the CSP (see web/src/csp-safe-zod.ts).
 */

/** Confirms the possible personal data the last answer listed (see shared/pii/policy.ts). */
export const CONFIRM_PERSONAL_DATA_HEADER = 'Confirm-Personal-Data';
