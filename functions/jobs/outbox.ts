import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { partnershipUrl, publicApiPath } from '../../shared/partnership/paths.js';
import { periodScope, reportingAgencyIds } from '../../shared/partnership/period-scope.js';
import { formatDayLong, periodLongLabel } from '../../shared/periods/period.js';
import type { Config } from '../config.js';
import { type DeliveryResult, deliverOnce } from '../mail/deliver.js';
import { type EventMail, eventLine, eventMail } from '../mail/event-templates.js';
import { isOptionalKind } from '../../shared/notifications/kinds.js';
import { PreferenceRepository } from '../repositories/preference-repository.js';
import type { Mailer } from '../mail/mailer.js';
import type { NotificationKind } from '../notify/events.js';
import { KinshipRepository } from '../repositories/kinship-repository.js';
import { MailStopRepository } from '../repositories/mail-stop-repository.js';
import { NotificationRepository } from '../repositories/notification-repository.js';
import { type OutboxEntry, OutboxRepository } from '../repositories/outbox-repository.js';
import { PartnershipRepository } from '../repositories/partnership-repository.js';
import { ReadinessRepository } from '../repositories/readiness-repository.js';
import { ReturnRepository } from '../repositories/return-repository.js';
import { certifyRefusal } from '../../shared/returns/rules.js';
import { ThresholdRepository } from '../repositories/threshold-repository.js';
import { type Recipient, UserRepository } from '../repositories/user-repository.js';

/**
 * The outbox job (issue 12): sends the notifications that changes queued in their own transactions
 * (functions/notify/events.ts), each once per person per event through the ledger. An entry goes
 * once everyone has been told; one with failed sends waits (1, 2, 4… minutes, up to an hour) and
 * is tried again, up to the ledger's attempts. Run every minute: by EventBridge Scheduler in AWS,
 * by `npm start` locally; tests run it directly.
 */
export interface OutboxDeps {
  doc: DynamoDBDocumentClient;
  tables: Config['tables'];
  partnershipId: string;
  mailer: Mailer;
  portalUrl: string;
}

export interface OutboxOutcome {
  kind: NotificationKind;
  eventId: string;
  userId: string;
  /** Sent (or not) now; `off`: the person turned this kind off; `digest`: kept for their weekly summary. */
  result: DeliveryResult | 'off' | 'digest';
}

/** What a notification is about and who hears it: the addressees, and the words for each. */
interface Message {
  to: Recipient[];
  mail: Omit<EventMail, 'name' | 'partnershipName' | 'actorName'>;
}

