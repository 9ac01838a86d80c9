/**
 * The roles and their names for people, without zod: the web app's shell (header, menu) needs
 * them on every page, and this keeps the schema library out of the first script people download.
 */

/** The three signed-in roles. Public readers have no role and no token. */
export const ROLES = ['lead', 'executive', 'partner'] as const;
export type RoleName = (typeof ROLES)[number];

/** Plain-English role names for headers and messages. */
export const ROLE_LABELS: Record<RoleName, string> = {
  lead: 'Reform programme lead',
  executive: 'Partnership executive',
  partner: 'Partner agency officer',
};
