import { z } from 'zod';
import { ROLE_LABELS, ROLES } from './role-labels.js';

export { ROLE_LABELS, ROLES };
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/**
 * The signed-in user as the API reports it (`GET /api/me`): identity from the verified token;
 * role, agency and flags from the server's own record (which wins over a token issued before a change).
 */
export const Me = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  agencyId: z.string().nullable(),
  signatory: z.boolean(),
  /** A partner who manages their own agency's partners. */
  agencyAdmin: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const LoginRequest = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    password: z.string().min(1).max(200),
  })
  .strict();
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: Me,
  /** A platform administrator, who works in no partnership: their pages are platform administration's. */
  platformAdmin: z.boolean().optional(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;
