import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_REMINDER_WORKING_DAYS } from '../../shared/partnership/schema.js';
import { isDelivered } from '../../shared/periods/period.js';
import type { Config } from '../config.js';
import { workingDaysBefore } from '../domain/working-days.js';
import { type DeliveryResult, deliverOnce } from '../mail/deliver.js';
import type { Mailer } from '../mail/mailer.js';
import { type MailContent, returnDueSoon, returnOverdue, returnOverdueForLead } from '../mail/templates.js';
import { MailStopRepository } from '../repositories/mail-stop-repository.js';
import { MAX_ATTEMPTS, NotificationRepository } from '../repositories/notification-repository.js';
import { PartnershipRepository } from '../repositories/partnership-repository.js';
import { ReturnRepository } from '../repositories/return-repository.js';
import { type Recipient, UserRepository } from '../repositories/user-repository.js';

/**
 * The daily reminder job (issue 12): for each open reporting period, the agencies whose return is
 * not in (not submitted, or returned to them) are reminded from N working days before the due date
 * (N per partnership, default 5; England and Wales bank holidays skipped), and told once it is
 * overdue, with the lead copied in. Each email goes once per person per event, whatever the number
 * of runs: the ledger (NotificationRepository) is claimed before sending. Run in AWS by EventBridge
 * Scheduler, locally by `npm start` each day and by `npm run reminders -- --date YYYY-MM-DD`.
 */
export interface ReminderDeps {
  doc: DynamoDBDocumentClient;
  tables: Config['tables'];
  partnershipId: string;
  mailer: Mailer;
  /** The portal's address, for links: e.g. https://portal.example.org (no trailing slash). */
  portalUrl: string;
}

export interface ReminderOutcome {
  kind: 'return-due-soon' | 'return-overdue';
  eventKey: string;
  /** The person's id (logs carry ids, not addresses). */
  userId: string;
  to: string;
  result: DeliveryResult;
}

/** Runs the job for one UK calendar day (`YYYY-MM-DD`). */
export async function runReminders(deps: ReminderDeps, date: string, now: Date = new Date()): Promise<ReminderOutcome[]> {
  const pid = deps.partnershipId;
  const [data, headers, people, stopped] = await Promise.all([
    new PartnershipRepository(deps.doc, deps.tables.main, pid).getPartnershipData(),
    new ReturnRepository(deps.doc, deps.tables.main, pid).listAllReturnHeaders(),
    new UserRepository(deps.doc, deps.tables.main, pid).listRecipients(),
    new MailStopRepository(deps.doc, deps.tables.main, pid).addresses(),
  ]);
  const ledger = new NotificationRepository(deps.doc, deps.tables.main, pid);
  const partnershipName = data.partnership?.name ?? 'The partnership';
  const days = data.partnership?.reminderWorkingDays ?? DEFAULT_REMINDER_WORKING_DAYS;
  const statusOf = new Map(headers.map((h) => [`${h.periodId}#${h.agencyId}`, h.status]));
  const active = people.filter((p) => p.active);
  const leads = active.filter((p) => p.role === 'lead');
  const reporting = [...new Set(data.workstreams.flatMap((w) => w.contributingAgencyIds))];

  const outcomes: ReminderOutcome[] = [];
  const deliver = async (kind: ReminderOutcome['kind'], eventKey: string, to: Recipient, content: MailContent) => {
    const result = await deliverOnce(ledger, deps.mailer, { kind, eventKey, to, content, now, stopped });
    outcomes.push({ kind, eventKey, userId: to.id, to: to.email, result });
  };

  for (const period of data.periods.filter((p) => p.status === 'open')) {
    // From N working days before the due date (a missed day is caught up), then once overdue.
    if (date < workingDaysBefore(period.dueDate, days)) continue;
    const overdue = date > period.dueDate;
    for (const agencyId of reporting) {
      if (isDelivered(statusOf.get(`${period.id}#${agencyId}`) ?? 'not-started')) continue;
      const agencyName = data.agencies.find((a) => a.id === agencyId)?.name ?? agencyId;
      const kind = overdue ? 'return-overdue' : 'return-due-soon';
      const eventKey = `${kind}#${period.id}#${agencyId}`;
      const about = { partnershipName, agencyName, periodId: period.id, dueDate: period.dueDate, today: date };
      // Who has had it already: skipped with one read instead of a refused write each.
      const sent = await ledger.sentTo(eventKey);
      const due = (people: Recipient[]) =>
        people.filter((p) => {
          if (!sent.has(p.id)) return true;
          outcomes.push({ kind, eventKey, userId: p.id, to: p.email, result: 'sent-before' });
          return false;
        });
      for (const person of due(active.filter((p) => p.role === 'partner' && p.agencyId === agencyId))) {
        const reminder = { ...about, name: person.name, url: `${deps.portalUrl}/our-return/${period.id}` };
        await deliver(kind, eventKey, person, overdue ? returnOverdue(reminder) : returnDueSoon(reminder));
      }
      // The lead hears once per overdue return, in an email of their own (its own ledger entry).
      if (overdue)
        for (const lead of due(leads)) await deliver(kind, eventKey, lead, returnOverdueForLead({ ...about, name: lead.name, url: `${deps.portalUrl}/returns/${period.id}` }));
    }
  }
  return outcomes;
}

/** One line per outcome (person ids, not addresses: this goes to logs) and the counts. */
export function formatOutcomes(date: string, outcomes: ReminderOutcome[]): string {
  const n = (result: ReminderOutcome['result']) => outcomes.filter((o) => o.result === result).length;
  const counts = [
    `${n('sent')} sent`,
    `${n('sent-before')} sent before`,
    `${n('failed')} failed (tried again on the next run)`,
    `${n('in-flight')} being sent by another run`,
    `${n('gave-up')} given up after ${MAX_ATTEMPTS} attempts`,
    `${n('stopped')} not sent (the address bounced or complained)`,
  ];
  const lines = outcomes.filter((o) => o.result !== 'sent-before').map((o) => `  ${o.result.padEnd(10)} ${o.eventKey}  to ${o.userId}`);
  return [`Reminders for ${date}: ${counts.join(', ')}.`, ...lines].join('\n');
}
