import { partnershipUrl } from '../../shared/partnership/paths.js';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ukDate } from '../../shared/periods/period.js';
import type { Config } from '../config.js';
import { type DeliveryResult, deliverOnce } from '../mail/deliver.js';
import type { Mailer } from '../mail/mailer.js';
import { weeklySummary } from '../mail/templates.js';
import { MailStopRepository } from '../repositories/mail-stop-repository.js';
import { NotificationRepository } from '../repositories/notification-repository.js';
import { PartnershipRepository } from '../repositories/partnership-repository.js';
import { PreferenceRepository } from '../repositories/preference-repository.js';
import { UserRepository } from '../repositories/user-repository.js';

/**
 * The weekly summary (Mondays, with the morning's reminders): one email per person listing the
 * notifications they chose to get that way, oldest first. Each summary goes once per person per
 * day through the ledger; its entries are removed once it has gone (or can never go: the person was
 * deactivated or their address stopped), so a failed send is tried again by the next run.
 */
export interface DigestDeps {
  doc: DynamoDBDocumentClient;
  tables: Config['tables'];
  partnershipId: string;
  mailer: Mailer;
  portalUrl: string;
}

export async function runDigest(deps: DigestDeps, now = new Date()): Promise<{ userId: string; items: number; result: DeliveryResult | 'inactive' }[]> {
  const pid = deps.partnershipId;
  const preferences = new PreferenceRepository(deps.doc, deps.tables.main, pid);
  const entries = await preferences.digest();
  if (entries.length === 0) return [];
  const [people, stopped, partnership] = await Promise.all([
    new UserRepository(deps.doc, deps.tables.main, pid).listRecipients(),
    new MailStopRepository(deps.doc, deps.tables.main, pid).addresses(),
    new PartnershipRepository(deps.doc, deps.tables.main, pid).getPartnership(),
  ]);
  const ledger = new NotificationRepository(deps.doc, deps.tables.main, pid);
  const day = ukDate(now);
  const out: { userId: string; items: number; result: DeliveryResult | 'inactive' }[] = [];
  for (const userId of [...new Set(entries.map((e) => e.userId))]) {
    const mine = entries.filter((e) => e.userId === userId).sort((a, b) => a.at.localeCompare(b.at));
    const person = people.find((p) => p.id === userId && p.active);
    let result: DeliveryResult | 'inactive' = 'inactive';
    if (person) {
      const content = weeklySummary({
        partnershipName: partnership?.name ?? 'safeguarding partnership',
        name: person.name,
        lines: mine.map((e) => ({ text: e.line, url: e.url })),
        settingsUrl: `${partnershipUrl(deps.portalUrl, pid)}/settings/notifications`,
      });
      result = await deliverOnce(ledger, deps.mailer, { kind: 'weekly-summary', eventKey: `weekly-summary#${day}`, to: person, content, now, stopped });
    }
    if (result !== 'failed' && result !== 'in-flight') for (const e of mine) await preferences.removeFromDigest(e);
    out.push({ userId, items: mine.length, result });
  }
  return out;
}
