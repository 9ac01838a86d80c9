import type { AuditInput } from '../db/transact.js';

/**
 * Which recorded changes tell someone (issue 12): the audit event of the change is the event, so a
 * notification is queued in the same transaction as the change itself (functions/db/transact.ts)
 * and sent once per person per event by the outbox job (functions/jobs/outbox.ts).
 */
export const NOTIFICATION_KINDS = [
  'period-opened',
  'return-awaiting-certification',
  'return-sent-back',
  'return-submitted',
  'return-returned',
  'return-accepted',
  'return-reopened',
  'threshold-issued',
  'kinship-waiting',
  'kinship-returned',
  'readiness-challenged',
  'readiness-answered',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

const BY_ACTION: Partial<Record<string, NotificationKind>> = {
  'period.open': 'period-opened',
  'return.submit': 'return-submitted',
  'return.send-for-certification': 'return-awaiting-certification',
  'return.send-back': 'return-sent-back',
  // Certified is submitted, as far as the lead is concerned.
  'return.certify': 'return-submitted',
  'return.return': 'return-returned',
  'return.accept': 'return-accepted',
  'return.reopen': 'return-reopened',
  'threshold.issue': 'threshold-issued',
  'kinship.submit': 'kinship-waiting',
  'kinship.return': 'kinship-returned',
  'readiness.challenge': 'readiness-challenged',
};

/** The notification a change causes, or null. An assessment changed after a challenge answers it. */
export function notificationOf(e: Pick<AuditInput, 'action' | 'changes'>): NotificationKind | null {
  if (e.action === 'readiness.assess') return e.changes?.validation?.from === 'challenged' ? 'readiness-answered' : null;
  return BY_ACTION[e.action] ?? null;
}
