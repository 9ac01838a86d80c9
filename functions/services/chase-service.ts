import { type AutomaticReminderView, type ChaseKind, type ChaseView, chaseKey } from '../../shared/chase/schema.js';
import { isDelivered, periodLongLabel, ukDate } from '../../shared/periods/period.js';
import type { Me } from '../../shared/auth/roles.js';
import { certifyRefusal } from '../../shared/returns/rules.js';
import { listOf } from '../../shared/text/plural.js';
import { periodScope, reportingAgencyIds } from '../../shared/partnership/period-scope.js';
import type { WriteContext, Writer } from '../db/transact.js';
import { NotFound, ServiceUnavailable, TooManyRequests, Unprocessable } from '../domain/errors.js';
import { deliverOnce } from '../mail/deliver.js';
import type { Mailer } from '../mail/mailer.js';
import { type MailContent, returnChased, signOffChased } from '../mail/templates.js';
import type { ChaseRepository } from '../repositories/chase-repository.js';
import type { MailStopRepository } from '../repositories/mail-stop-repository.js';
import type { NotificationRepository } from '../repositories/notification-repository.js';
import type { PartnershipRepository } from '../repositories/partnership-repository.js';
import type { ReturnRepository } from '../repositories/return-repository.js';
import type { Recipient, UserRepository } from '../repositories/user-repository.js';
import type { ThresholdService } from './threshold-service.js';

export interface ChaseDeps {
  chases: ChaseRepository;
  mailStops: MailStopRepository;
  ledger: NotificationRepository;
  users: UserRepository;
  partnership: PartnershipRepository;
  returns: ReturnRepository;
  threshold: ThresholdService;
  writer: Writer;
  mailer: Mailer;
  portalUrl: string;
}

/** Seconds from `now` to the next UK midnight (when the item can be chased again), at least a minute. */
function untilTomorrow(now: Date): number {
  const today = ukDate(now);
  let t = now.getTime();
  // Step to the next UK day by the hour, then back to its first minute: clocks change at 01:00 UTC, never at midnight.
  while (ukDate(new Date(t)) === today) t += 3_600_000;
  while (ukDate(new Date(t - 60_000)) !== today) t -= 60_000;
  return Math.max(60, Math.ceil((t - now.getTime()) / 1000));
}

/**
 * The lead's chase button on an outstanding return or sign-off: one reminder now to the people who
 * can act on it, at most once a UK day per item. The emails go first, each at most once per person
 * per day through the notification ledger (two leads pressing at once send one each); then the chase
 * is recorded with who was emailed, in one transaction with its audit event. If nobody could be
 * emailed nothing is recorded, so the lead can try again at once.
 */
export class ChaseService {
  constructor(private readonly d: ChaseDeps) {}

  /** The lead's chases and the daily job's reminders of a period's returns or a version's sign-offs: two Queries. */
  async list(kind: ChaseKind, of: string): Promise<{ chases: ChaseView[]; reminders: AutomaticReminderView[] }> {
    const [chases, reminders] = await Promise.all([this.d.chases.list(kind, of), this.d.chases.listReminders(kind, of)]);
    return { chases, reminders };
  }

  async chaseReturn(actor: Me, periodId: string, agencyId: string, ctx: WriteContext): Promise<ChaseView> {
    const data = await this.d.partnership.getPartnershipData();
    const period = data.periods.find((p) => p.id === periodId);
    const agency = data.agencies.find((a) => a.id === agencyId);
    if (!period || !agency) throw new NotFound(`There is no return for ${agencyId} in ${periodId}.`);
    if (period.status !== 'open') throw new Unprocessable(`${periodLongLabel(periodId)} is closed: there is nothing to chase.`);
    if (!reportingAgencyIds(periodScope(data, period)).includes(agencyId))
      throw new Unprocessable(`${agency.name} makes no return for ${periodLongLabel(periodId)}: there is nothing to chase.`);
    const { header } = await this.d.returns.getReturn(periodId, agencyId);
    if (header && isDelivered(header.status)) throw new Unprocessable(`${agency.name} has already submitted this return: there is nothing to chase.`);
    const today = ukDate(ctx.now);
    const partnershipName = data.partnership?.name ?? 'The partnership';
    // Waiting for certification: the chase goes to those who can certify it, not the preparers.
    const certifying = header?.status === 'awaiting-certification' ? header.certification : null;
    return this.chase(actor, { kind: 'return', of: periodId, agencyId, what: `${agency.name}’s return for ${periodLongLabel(periodId)}` }, ctx, {
      recipients: (people) =>
        certifying ? people.filter((p) => certifyRefusal(p, agencyId, certifying.preparedBy) === null) : people.filter((p) => p.role === 'partner' && p.agencyId === agencyId),
      nobody: certifying
        ? `Nobody at ${agency.name} but the person who prepared the return can certify it. Ask ${agency.name} to make another person a signatory, or invite one.`
        : `Nobody at ${agency.name} can prepare the return yet. Invite someone from ${agency.name} first.`,
      content: (to) =>
        returnChased({
          partnershipName,
          name: to.name,
          agencyName: agency.name,
          periodId,
          dueDate: period.dueDate,
          today,
          url: `${this.d.portalUrl}/our-return/${periodId}${certifying ? '/certify' : ''}`,
          chasedBy: actor.name,
          ...(certifying?.preparedByName ? { preparedByName: certifying.preparedByName } : {}),
        }),
    });
  }

