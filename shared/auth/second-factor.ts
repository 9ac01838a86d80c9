import { z } from 'zod';
import { LoginResponse } from './roles.js';

/**
 * Two-step sign-in: a password, then a 6-digit code from an authenticator app (TOTP, RFC 6238).
 * Required of the people whose role signs off or administers, when the deployment says so
 * (`SECOND_FACTOR=required-for-roles`, the default in AWS); anyone else may turn it on.
 */

/** Whether the deployment requires a second step of the roles below, or leaves it to everyone. */
export const SecondFactorPolicy = z.enum(['required-for-roles', 'optional']);
export type SecondFactorPolicy = z.infer<typeof SecondFactorPolicy>;

/** Why a person needs an authenticator: what their role lets them do. */
export const SecondFactorReason = z.enum(['lead', 'signatory', 'agency-admin', 'platform-admin']);
export type SecondFactorReason = z.infer<typeof SecondFactorReason>;

/** The reasons in plain English, for the set-up page and the 403 problem. */
export const REASON_TEXT: Record<SecondFactorReason, string> = {
  lead: 'you are the programme lead, who accepts returns and runs the programme',
  signatory: 'you sign off threshold documents for your agency',
  'agency-admin': 'you manage the people of your agency',
  'platform-admin': 'you administer the portal and create partnerships',
};

/** What a person's place gives them that needs a second step (none for executives and ordinary partners). */
export function secondFactorReasons(place: { role: string; signatory?: boolean; agencyAdmin?: boolean }): SecondFactorReason[] {
  const reasons: SecondFactorReason[] = [];
  if (place.role === 'lead') reasons.push('lead');
  if (place.role === 'partner' && place.signatory) reasons.push('signatory');
  if (place.role === 'partner' && place.agencyAdmin) reasons.push('agency-admin');
  return reasons;
}

/** The problem type a route answers (403) to someone who needs an authenticator and has none yet. */
export const SECOND_FACTOR_REQUIRED = 'second-factor-required';

/** A code from an authenticator app: 6 digits (spaces and dashes people type are taken out). */
export const TotpCode = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, { error: 'Enter the 6-digit code from your authenticator app' }));

export const CODE_WRONG = 'The code is not right. Enter the 6 digits your authenticator app shows now.';

/** `GET /api/second-factor`: whether the signed-in person has an authenticator, and must. */
export const SecondFactorStatus = z
  .object({
    policy: SecondFactorPolicy,
    /** Where the authenticator is set up: the portal itself (local) or the Cognito user pool. */
    mode: z.enum(['local', 'cognito']),
    required: z.boolean(),
    enrolled: z.boolean(),
    /** Why it is required (empty when it is not). */
    reasons: z.array(SecondFactorReason),
  })
  .meta({ id: 'SecondFactorStatus' });
export type SecondFactorStatus = z.infer<typeof SecondFactorStatus>;

/** `GET /me`'s part about the second step in this partnership: `enrolled` is said when it is required. */
export const MeSecondFactor = z.object({ required: z.boolean(), enrolled: z.boolean().optional() });

/** `POST /api/second-factor/setup` (local sign-in): a new secret to add to an authenticator app, shown once. */
export const SecondFactorSetup = z
  .object({
    /** Base32, as people type it into an app. */
    secret: z.string(),
    /** The same as an `otpauth://totp/...` link (and QR code) that apps read. */
    uri: z.string(),
    issuer: z.string(),
    account: z.string(),
    /** Confirm with a code before this time, or start again. */
    expiresAt: z.string(),
  })
  .meta({ id: 'SecondFactorSetup' });
export type SecondFactorSetup = z.infer<typeof SecondFactorSetup>;

export const ConfirmSecondFactorRequest = z.object({ code: TotpCode }).strict();
export type ConfirmSecondFactorRequest = z.infer<typeof ConfirmSecondFactorRequest>;

/** The local sign-in's first answer for someone with an authenticator: send the code with `challenge` next. */
export const CodeNeeded = z
  .object({
    codeRequired: z.literal(true),
    /** Single use, for `POST /api/auth/login/code`; stops working at `expiresAt`. */
    challenge: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'SignInCodeNeeded' });
export type CodeNeeded = z.infer<typeof CodeNeeded>;

/** Signed in: the token (the answer to a password alone, or to the code after it). */
export const SignedIn = LoginResponse.meta({ id: 'LoginResponse' });

/** `POST /api/auth/login`: signed in, or one more step (the code). */
export const LoginStep = z.union([SignedIn, CodeNeeded]);
export type LoginStep = z.infer<typeof LoginStep>;

export const LoginCodeRequest = z
  .object({
    challenge: z.string().min(16).max(200),
    code: TotpCode,
  })
  .strict();
export type LoginCodeRequest = z.infer<typeof LoginCodeRequest>;

/** The name authenticator apps show beside the code. */
export const TOTP_ISSUER = 'Partnership Reform Portal';
