import { z } from 'zod';
import { type Me, Role } from '../auth/roles.js';
import { patchOf } from '../http/patch.js';
import { Slug } from '../partnership/schema.js';

/*
 * People of the partnership as the programme lead (and an agency administrator, for their own
 * agency) manage them: invite, change, deactivate and reactivate, resend an invitation.
 */

/** Where a person stands: invited (not yet signed in), active, or deactivated (refused everywhere). */
export const PERSON_STATUSES = ['invited', 'active', 'deactivated'] as const;
export const PersonStatus = z.enum(PERSON_STATUSES);
export type PersonStatus = z.infer<typeof PersonStatus>;

export const PERSON_STATUS_LABELS: Record<PersonStatus, string> = { invited: 'Invited', active: 'Active', deactivated: 'Deactivated' };

/** How long a set-password link works (local sign-in; Cognito's own temporary passwords follow the pool's setting). */
export const INVITATION_DAYS = 7;

const Name = z.string().trim().min(1, 'Enter their full name').max(120, 'Name must be 120 characters or fewer');
const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Email address must be 254 characters or fewer')
  .email('Enter an email address in the correct format, like name@example.org');

/** What makes a person: role, agency and the flags only a partner can hold. */
const PersonFields = {
  name: Name,
  role: Role,
  agencyId: Slug.nullable().describe('The agency: required for a partner or lead, none for an executive'),
  signatory: z.boolean().describe('Signs documents (the threshold document) for their agency: partners only'),
  agencyAdmin: z.boolean().describe('Manages the partners of their own agency: partners only'),
};

export const InvitePersonRequest = z
  .object({ ...PersonFields, email: Email, signatory: PersonFields.signatory.default(false), agencyAdmin: PersonFields.agencyAdmin.default(false) })
  .strict()
  .meta({ id: 'InvitePerson' });
export type InvitePersonRequest = z.infer<typeof InvitePersonRequest>;

/** Only the fields sent change. The email address is the sign-in name and cannot change. */
export const UpdatePersonRequest = patchOf(InvitePersonRequest.omit({ email: true })).meta({ id: 'UpdatePerson' });
export type UpdatePersonRequest = z.infer<typeof UpdatePersonRequest>;

/** The parts of a person that rules are about. */
export interface PersonShape {
  role: Role;
  agencyId: string | null;
  signatory: boolean;
  agencyAdmin: boolean;
}

/**
 * The rules a person must meet, as field problems: partners and leads belong to an agency, an
 * executive to none; only a partner signs for an agency or administers it.
 */
export function personProblems(p: PersonShape): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (p.role === 'executive' && p.agencyId !== null) problems.push({ path: 'agencyId', message: 'A partnership executive does not belong to an agency: choose no agency' });
  if (p.role !== 'executive' && p.agencyId === null)
    problems.push({ path: 'agencyId', message: p.role === 'partner' ? 'Choose the agency they work for' : 'Choose the agency the programme lead works for' });
  if (p.role !== 'partner' && p.signatory) problems.push({ path: 'signatory', message: 'Only a partner agency officer can sign for their agency' });
  if (p.role !== 'partner' && p.agencyAdmin) problems.push({ path: 'agencyAdmin', message: 'Only a partner agency officer can manage their agency’s people' });
  return problems;
}

export const SIGNED_IN_FILTERS = ['never', 'last-30-days', 'not-in-30-days'] as const;
export const SIGNED_IN_LABELS: Record<(typeof SIGNED_IN_FILTERS)[number], string> = {
  never: 'Never signed in',
  'last-30-days': 'Signed in within 30 days',
  'not-in-30-days': 'Not signed in for 30 days or more',
};

/** The person list's search and filters (kept in the page address). */
export const PeopleQuery = z
  .object({
    q: z.string().trim().max(120).optional().describe('Part of a name or email address'),
    agencyId: Slug.optional(),
    role: Role.optional(),
    status: PersonStatus.optional(),
    signedIn: z.enum(SIGNED_IN_FILTERS).optional().describe('When they last signed in'),
  })
  .strict();
export type PeopleQuery = z.infer<typeof PeopleQuery>;

export const PersonView = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: Role,
    agencyId: z.string().nullable(),
    signatory: z.boolean(),
    agencyAdmin: z.boolean(),
    status: PersonStatus,
    invitedAt: z.string().nullable(),
    invitedBy: z.string().nullable().describe('Who invited them, by name'),
    /** Local sign-in only: when the set-password link stops working. */
    invitationExpiresAt: z.string().nullable(),
    lastSignInAt: z.string().nullable(),
    /** Mail to them stopped: their address bounced for good, or they reported the portal's email as spam. */
    emailStopped: z.object({ reason: z.enum(['bounce', 'complaint']), at: z.string() }).nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Person' });
export type PersonView = z.infer<typeof PersonView>;

export const PeopleView = z.object({ people: z.array(PersonView) }).meta({ id: 'People' });

/** One thing that happened to a person's account, newest first. */
export const PersonEventView = z.object({ at: z.string(), action: z.string(), summary: z.string(), by: z.string().describe('Who did it, by name') }).meta({ id: 'PersonEvent' });
export const PersonDetailView = z.object({ person: PersonView, history: z.array(PersonEventView) }).meta({ id: 'PersonDetail' });

/** Whether a person has signed in within the last 30 days of `now` (for the list's filter). */
export function matchesSignedIn(filter: PeopleQuery['signedIn'], lastSignInAt: string | null, now: Date): boolean {
  if (!filter) return true;
  if (filter === 'never') return lastSignInAt === null;
  const recent = lastSignInAt !== null && now.getTime() - Date.parse(lastSignInAt) < 30 * 86_400_000;
  return filter === 'last-30-days' ? recent : !recent;
}

/** The list's filters, applied to one person. */
export function matchesPeopleQuery(p: PersonView, q: PeopleQuery, now: Date): boolean {
  const text = q.q?.toLowerCase();
  return (
    (!text || p.name.toLowerCase().includes(text) || p.email.includes(text)) &&
    (!q.agencyId || p.agencyId === q.agencyId) &&
    (!q.role || p.role === q.role) &&
    (!q.status || p.status === q.status) &&
    matchesSignedIn(q.signedIn, p.lastSignInAt, now)
  );
}

/** Setting a password from an invitation link (local sign-in). */
export const MIN_PASSWORD_LENGTH = 12;
export const SetPasswordRequest = z
  .object({
    token: z.string().min(20).max(300),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Password must be ${MIN_PASSWORD_LENGTH} characters or more: three random words make a good one`)
      .max(200, 'Password must be 200 characters or fewer'),
  })
  .strict()
  .meta({ id: 'SetPassword' });
export type SetPasswordRequest = z.infer<typeof SetPasswordRequest>;

export const InvitationCheckRequest = z.object({ token: z.string().min(20).max(300) }).strict();
export const InvitationView = z.object({ name: z.string(), email: z.string(), expiresAt: z.string() }).meta({ id: 'Invitation' });

/** Who manages people: the programme lead everyone; an agency administrator (a partner with the flag) their own agency's partners. */
export const managesPeople = (me: Pick<Me, 'role' | 'agencyAdmin' | 'agencyId'> | undefined): boolean =>
  me?.role === 'lead' || (me?.role === 'partner' && me.agencyAdmin && me.agencyId !== null);