export async function runOutbox(deps: OutboxDeps, now: Date = new Date()): Promise<OutboxOutcome[]> {
  const pid = deps.partnershipId;
  const outbox = new OutboxRepository(deps.doc, deps.tables.main, pid);
  const due = (await outbox.pending()).filter((e) => e.notBefore <= now.toISOString());
  if (due.length === 0) return [];
  const preferences = new PreferenceRepository(deps.doc, deps.tables.main, pid);
  const [data, people, stopped, choices] = await Promise.all([
    new PartnershipRepository(deps.doc, deps.tables.main, pid).getPartnershipData(),
    new UserRepository(deps.doc, deps.tables.main, pid).listRecipients(),
    new MailStopRepository(deps.doc, deps.tables.main, pid).addresses(),
    preferences.all(),
  ]);
  const ledger = new NotificationRepository(deps.doc, deps.tables.main, pid);
  const active = people.filter((p) => p.active);
  const leads = active.filter((p) => p.role === 'lead');
  const partnersOf = (agencyId: string) => active.filter((p) => p.role === 'partner' && p.agencyId === agencyId);
  const agencyName = (id: string) => data.agencies.find((a) => a.id === id)?.name ?? id;
  const partnershipName = data.partnership?.name ?? 'The partnership';
  // Links open this partnership's pages; a mail client's one-click unsubscribe goes to its public API.
  const url = (path: string) => `${partnershipUrl(deps.portalUrl, pid)}${path}`;

  /** Who hears of the change, and what it is about. Null when the record has gone meanwhile. */
  async function messageOf(e: OutboxEntry): Promise<Message | null> {
    const [a, b] = e.entityId.split('/') as [string, string | undefined];
    switch (e.kind) {
      case 'period-opened': {
        const period = data.periods.find((p) => p.id === e.entityId);
        if (!period) return null;
        // One message per agency: each agency's own return.
        const reporting = reportingAgencyIds(periodScope(data, period));
        return { to: reporting.flatMap(partnersOf), mail: { about: periodLongLabel(period.id), dueDate: formatDayLong(period.dueDate), url: url(`/our-return/${period.id}`) } };
      }
      case 'return-awaiting-certification':
      case 'return-sent-back': {
        // Who: the signatories who can certify it, or the person who prepared it. Nobody once it has moved on.
        const header = await new ReturnRepository(deps.doc, deps.tables.main, pid).getReturnHeader(a, b ?? '');
        const preparedBy = header?.certification?.preparedBy ?? null;
        if (!header || !preparedBy) return null;
        const awaiting = e.kind === 'return-awaiting-certification';
        if (awaiting && header.status !== 'awaiting-certification') return null;
        const to = awaiting ? active.filter((p) => certifyRefusal(p, b ?? '', preparedBy) === null) : active.filter((p) => p.email.toLowerCase() === preparedBy.toLowerCase());
        return { to, mail: { agencyName: agencyName(b ?? ''), about: periodLongLabel(a), url: url(awaiting ? `/our-return/${a}/certify` : `/our-return/${a}`) } };
      }
      case 'return-submitted':
        return { to: leads, mail: { agencyName: agencyName(b ?? ''), about: periodLongLabel(a), url: url(`/returns/${a}/${b}`) } };
      case 'return-returned':
      case 'return-reopened':
      case 'return-accepted':
        return { to: partnersOf(b ?? ''), mail: { agencyName: agencyName(b ?? ''), about: periodLongLabel(a), url: url(`/our-return/${a}`) } };
      case 'threshold-issued': {
        const { versions } = await new ThresholdRepository(deps.doc, deps.tables.main, pid).getThresholdRecord();
        const v = versions.find((x) => x.id === e.entityId);
        if (!v) return null;
        return {
          to: active.filter((p) => p.role === 'partner' && p.signatory && v.requiredAgencyIds.includes(p.agencyId ?? '')),
          mail: { about: `${v.title} ${v.versionLabel}`, url: url('/threshold') },
        };
      }
      case 'kinship-waiting':
      case 'kinship-returned': {
        const item = await new KinshipRepository(deps.doc, deps.tables.main, pid).getKinshipItem(e.entityId);
        if (!item) return null;
        const to = e.kind === 'kinship-waiting' ? leads : partnersOf(item.ownerAgencyId);
        return { to, mail: { agencyName: agencyName(item.ownerAgencyId), about: item.title, url: url(`/kinship/${item.id}`) } };
      }
      case 'readiness-challenged':
      case 'readiness-answered': {
        const criterion = await new ReadinessRepository(deps.doc, deps.tables.main, pid).findCriterion(a);
        if (!criterion || !b) return null;
        const to = e.kind === 'readiness-challenged' ? partnersOf(b) : leads;
        return { to, mail: { agencyName: agencyName(b), about: criterion.title, url: url(`/readiness/${criterion.workstreamId}/${criterion.id}/${b}`) } };
      }
    }
  }

  const outcomes: OutboxOutcome[] = [];
  for (const entry of due) {
    const message = await messageOf(entry);
    const results: DeliveryResult[] = [];
    for (const person of message?.to ?? []) {
      // A period opening: each agency's people hear of their own agency's return.
      const mail = entry.kind === 'period-opened' ? { ...message!.mail, agencyName: agencyName(person.agencyId ?? '') } : message!.mail;
      const kind = entry.kind;
      const optional = isOptionalKind(kind);
      const choice = optional ? (choices.get(person.id)?.[kind] ?? 'immediately') : 'immediately';
      const words = {
        ...mail,
        partnershipName,
        name: person.name,
        actorName: entry.actorName,
        ...(optional && person.unsubscribeKey
          ? {
              unsubscribeUrl: url(`/unsubscribe#token=${person.id}.${kind}.${person.unsubscribeKey}`),
              oneClickUrl: `${deps.portalUrl}${publicApiPath(pid)}/unsubscribe/one-click?token=${encodeURIComponent(`${person.id}.${kind}.${person.unsubscribeKey}`)}`,
            }
          : {}),
      };
      let result: OutboxOutcome['result'];
      if (choice === 'off') result = 'off';
      else if (choice === 'digest' && optional) {
        await preferences.addToDigest({ userId: person.id, at: entry.at, eventId: entry.eventId, kind, line: eventLine(kind, words), url: words.url });
        result = 'digest';
      } else result = await deliverOnce(ledger, deps.mailer, { kind, eventKey: `${kind}#${entry.eventId}`, to: person, content: eventMail(kind, words), now, stopped });
      if (result !== 'off' && result !== 'digest') results.push(result);
      outcomes.push({ kind, eventId: entry.eventId, userId: person.id, result });
    }
    // Failed sends (and sends another run has in hand) are tried again; the rest is done.
    if (results.some((r) => r === 'failed' || r === 'in-flight')) await outbox.later(entry, new Date(now.getTime() + Math.min(60, 2 ** entry.attempts) * 60_000));
    else await outbox.remove(entry);
  }
  return outcomes;
}
