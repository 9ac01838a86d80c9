import type { Mailer } from './mailer.js';
import type { MailContent } from './templates.js';
import type { ClaimRefusal, NotificationRepository } from '../repositories/notification-repository.js';

/** What happened to one email: sent now, failed (tried again later), refused by the ledger, or not sent to an address that bounced or complained. */
export type DeliveryResult = 'sent' | 'failed' | 'stopped' | ClaimRefusal;

/**
 * Sends one email at most once per person per event: the ledger is claimed before sending (so two
 * runs never both send), then the outcome recorded under that claim. A failed send stays in the
 * ledger with its attempts, so a later try sends it; one that SES accepted is never sent again.
 */
export async function deliverOnce(
  ledger: NotificationRepository,
  mailer: Mailer,
  m: { kind: string; eventKey: string; to: { id: string; email: string }; content: MailContent; now: Date; stopped?: ReadonlySet<string> },
): Promise<DeliveryResult> {
  // An address that bounced for good, or whose owner complained, gets nothing (SES would suspend a sender that keeps trying).
  if (m.stopped?.has(m.to.email.toLowerCase())) return 'stopped';
  const claim = await ledger.claim(m.eventKey, m.to.id, { kind: m.kind, email: m.to.email, now: m.now });
  if (!claim.claimed) return claim.why;
  let messageId: string;
  try {
    ({ messageId } = await mailer.send({ to: [m.to.email], ...m.content }));
  } catch (err) {
    await ledger.markFailed(m.eventKey, m.to.id, claim.claimId, err instanceof Error ? err.message : String(err), m.now);
    return 'failed';
  }
  // Outside the try: once SES has accepted the message it must never be marked failed (and sent
  // again). If this write fails, the claim stays "sending" and the caller sees the error.
  await ledger.markSent(m.eventKey, m.to.id, claim.claimId, messageId, m.now);
  return 'sent';
}
