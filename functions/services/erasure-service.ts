import type { Principal } from '../auth/tokens.js';
import type { WriteContext, Writer } from '../db/transact.js';
import { Forbidden, NotFound, Unprocessable } from '../http/errors.js';
import { AUDIT_TEXT_ATTRIBUTES, KEY_ATTRIBUTES, type ErasureRepository } from '../repositories/erasure-repository.js';
import { eraseText, type EraseRequest, type ErasureResult } from '../../shared/pii/erasure.js';
import type { TrackerSummaryRepository } from '../repositories/tracker-summary-repository.js';

/**
 * Erasure of personal data that slipped through (before the personal-data rule, or confirmed and
 * later found to be wrong): the text becomes "[removed]" in the record, in every earlier revision
 * and in the audit events that carried it. The erasure event says who, when, which field and why;
 * never the text.
 */
export class ErasureService {
  constructor(
    private readonly repo: ErasureRepository,
    private readonly writer: Writer,
    private readonly trackerViews?: Pick<TrackerSummaryRepository, 'dropViews'>,
  ) {}

  async erase(user: Principal, input: EraseRequest, ctx: WriteContext): Promise<ErasureResult> {
    if (user.role !== 'lead') throw new Forbidden('Only the programme lead erases personal data.');
    const items = await this.repo.listItemsOfEntity(input.entityType, input.entityId);
    if (!items.length) throw new NotFound(`There is no ${input.entityType} ${input.entityId}.`);
    const [ownEvents, elsewhere] = await Promise.all([
      this.repo.listAuditEventsOfEntity(input.entityType, input.entityId),
      // A yearly report quotes records (its own erasure reaches it as the record itself).
      input.entityType === 'yearly-report' ? { reports: [], events: [] } : this.repo.listReportsWithEvents(),
    ]);

    let recordReplacements = 0;
    const changed = items.map((item) => {
      const { value, count } = eraseText(item, input.text, KEY_ATTRIBUTES);
      recordReplacements += count;
      return { value, count };
    });
    // A report quotes words with their spacing run together: the text is looked for as written and so.
    const quoted = [...new Set([input.text, input.text.replace(/\s+/g, ' ').trim()])];
    const eraseQuoted = <T>(value: T, skip?: ReadonlySet<string>) =>
      quoted.reduce(
        (acc, text) => {
          const next = eraseText(acc.value, text, skip);
          return { value: next.value, count: acc.count + next.count };
        },
        { value, count: 0 },
      );
    const reports = elsewhere.reports.map((r) => eraseQuoted(r, KEY_ATTRIBUTES)).filter((r) => r.count > 0);
    recordReplacements += reports.reduce((n, r) => n + r.count, 0);
    const eraseInEvent = (event: Record<string, unknown>, erase: (v: Record<string, unknown>) => { value: Record<string, unknown>; count: number }) => {
      const text = Object.fromEntries(AUDIT_TEXT_ATTRIBUTES.filter((a) => event[a] !== undefined).map((a) => [a, event[a]]));
      const { value, count } = erase(text);
      return { event: { ...event, ...value }, count };
    };
    const erasedEvents = [...ownEvents.map((e) => eraseInEvent(e, (v) => eraseText(v, input.text))), ...elsewhere.events.map((e) => eraseInEvent(e, (v) => eraseQuoted(v)))].filter(
      (e) => e.count > 0,
    );
    if (recordReplacements === 0 && erasedEvents.length === 0) {
      throw new Unprocessable('The text was not found in this record, its earlier versions or its history. Copy it exactly as it appears and try again.', [
        { path: 'text', message: 'Enter the text exactly as it appears in the record' },
      ]);
    }
    // Every versioned item moves on a version even if only its parts changed, so a form opened
    // before the erasure cannot save the text back (it gets 412 and reloads); a report only where the text was.
    const rewrite = [...changed.filter((c, i) => c.count > 0 || typeof items[i]!.version === 'number').map((c) => c.value), ...reports.map((r) => r.value)];
    const room = this.writer.room(input.entityType);
    if (rewrite.length > room) throw new Unprocessable(`This record has ${rewrite.length} stored parts; erasure handles up to ${room} at once.`);
    const event = await this.writer.write(
      rewrite.map((item) => this.repo.rewriteOp(item)),
      {
        action: 'personal-data.erase',
        entityType: input.entityType,
        entityId: input.entityId,
        summary: `Erased personal data from ${input.field}`,
        meta: {
          field: input.field,
          reason: input.reason,
          recordReplacements,
          auditEvents: erasedEvents.length,
          ...(reports.length ? { yearlyReports: reports.map((r) => String(r.value.id)) } : {}),
        },
      },
      ctx,
    );
    // The audit events after the record: if this stops part-way, erasing again finishes the job.
    for (const { event: e } of erasedEvents) await this.repo.eraseInAuditEvent(e, event.eventId);
    // The tracker's stored views may quote the text (risks, escalations): they are worked out again when next read.
    await this.trackerViews?.dropViews();
    return { entityType: input.entityType, entityId: input.entityId, field: input.field, recordReplacements, auditEvents: erasedEvents.length, eventId: event.eventId };
  }
}