  async chaseSignOff(actor: Me, versionId: string, agencyId: string, ctx: WriteContext): Promise<ChaseView> {
    const [data, version] = await Promise.all([this.d.partnership.getPartnershipData(), this.d.threshold.get(versionId)]);
    const agency = data.agencies.find((a) => a.id === agencyId);
    if (!agency || !version.requiredAgencyIds.includes(agencyId)) throw new NotFound(`${agency?.name ?? agencyId} does not sign version ${version.versionLabel}.`);
    if (version.status === 'superseded') throw new Unprocessable(`Version ${version.versionLabel} has been replaced by a newer one: there is nothing to chase.`);
    if (version.decisions.some((d) => d.agencyId === agencyId))
      throw new Unprocessable(`${agency.name} has already decided on version ${version.versionLabel}: there is nothing to chase.`);
    const partnershipName = data.partnership?.name ?? 'The partnership';
    const document = `${version.title} ${version.versionLabel}`;
    return this.chase(actor, { kind: 'sign-off', of: versionId, agencyId, what: `${agency.name}’s sign-off of ${document}` }, ctx, {
      recipients: (people) => people.filter((p) => p.role === 'partner' && p.agencyId === agencyId && p.signatory),
      nobody: `Nobody signs for ${agency.name} yet. Make one of its partner agency officers a signatory first.`,
      content: (to) =>
        signOffChased({
          partnershipName,
          name: to.name,
          agencyName: agency.name,
          chasedBy: actor.name,
          document,
          issuedOn: ukDate(new Date(version.issuedAt)),
          url: `${this.d.portalUrl}/threshold`,
        }),
    });
  }

  private async chase(
    actor: Me,
    item: { kind: ChaseKind; of: string; agencyId: string; what: string },
    ctx: WriteContext,
    how: { recipients: (people: Recipient[]) => Recipient[]; nobody: string; content: (to: Recipient) => MailContent },
  ): Promise<ChaseView> {
    const day = ukDate(ctx.now);
    const again = () => new TooManyRequests(untilTomorrow(ctx.now), `${item.what} has already been chased today. You can chase it again tomorrow.`);
    const last = (await this.d.chases.list(item.kind, item.of)).find((c) => c.agencyId === item.agencyId);
    if (last?.day === day) throw again();
    // By name, as the chase record and the lead's page list them.
    const to = how.recipients((await this.d.users.listRecipients()).filter((p) => p.active)).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    if (to.length === 0) throw new Unprocessable(how.nobody);

    const eventKey = `chase#${chaseKey(item.kind, item.of, item.agencyId)}#${day}`;
    const stopped = await this.d.mailStops.addresses();
    const sentTo: string[] = [];
    const notSent: string[] = [];
    const undeliverable: string[] = [];
    for (const person of to) {
      const result = await deliverOnce(this.d.ledger, this.d.mailer, { kind: `${item.kind}-chase`, eventKey, to: person, content: how.content(person), now: ctx.now, stopped });
      (result === 'sent' || result === 'sent-before' ? sentTo : notSent).push(person.name);
      if (result === 'stopped') undeliverable.push(person.name);
    }
    if (sentTo.length === 0 && undeliverable.length === to.length)
      throw new Unprocessable(
        `Email to ${listOf(undeliverable)} is not being delivered: the address bounced, or they reported the portal’s email as spam. Check the address on the People page.`,
      );
    if (sentTo.length === 0) throw new ServiceUnavailable('The reminder email could not be sent. Nothing was recorded: try again in a few minutes.');

    const chase: ChaseView = { kind: item.kind, of: item.of, agencyId: item.agencyId, at: ctx.now.toISOString(), day, by: actor.name, sentTo, notSent };
    await this.d.writer.write(
      [this.d.chases.recordOp(chase, again)],
      {
        action: item.kind === 'return' ? 'return.chase' : 'threshold.chase',
        entityType: item.kind === 'return' ? 'return' : 'threshold-document',
        entityId: item.kind === 'return' ? `${item.of}/${item.agencyId}` : item.of,
        summary: `Chased ${item.what}: emailed ${listOf(sentTo)}${notSent.length ? ` (not sent to ${listOf(notSent)})` : ''}`,
      },
      ctx,
    );
    return chase;
  }
}
