import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.js';
import { Writer } from '../db/transact.js';
import { type MailStop, MailStopRepository } from '../repositories/mail-stop-repository.js';
import { PlatformRepository } from '../repositories/platform-repository.js';
import { inEachPartnership, PartnershipJobsFailed } from './every-partnership.js';

/**
 * Amazon SES bounce and complaint events (published by the configuration set to an SNS topic): a
 * permanent bounce or a complaint stops all mail to that address in every partnership where it is
 * a person (one SES sender serves them all, and its reputation with it), audited in each, and each
 * partnership's lead sees it (people list, needs your attention) to put the address right.
 * Transient bounces (a full mailbox) change nothing: SES retries those itself.
 */
export interface SesEvent {
  eventType?: string;
  notificationType?: string;
  bounce?: { bounceType?: string; bounceSubType?: string; bouncedRecipients?: { emailAddress?: string }[]; timestamp?: string };
  complaint?: { complaintFeedbackType?: string; complainedRecipients?: { emailAddress?: string }[]; timestamp?: string };
}

export interface SesEventDeps {
  doc: DynamoDBDocumentClient;
  tables: Config['tables'];
}

/** A stop recorded in one partnership. */
export interface RecordedStop extends MailStop {
  partnershipId: string;
}

/** The stops an event asks for (none for a transient bounce or anything else). */
export function stopsOf(event: SesEvent, now: Date): MailStop[] {
  const type = event.eventType ?? event.notificationType;
  const addresses = (list: { emailAddress?: string }[] | undefined) =>
    (list ?? []).map((r) => r.emailAddress?.trim().toLowerCase() ?? '').filter((a) => /^[^\s@]+@[^\s@]+$/.test(a));
  if (type === 'Bounce' && event.bounce?.bounceType === 'Permanent') {
    const at = event.bounce.timestamp ?? now.toISOString();
    return addresses(event.bounce.bouncedRecipients).map((email) => ({ email, reason: 'bounce', at, detail: `Permanent/${event.bounce?.bounceSubType ?? 'General'}` }));
  }
  if (type === 'Complaint') {
    const at = event.complaint?.timestamp ?? now.toISOString();
    return addresses(event.complaint?.complainedRecipients).map((email) => ({ email, reason: 'complaint', at, detail: event.complaint?.complaintFeedbackType ?? 'complaint' }));
  }
  return [];
}

const SES = { userId: 'amazon-ses', email: 'amazon-ses', name: 'Amazon SES', role: 'system', agencyId: null };

/**
 * Records the stops the events ask for in each partnership where the address has a person record
 * (any status); partnerships where it has none are untouched, and so is an address that is no
 * one's. An address already stopped there for the same reason is left as it is, so a redelivered
 * event records nothing twice. A partnership whose write fails does not stop the others: the
 * failure is thrown once all have had their turn (SNS delivers the message again).
 */
export async function recordSesEvents(deps: SesEventDeps, events: SesEvent[], now = new Date()): Promise<RecordedStop[]> {
  const stops = events.flatMap((e) => stopsOf(e, now));
  const holders = await new PlatformRepository(deps.doc, deps.tables.main).partnershipsWithPersonRecord(stops.map((s) => s.email));
  const stopsIn = new Map<string, MailStop[]>();
  for (const stop of stops) for (const pid of holders.get(stop.email) ?? []) stopsIn.set(pid, [...(stopsIn.get(pid) ?? []), stop]);
  const nobodys = stops.filter((s) => !holders.get(s.email)?.length).length;
  if (nobodys) console.log(`${nobodys} bounced or complaining address(es) are no partnership's person: nothing to stop.`);
  const runs = await inEachPartnership([...stopsIn.keys()], (pid) => recordIn(deps, pid, stopsIn.get(pid) ?? [], now));
  if (runs.failed.length) throw new PartnershipJobsFailed('Recording bounces and complaints', runs.failed);
  return runs.done.flatMap((r) => r.value.map((stop) => ({ ...stop, partnershipId: r.partnershipId })));
}

/** One partnership's stops, each with its audit event in that partnership's trail. */
async function recordIn(deps: SesEventDeps, pid: string, stops: MailStop[], now: Date): Promise<MailStop[]> {
  const repo = new MailStopRepository(deps.doc, deps.tables.main, pid);
  const writer = new Writer(deps.doc, deps.tables.audit, pid);
  const existing = new Map((await repo.list()).map((s) => [s.email, s.reason]));
  const recorded: MailStop[] = [];
  for (const stop of stops) {
    if (existing.get(stop.email) === stop.reason) continue;
    await writer.write(
      [repo.stopOp(stop)],
      {
        action: 'mail.stop',
        entityType: 'mail-address',
        entityId: stop.email,
        summary:
          stop.reason === 'bounce'
            ? 'Email to this address bounced for good: the portal no longer sends to it'
            : 'The owner of this address reported the portal’s email as spam: the portal no longer sends to it',
        meta: { detail: stop.detail },
      },
      { actor: SES, requestId: 'ses-event', now },
    );
    existing.set(stop.email, stop.reason);
    recorded.push(stop);
  }
  return recorded;
}

/** An SNS delivery of SES events, as Lambda receives it. */
export interface SnsEvent {
  Records?: { Sns?: { Message?: string } }[];
}

/**
 * The Lambda handler for SES events through SNS; `stopped` counts the stops recorded, one per
 * address and partnership. A message that is not JSON is logged and skipped (SNS would deliver it
 * again for ever otherwise); a database failure throws, so SNS retries.
 */
export function createSesEventsHandler(deps: SesEventDeps, now: () => Date = () => new Date()) {
  return async (event: SnsEvent): Promise<{ stopped: number }> => {
    const events: SesEvent[] = [];
    for (const record of event.Records ?? []) {
      try {
        events.push(JSON.parse(record.Sns?.Message ?? '') as SesEvent);
      } catch {
        console.warn('Skipped an SES event that is not JSON.');
      }
    }
    const stopped = await recordSesEvents(deps, events, now());
    // Reasons and partnerships, never addresses: this goes to logs.
    if (stopped.length) console.log(`Recorded ${stopped.length} mail stop(s): ${stopped.map((s) => `${s.reason} in ${s.partnershipId}`).join(', ')}.`);
    return { stopped: stopped.length };
  };
}
