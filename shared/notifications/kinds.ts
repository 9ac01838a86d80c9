import { z } from 'zod';

/*
 * The emails people choose how to get (issue 12): each one immediately, in a weekly digest, or not
 * at all. Invitations, changes to someone's access, deadline reminders, the lead's chases and
 * requests to sign a threshold version always go at once: they ask for action by a date.
 */

export const OPTIONAL_KINDS = [
  'period-opened',
  'return-submitted',
  'return-returned',
  'return-sent-back',
  'return-accepted',
  'kinship-waiting',
  'kinship-returned',
  'readiness-challenged',
  'readiness-answered',
] as const;
export type OptionalKind = (typeof OPTIONAL_KINDS)[number];
export const isOptionalKind = (kind: string): kind is OptionalKind => (OPTIONAL_KINDS as readonly string[]).includes(kind);

export const NOTIFICATION_CHOICES = ['immediately', 'digest', 'off'] as const;
export const NotificationChoice = z.enum(NOTIFICATION_CHOICES);
export type NotificationChoice = z.infer<typeof NotificationChoice>;

export const CHOICE_LABELS: Record<NotificationChoice, string> = { immediately: 'Straight away', digest: 'In a weekly summary (Mondays)', off: 'Never' };

/** What each optional email is about, and whom it is for (the settings page shows a person their own). */
export const KIND_LABELS: Record<OptionalKind, { label: string; for: 'lead' | 'partner' }> = {
  'period-opened': { label: 'A reporting period opens', for: 'partner' },
  'return-submitted': { label: 'An agency submits its return', for: 'lead' },
  'return-returned': { label: 'Your agency’s return is returned with comments', for: 'partner' },
  'return-sent-back': { label: 'A return you sent for certification is sent back with comments', for: 'partner' },
  'return-accepted': { label: 'Your agency’s return is accepted', for: 'partner' },
  'kinship-waiting': { label: 'A Kinship offer item is waiting to publish', for: 'lead' },
  'kinship-returned': { label: 'A Kinship offer item is returned to your agency', for: 'partner' },
  'readiness-challenged': { label: 'A readiness assessment of your agency is challenged', for: 'partner' },
  'readiness-answered': { label: 'An agency answers a readiness challenge', for: 'lead' },
};

/** The always-sent emails, as the settings page lists them. */
export const ALWAYS_SENT = [
  'Your invitation, and changes to your role or access',
  'Reminders before a return is due, and when it is overdue',
  'The programme lead chasing your agency’s return or sign-off',
  'A new threshold document version to sign (signatories)',
  'A return waiting for you to certify it (signatories, where your partnership asks for certification)',
];

export const NotificationChoices = z.partialRecord(z.enum(OPTIONAL_KINDS), NotificationChoice);
export type NotificationChoices = z.infer<typeof NotificationChoices>;

export const NotificationSettingsView = z.object({ choices: z.record(z.enum(OPTIONAL_KINDS), NotificationChoice), version: z.number().int() }).meta({ id: 'NotificationSettings' });
export type NotificationSettingsView = z.infer<typeof NotificationSettingsView>;

export const NotificationSettingsRequest = z.object({ choices: NotificationChoices }).strict().meta({ id: 'NotificationSettingsRequest' });

/** Everyone starts with every email straight away. */
export const withDefaults = (choices: NotificationChoices | undefined): Record<OptionalKind, NotificationChoice> =>
  Object.fromEntries(OPTIONAL_KINDS.map((k) => [k, choices?.[k] ?? 'immediately'])) as Record<OptionalKind, NotificationChoice>;

export const UnsubscribeRequest = z.object({ token: z.string().min(20).max(400) }).strict();
export const UnsubscribeView = z.object({ kind: z.enum(OPTIONAL_KINDS), label: z.string() }).meta({ id: 'Unsubscribed' });
