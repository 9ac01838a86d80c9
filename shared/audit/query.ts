import { z } from 'zod';

/**
 * Searching the audit trail (`GET /api/audit`): by record, by person, or neither (the whole
 * partnership, newest first), each narrowed by action and by UK dates.
 */

/** Every kind of record the audit trail holds events for. */
export const AUDITED_ENTITY_TYPES = [
  'return',
  'period',
  'milestone',
  'workstream',
  'agency',
  'threshold-document',
  'kinship-item',
  'criterion',
  'assessment',
  'user',
  'partnership',
  'mail-address',
  'indicator',
  'measure-settings',
  'yearly-report',
] as const;
export type AuditedEntityType = (typeof AUDITED_ENTITY_TYPES)[number];

/** Record types as people call them, for the filter and the results table. */
export const ENTITY_TYPE_LABELS: Record<AuditedEntityType, string> = {
  return: 'Return',
  period: 'Reporting period',
  milestone: 'Milestone',
  workstream: 'Workstream',
  agency: 'Agency',
  'threshold-document': 'Threshold document',
  'kinship-item': 'Kinship offer item',
  criterion: 'Readiness criterion',
  assessment: 'Readiness assessment',
  user: 'User',
  partnership: 'Partnership',
  'mail-address': 'Email address',
  indicator: 'Outcome indicator',
  'measure-settings': 'Outcome measure settings',
  'yearly-report': 'Yearly report',
};

/**
 * The actions the portal records, as the filter offers them. The API takes any action of the
 * same shape, so an action added later is searchable before it is listed here.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'return.create': 'Return started',
  'return.save': 'Return saved',
  'return.section-copy': 'Return section started from another partnership',
  'return.submit': 'Return submitted',
  'return.accept': 'Return accepted',
  'return.return': 'Return sent back',
  'return.reopen': 'Return reopened',
  'period.open': 'Reporting period opened',
  'indicator.create': 'Outcome indicator added',
  'indicator.update': 'Outcome indicator changed',
  'indicator.retire': 'Outcome indicator retired',
  'indicator.restore': 'Outcome indicator restored',
  'report.create': 'Yearly report drafted',
  'report.edit': 'Yearly report edited',
  'report.regenerate': 'Yearly report drafted again',
  'measures.settings': 'Small-number threshold changed',
  'milestone.create': 'Milestone added',
  'milestone.update': 'Milestone updated',
  'milestone.close': 'Milestone closed',
  'workstream.create': 'Workstream added',
  'workstream.update': 'Workstream changed',
  'workstream.reorder': 'Workstream moved',
  'workstream.retire': 'Workstream retired',
  'workstream.restore': 'Workstream restored',
  'agency.create': 'Agency added',
  'agency.update': 'Agency changed',
  'agency.reorder': 'Agency moved',
  'agency.retire': 'Agency retired',
  'agency.restore': 'Agency restored',
  'tracker.overall': 'Overall confidence set',
  'threshold.config': 'Threshold signatories changed',
  'threshold.issue': 'Threshold version issued',
  'threshold.approve': 'Threshold version approved',
  'threshold.request-changes': 'Threshold changes requested',
  'kinship.create': 'Kinship item drafted',
  'kinship.update': 'Kinship item edited',
  'kinship.submit': 'Kinship item sent for review',
  'kinship.publish': 'Kinship item published',
  'kinship.retire': 'Kinship item retired',
  'kinship.return': 'Kinship item returned to its agency',
  'criterion.create': 'Readiness criterion added',
  'criterion.update': 'Readiness criterion updated',
  'readiness.assess': 'Readiness assessed',
  'readiness.confirm': 'Readiness assessment confirmed',
  'readiness.challenge': 'Readiness assessment challenged',
  'personal-data.erase': 'Personal data erased',
  'auth.sign-in': 'Signed in',
  'auth.second-factor-on': 'Two-step sign-in turned on',
  'auth.second-factor-off': 'Two-step sign-in turned off',
  'user.invite': 'Person invited',
  'user.update': 'Person changed',
  'user.set-password': 'Invitation accepted',
  'user.resend-invitation': 'Invitation sent again',
  'user.deactivate': 'User deactivated',
  'user.reactivate': 'User given access again',
  'user.notifications': 'Email settings changed',
  'return.chase': 'Return chased',
  'threshold.chase': 'Sign-off chased',
  'mail.stop': 'Email to an address stopped',
  'partnership.prepare': 'Partnership set-up started',
  'partnership.create': 'Partnership created',
  'platform-admin.add': 'Platform administrator added',
  'partnership.abandon': 'Partnership set-up abandoned',
  'seed.load': 'Demo data loaded',
};

/** A calendar day `YYYY-MM-DD` that exists (no 31 February). */
export const UkDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date in the form YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Enter a real date');

/** The query of `GET /api/audit`. Dates are UK calendar days (Europe/London), both inclusive. */
export const AuditQuery = z
  .object({
    entityType: z.enum(AUDITED_ENTITY_TYPES).optional().describe('With entityId: the events of one record'),
    entityId: z.string().min(1).max(200).optional(),
    person: z.string().min(1).max(254).optional().describe("The events of one person: a user's id, or their email address"),
    action: z
      .string()
      .regex(/^[a-z-]+\.[a-z-]+$/, 'Choose an action such as return.submit')
      .max(60)
      .optional()
      .describe('Only this action, e.g. `return.submit`'),
    from: UkDay.optional().describe('First UK day, inclusive'),
    to: UkDay.optional().describe('Last UK day, inclusive'),
    order: z.enum(['oldest', 'newest']).optional().describe("Oldest first is the default for one record's history; newest first for the rest"),
    limit: z.coerce.number().int().min(1).max(500).optional(),
    cursor: z.string().max(2000).optional().describe('From the previous page: the next page continues where it stopped'),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (!!q.entityType !== !!q.entityId) ctx.addIssue({ code: 'custom', path: [q.entityType ? 'entityId' : 'entityType'], message: 'Give the type of record and its id together' });
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end date must be the same as or after the start date' });
  });
export type AuditQuery = z.infer<typeof AuditQuery>;

/** Someone whose events the lead can look for: name and id only. */
export const AuditPersonView = z.object({ userId: z.string(), name: z.string(), role: z.string(), agencyId: z.string().nullable() }).meta({ id: 'AuditPerson' });
export const AuditPeopleView = z.object({ people: z.array(AuditPersonView) }).meta({ id: 'AuditPeople' });
export type AuditPersonView = z.infer<typeof AuditPersonView>;

/**
 * The instant a UK calendar day starts, as an ISO string. Midnight in London is 00:00 UTC in
 * winter and 23:00 UTC the day before in summer; clocks change at 01:00 UTC, never at midnight.
 */
export function ukDayStart(day: string): string {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const summer = new Date(utcMidnight - 3_600_000);
  const inLondon = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(summer);
  const part = (t: string) => inLondon.find((p) => p.type === t)?.value;
  const isMidnight = `${part('year')}-${part('month')}-${part('day')}` === day && part('hour') === '00';
  return (isMidnight ? summer : new Date(utcMidnight)).toISOString();
}

/** The UK day after `day` (`YYYY-MM-DD`). */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
