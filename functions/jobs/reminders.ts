import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_REMINDER_WORKING_DAYS } from '../../shared/partnership/schema.js';
import type { Config } from '../config.js';
import { workingDaysBefore } from '../domain/working-days.js';
import type { Mailer } from '../mail/mailer.js';
import { type MailContent, returnDueSoon, returnOverdue } from '../mail/templates.js';
import { NotificationRepository } from '../repositories/notification-repository.js';
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
  to: string;
  result: 'sent' | 'already-sent' | 'failed';
}

const IN = new Set(['submitted', 'accepted']);

/** Runs the job for one UK calendar day (`YYYY-MM-DD`). */
export async function runReminders(deps: ReminderDeps, date: string, now: Date = new Date()): Promise<ReminderOutcome[]> {
  const pid = deps.partnershipId;
  const [data, headers, people] = await Promise.all([
    new PartnershipRepository(deps.doc, deps.tables.main, pid).getPartnershipData(),
    new ReturnRepository(deps.doc, deps.tables.main, pid).listAllReturnHeaders(),
    new UserRepository(deps.doc, deps.tables.main, pid).listRecipients(),
  ]);
  const ledger = new NotificationRepository(deps.doc, deps.tables.main, pid);
  const partnershipName = data.partnership?.name ?? 'The partnership';
  const days = data.partnership?.reminderWorkingDays ?? DEFAULT_REMINDER_WORKING_DAYS;
  const statusOf = new Map(headers.map((h) => [`${h.periodId}#${h.agencyId}`, h.status]));
  const active = people.filter((p) => p.active);
  const leads = active.filter((p) => p.role === 'lead');
  const reporting = [...new Set(data.workstreams.flatMap((w) => w.contributingAgencyIds))];

  const outcomes: ReminderOutcome[] = [];
  const deliver = async (kind: ReminderOutcome['kind'], eventKey: string, to: Recipient, content: MailContent, cc: Recipient[] = []) => {
    if (!(await ledger.claim(eventKey, to.id, { kind, email: to.email, now }))) {
      outcomes.push({ kind, eventKey, to: to.email, result: 'already-sent' });
      return;
    }
    try {
      const { messageId } = await deps.mailer.send({ to: [to.email], ...(cc.length ? { cc: cc.map((c) => c.email) } : {}), ...content });
      await ledger.markSent(eventKey, to.id, messageId, now);
      outcomes.push({ kind, eventKey, to: to.email, result: 'sent' });
    } catch (err) {
      await ledger.markFailed(eventKey, to.id, err instanceof Error ? err.message : String(err), now);
      outcomes.push({ kind, eventKey, to: to.email, result: 'failed' });
    }
  };

  for (const period of data.periods.filter((p) => p.status === 'open')) {
    const remindFrom = workingDaysBefore(period.dueDate, days);
    const overdue = date > period.dueDate;
    if (date < remindFrom) continue;
    for (const agencyId of reporting) {
      if (IN.has(statusOf.get(`${period.id}#${agencyId}`) ?? 'not-started')) continue;
      const agencyName = data.agencies.find((a) => a.id === agencyId)?.name ?? agencyId;
      const kind = overdue ? 'return-overdue' : 'return-due-soon';
      const eventKey = `${kind}#${period.id}#${agencyId}`;
      const preparers = active.filter((p) => p.role === 'partner' && p.agencyId === agencyId);
      for (const [i, person] of preparers.entries()) {
        const reminder = { partnershipName, name: person.name, agencyName, periodId: period.id, dueDate: period.dueDate, url: `${deps.portalUrl}/our-return/${period.id}` };
        // The lead is copied into one overdue email per agency, not one per preparer.
        if (overdue) await deliver(kind, eventKey, person, returnOverdue(reminder), i === 0 ? leads : []);
        else await deliver(kind, eventKey, person, returnDueSoon({ ...reminder, workingDays: days }));
      }
    }
  }
  return outcomes;
}

/** One line per outcome and the counts, for the command line and the local log. */
export function formatOutcomes(date: string, outcomes: ReminderOutcome[]): string {
  const n = (result: ReminderOutcome['result']) => outcomes.filter((o) => o.result === result).length;
  const lines = outcomes.map((o) => `  ${o.result.padEnd(12)} ${o.kind.padEnd(16)} ${o.to}`);
  return [`Reminders for ${date}: ${n('sent')} sent, ${n('already-sent')} sent before, ${n('failed')} failed (tried again on the next run).`, ...lines].join('\n');
}
