import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_REMINDER_WORKING_DAYS, DEFAULT_SIGN_OFF_REMINDER_DAYS } from '../../shared/partnership/schema.js';

/** How many days before a Kinship offer item's review date its agency is told. */
const KINSHIP_REVIEW_NOTICE_DAYS = 14;
import { daysBetween, isDelivered, ukDate } from '../../shared/periods/period.js';
import { partnershipUrl } from '../../shared/partnership/paths.js';
import { periodScope, reportingAgencyIds } from '../../shared/partnership/period-scope.js';
import { certifyRefusal } from '../../shared/returns/rules.js';
import type { Config } from '../config.js';
import { workingDaysBefore } from '../domain/working-days.js';
import { type DeliveryResult, deliverOnce } from '../mail/deliver.js';
import type { Mailer } from '../mail/mailer.js';
import { kinshipReviewDue, type MailContent, returnDueSoon, returnOverdue, returnOverdueForLead, signOffOutstanding, signOffOutstandingForLead } from '../mail/templates.js';
import { ChaseRepository } from '../repositories/chase-repository.js';
import { KinshipRepository } from '../repositories/kinship-repository.js';
import { ThresholdRepository } from '../repositories/threshold-repository.js';
import { deriveStatus } from '../../shared/threshold/schema.js';
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
  kind: 'return-due-soon' | 'return-overdue' | 'sign-off-outstanding' | 'kinship-review-due';
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
  // Links open this partnership's pages.
  const pages = partnershipUrl(deps.portalUrl, pid);
  const partnershipName = data.partnership?.name ?? 'The partnership';
  const days = data.partnership?.reminderWorkingDays ?? DEFAULT_REMINDER_WORKING_DAYS;
  const headerOf = new Map(headers.map((h) => [`${h.periodId}#${h.agencyId}`, h]));
  const active = people.filter((p) => p.active);
  const leads = active.filter((p) => p.role === 'lead');

  const outcomes: ReminderOutcome[] = [];
  const deliver = async (kind: ReminderOutcome['kind'], eventKey: string, to: Recipient, content: MailContent) => {
    const result = await deliverOnce(ledger, deps.mailer, { kind, eventKey, to, content, now, stopped });
    outcomes.push({ kind, eventKey, userId: to.id, to: to.email, result });
    return result;
  };
  const chases = new ChaseRepository(deps.doc, deps.tables.main, pid);
  /** Reminds each person of an item, then records whom it reached, for the lead's tables ("Reminded automatically"). */
  const remindAll = async (item: { kind: 'return' | 'sign-off'; of: string; agencyId: string }, people: Recipient[], send: (p: Recipient) => Promise<DeliveryResult>) => {
    const reached: string[] = [];
    for (const p of people) if ((await send(p)) === 'sent') reached.push(p.name);
    if (reached.length) await chases.recordReminder({ ...item, at: now.toISOString(), sentTo: reached.sort((a, b) => a.localeCompare(b, 'en-GB')) });
  };

  for (const period of data.periods.filter((p) => p.status === 'open')) {
    // From N working days before the due date (a missed day is caught up), then once overdue.
    if (date < workingDaysBefore(period.dueDate, days)) continue;
    const overdue = date > period.dueDate;
    // The agencies that make a return for this period: a retired one only for periods it was in use during.
    for (const agencyId of reportingAgencyIds(periodScope(data, period))) {
      const header = headerOf.get(`${period.id}#${agencyId}`);
      if (isDelivered(header?.status ?? 'not-started')) continue;
      // Waiting for certification: its certifiers are reminded, not the preparers who have done their part.
      const certifying = header?.status === 'awaiting-certification' ? header.certification : null;
      const agencyName = data.agencies.find((a) => a.id === agencyId)?.name ?? agencyId;
      const kind = overdue ? 'return-overdue' : 'return-due-soon';
      const eventKey = `${kind}#${period.id}#${agencyId}`;
      const about = { partnershipName, agencyName, periodId: period.id, dueDate: period.dueDate, today: date };
      // Certifiers have a reminder of their own, even if they were reminded to prepare it before.
      const askKey = certifying ? `${eventKey}#certify` : eventKey;
      // Who has had it already: skipped with one read instead of a refused write each.
      const [sent, asked] = await Promise.all([ledger.sentTo(eventKey), certifying ? ledger.sentTo(askKey) : null]);
      const due = (people: Recipient[], key = eventKey, already = sent) =>
        people.filter((p) => {
          if (!already.has(p.id)) return true;
          outcomes.push({ kind, eventKey: key, userId: p.id, to: p.email, result: 'sent-before' });
          return false;
        });
      const askable = certifying
        ? active.filter((p) => certifyRefusal(p, agencyId, certifying.preparedBy) === null)
        : active.filter((p) => p.role === 'partner' && p.agencyId === agencyId);
      await remindAll({ kind: 'return', of: period.id, agencyId }, due(askable, askKey, asked ?? sent), (person) => {
        const reminder = {
          ...about,
          name: person.name,
          url: `${pages}/our-return/${period.id}${certifying ? '/certify' : ''}`,
          ...(certifying?.preparedByName ? { preparedByName: certifying.preparedByName } : {}),
        };
        return deliver(kind, askKey, person, overdue ? returnOverdue(reminder) : returnDueSoon(reminder));
      });
      // The lead hears once per overdue return, in an email of their own (its own ledger entry).
      if (overdue) for (const lead of due(leads)) await deliver(kind, eventKey, lead, returnOverdueForLead({ ...about, name: lead.name, url: `${pages}/returns/${period.id}` }));
    }
  }
  await remindSignOffs();
  await remindKinshipReviews();
  return outcomes;

  /**
   * A sign-off still outstanding N days after the version was issued (N per partnership, default
   * 14): the agency's signatories are reminded once; at twice N, the lead hears once.
   */
  async function remindSignOffs() {
    const record = await new ThresholdRepository(deps.doc, deps.tables.main, pid).getThresholdRecord();
    const v = record.versions.find((x) => x.id === record.config.currentVersionId);
    if (!v) return;
    const decisions = record.decisions.filter((d) => d.versionId === v.id);
    if (deriveStatus(v, decisions, true).status === 'signed-off') return;
    const issuedOn = ukDate(new Date(v.issuedAt));
    const age = daysBetween(issuedOn, date);
    const n = data.partnership?.signOffReminderDays ?? DEFAULT_SIGN_OFF_REMINDER_DAYS;
    if (age < n) return;
    for (const agencyId of v.requiredAgencyIds.filter((a) => !decisions.some((d) => d.agencyId === a))) {
      const about = {
        partnershipName,
        agencyName: data.agencies.find((a) => a.id === agencyId)?.name ?? agencyId,
        document: `${v.title} ${v.versionLabel}`,
        issuedOn,
        days: age,
        url: `${pages}/threshold`,
      };
      const eventKey = `sign-off-outstanding#${v.id}#${agencyId}`;
      const sent = await ledger.sentTo(eventKey);
      await remindAll(
        { kind: 'sign-off', of: v.id, agencyId },
        active.filter((x) => x.role === 'partner' && x.agencyId === agencyId && x.signatory && !sent.has(x.id)),
        (p) => deliver('sign-off-outstanding', eventKey, p, signOffOutstanding({ ...about, name: p.name })),
      );
      if (age >= 2 * n) {
        const leadKey = `sign-off-outstanding-lead#${v.id}#${agencyId}`;
        const told = await ledger.sentTo(leadKey);
        for (const lead of leads.filter((x) => !told.has(x.id))) await deliver('sign-off-outstanding', leadKey, lead, signOffOutstandingForLead({ ...about, name: lead.name }));
      }
    }
  }

  /** A published Kinship offer item whose review is due within 14 days (or overdue): its agency hears once per review date. */
  async function remindKinshipReviews() {
    const items = await new KinshipRepository(deps.doc, deps.tables.main, pid).listKinshipItems();
    for (const item of items.filter((i) => i.status === 'published' && i.nextReviewDue && daysBetween(date, i.nextReviewDue) <= KINSHIP_REVIEW_NOTICE_DAYS)) {
      const eventKey = `kinship-review-due#${item.id}#${item.nextReviewDue}`;
      const sent = await ledger.sentTo(eventKey);
      const agencyName = data.agencies.find((a) => a.id === item.ownerAgencyId)?.name ?? item.ownerAgencyId;
      for (const p of active.filter((x) => x.role === 'partner' && x.agencyId === item.ownerAgencyId && !sent.has(x.id)))
        await deliver(
          'kinship-review-due',
          eventKey,
          p,
          kinshipReviewDue({ partnershipName, name: p.name, agencyName, title: item.title, dueOn: item.nextReviewDue!, today: date, url: `${pages}/kinship/${item.id}` }),
        );
    }
  }
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
