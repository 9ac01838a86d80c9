import type { Principal } from '../auth/tokens.js';
import type { PartnershipData, PartnershipRepository } from '../repositories/partnership-repository.js';
import type { ReturnHeader, ReturnRepository, StoredSection } from '../repositories/return-repository.js';
import { assertVersion, type ExpectedVersion } from '../repositories/version-guard.js';
import type { Writer, WriteContext } from '../db/transact.js';
import { Conflict, Forbidden, NotFound, Unprocessable, ValidationFailed } from '../http/errors.js';
import type { FieldError } from '../../shared/http/problem.js';
import { scanFields, BLOCKING_KINDS, type Warning } from '../../shared/pii/detect.js';
import { isOverdue, periodLongLabel, ukDate, type Period } from '../../shared/periods/period.js';
import { canTransition, carryForward, certifyRefusal, isEditable, nextStatus, submitErrors, sectionProgress } from '../../shared/returns/rules.js';
import {
  RETURN_STATUS_LABELS,
  type ReturnCertification,
  type ReturnListRow,
  type ReturnSectionInput,
  type SaveReturnRequest,
  type SubmitRequest,
} from '../../shared/returns/schema.js';
import type { UserRepository } from '../repositories/user-repository.js';
import { diffSections } from './return-diff.js';
import { noChanges } from '../../shared/audit/changes.js';

/** What the API answers for one return (field names are the public contract). */
export interface ReturnView {
  periodId: string;
  agencyId: string;
  status: 'not-started' | ReturnHeader['status'];
  version: number;
  dueDate: string;
  overdue: boolean;
  requiredWorkstreamIds: string[];
  sections: (Omit<StoredSection, 'periodId' | 'agencyId'> & { progress: 'not-started' | 'in-progress' | 'completed' })[];
  review: ReturnHeader['review'];
  submittedBy: string | null;
  submittedAt: string | null;
  acceptedBy: string | null;
  acceptedAt: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
  submittedByName: string | null;
  acceptedByName: string | null;
  updatedByName: string | null;
  warnings: Warning[];
  reopened: ReturnHeader['reopened'] | null;
  certificationRequired: boolean;
  certification: ReturnCertification | null;
  certifiers?: string[];
}

/**
 * Quarterly returns: partners draft and submit (where the partnership requires it, a signatory at
 * the agency certifies first); the lead accepts or returns them.
 */
export class ReturnsService {
  constructor(
    private readonly returns: ReturnRepository,
    private readonly partnership: PartnershipRepository,
    private readonly writer: Writer,
    private readonly users: Pick<UserRepository, 'listRecipients'>,
  ) {}

  private async context(periodId: string, agencyId?: string) {
    const data = await this.partnership.getPartnershipData();
    const period = data.periods.find((p) => p.id === periodId);
    if (!period) throw new NotFound(`There is no reporting period ${periodId}.`);
    if (agencyId !== undefined && !data.agencies.some((a) => a.id === agencyId)) throw new NotFound(`There is no agency ${agencyId} in this partnership.`);
    return { data, period };
  }

  /** Workstreams the agency reports on, in programme order. */
  requiredWorkstreamIds(data: PartnershipData, agencyId: string): string[] {
    return data.workstreams.filter((w) => w.contributingAgencyIds.includes(agencyId)).map((w) => w.id);
  }

  private assertCanRead(user: Principal, agencyId: string) {
    if (user.role === 'partner' && user.agencyId !== agencyId) {
      throw new Forbidden("You can only see your own agency's return.");
    }
  }

  private assertCanEdit(user: Principal, agencyId: string) {
    if (user.role === 'executive') throw new Forbidden('Partnership executives can read returns but not change them.');
    if (user.role === 'lead') throw new Forbidden("The programme lead reviews returns but cannot change an agency's answers. Return it with a comment instead.");
    if (user.agencyId !== agencyId) throw new Forbidden("You can only change your own agency's return.");
  }

  async list(user: Principal, periodId: string, now = new Date()): Promise<ReturnListRow[]> {
    const { data, period } = await this.context(periodId);
    const headers = await this.returns.listReturnsForPeriod(periodId);
    const byAgency = new Map(headers.map((h) => [h.agencyId, h]));
    const today = ukDate(now);
    return data.agencies
      .filter((a) => user.role !== 'partner' || a.id === user.agencyId)
      .filter((a) => this.requiredWorkstreamIds(data, a.id).length > 0)
      .map((a) => {
        const h = byAgency.get(a.id);
        const status = h?.status ?? 'not-started';
        return {
          periodId,
          agencyId: a.id,
          agencyName: a.name,
          status,
          version: h?.version ?? 0,
          dueDate: period.dueDate,
          overdue: isOverdue(period, status, today),
          submittedAt: h?.submittedAt ?? null,
          acceptedAt: h?.acceptedAt ?? null,
          updatedAt: h?.updatedAt ?? null,
          confidence: h?.confidence ?? {},
          reopened: Boolean(h?.reopened),
        };
      });
  }

  async get(user: Principal, periodId: string, agencyId: string, today = new Date()): Promise<ReturnView> {
    this.assertCanRead(user, agencyId);
    const { data, period } = await this.context(periodId, agencyId);
    const { header, sections } = await this.returns.getReturn(periodId, agencyId);
    const required = this.requiredWorkstreamIds(data, agencyId);
    const shown = header ? this.completeSections(sections, required, periodId, agencyId) : await this.startingSections(periodId, agencyId, required);
    return this.withCertifiers(this.view(data, period, agencyId, header, shown, required, today));
  }

  /** While a return awaits certification, who can certify it: the agency's active signatories but the preparer (one Query). */
  private async withCertifiers(view: ReturnView): Promise<ReturnView> {
    if (view.status !== 'awaiting-certification') return view;
    const preparedBy = view.certification?.preparedBy?.toLowerCase();
    const people = await this.users.listRecipients();
    const certifiers = people
      .filter((p) => p.active && certifyRefusal(p, view.agencyId, preparedBy) === null)
      .map((p) => p.name)
      .sort((a, b) => a.localeCompare(b, 'en-GB'));
    return { ...view, certifiers };
  }

  /** Sections for a return not started yet: the agency's last accepted answers, carried forward. */
  private async startingSections(periodId: string, agencyId: string, required: string[]): Promise<StoredSection[]> {
    const earlier = await this.returns.listEarlierReturnsForAgency(agencyId, periodId);
    const lastAccepted = earlier.find((h) => h.status === 'accepted');
    const previous = lastAccepted ? await this.returns.listSections(lastAccepted.periodId, agencyId) : [];
    return carryForward(previous, required).map((s) => ({ ...s, periodId, agencyId }) as StoredSection);
  }

  private completeSections(sections: StoredSection[], required: string[], periodId: string, agencyId: string): StoredSection[] {
    const byWs = new Map(sections.map((s) => [s.workstreamId, s]));
    return required.map(
      (ws) =>
        byWs.get(ws) ?? { periodId, agencyId, workstreamId: ws, confidence: null, narrative: '', carriedForward: false, milestones: [], risks: [], escalations: [], metrics: [] },
    );
  }

  private view(data: PartnershipData, period: Period, agencyId: string, header: ReturnHeader | null, sections: StoredSection[], required: string[], today: Date): ReturnView {
    const status = header?.status ?? 'not-started';
    const outSections = sections.map(({ periodId: _p, agencyId: _a, ...s }) => ({ ...s, progress: sectionProgress(s) }));
    return {
      periodId: period.id,
      agencyId,
      status,
      version: header?.version ?? 0,
      dueDate: period.dueDate,
      overdue: isOverdue(period, status, ukDate(today)),
      requiredWorkstreamIds: required,
      sections: outSections,
      review: header?.review ?? { comments: [] },
      submittedBy: header?.submittedBy ?? null,
      submittedAt: header?.submittedAt ?? null,
      acceptedBy: header?.acceptedBy ?? null,
      acceptedAt: header?.acceptedAt ?? null,
      updatedAt: header?.updatedAt ?? null,
      updatedBy: header?.updatedBy ?? null,
      submittedByName: header?.submittedByName ?? null,
      acceptedByName: header?.acceptedByName ?? null,
      updatedByName: header?.updatedByName ?? null,
      warnings: scanFields({ sections: outSections.map(({ progress: _pr, carriedForward: _c, ...s }) => s) }),
      reopened: header?.reopened ?? null,
      certificationRequired: Boolean(data.partnership?.certifyReturns),
      certification: header?.certification ?? null,
    };
  }

  /** Saves whole sections. The first save creates the return (`expectedVersion` null: no If-Match yet). */
  async save(user: Principal, periodId: string, agencyId: string, body: SaveReturnRequest, expectedVersion: ExpectedVersion, ctx: WriteContext): Promise<ReturnView> {
    this.assertCanEdit(user, agencyId);
    const { data, period } = await this.context(periodId, agencyId);
    if (period.status !== 'open') throw new Conflict(`The ${periodId} reporting period is closed. Ask the programme lead if you need to change this return.`);
    const required = this.requiredWorkstreamIds(data, agencyId);
    this.checkSectionsBelong(body.sections, required, data);

    const { header, sections } = await this.returns.getReturn(periodId, agencyId);
    assertVersion(header, expectedVersion);
    if (header && !isEditable(header.status)) {
      throw new Conflict(
        header.status === 'accepted'
          ? 'This return has been accepted and is locked.'
          : header.status === 'awaiting-certification'
            ? 'This return is waiting to be certified. A signatory at your agency must send it back before it can be changed.'
            : 'This return has been submitted. The programme lead must return it before it can be changed.',
      );
    }

    const current = header ? this.completeSections(sections, required, periodId, agencyId) : await this.startingSections(periodId, agencyId, required);
    const currentByWs = new Map(current.map((s) => [s.workstreamId, s]));
    const changed: StoredSection[] = body.sections.map((input) => {
      const before = currentByWs.get(input.workstreamId);
      const narrative = input.narrative ?? '';
      return {
        periodId,
        agencyId,
        workstreamId: input.workstreamId,
        confidence: input.confidence ?? null,
        narrative,
        carriedForward: Boolean(before?.carriedForward && before.narrative === narrative),
        milestones: input.milestones ?? [],
        risks: input.risks ?? [],
        escalations: input.escalations ?? [],
        metrics: input.metrics ?? [],
      };
    });
    // A new return stores every required section (carried forward ones included), so the stored
    // return is complete from its first save.
    const toWrite = header ? changed : current.map((s) => changed.find((c) => c.workstreamId === s.workstreamId) ?? s);
    const merged = current.map((s) => toWrite.find((c) => c.workstreamId === s.workstreamId) ?? s);
    const now = ctx.now.toISOString();
    const next: ReturnHeader = {
      periodId,
      agencyId,
      // The lifecycle in shared/returns/rules.ts: a returned return stays returned until resubmitted.
      status: nextStatus(header?.status ?? 'not-started', 'save') as ReturnHeader['status'],
      version: (header?.version ?? 0) + 1,
      createdAt: header?.createdAt ?? now,
      updatedAt: now,
      updatedBy: user.email,
      updatedByName: user.name,
      submittedBy: header?.submittedBy ?? null,
      submittedByName: header?.submittedByName ?? null,
      submittedAt: header?.submittedAt ?? null,
      acceptedBy: null,
      acceptedAt: null,
      review: header?.review ?? { comments: [] },
      confidence: Object.fromEntries(merged.map((s) => [s.workstreamId, s.confidence])),
    };
    const changes = diffSections(current, toWrite);
    // Saving the same answers again is not a change: nothing to write or audit.
    if (header && noChanges(changes)) return this.view(data, period, agencyId, header, current, required, ctx.now);
    await this.writer.write(
      [this.returns.putHeaderOp(next, expectedVersion), ...toWrite.map((s) => this.returns.putSectionOp(s))],
      {
        action: header ? 'return.save' : 'return.create',
        entityType: 'return',
        entityId: `${periodId}/${agencyId}`,
        summary: header ? `Saved ${toWrite.length} section${toWrite.length === 1 ? '' : 's'}` : 'Started the return',
        changes,
      },
      ctx,
    );
    return this.view(data, period, agencyId, next, merged, required, ctx.now);
  }

  private checkSectionsBelong(sections: ReturnSectionInput[], required: string[], data: PartnershipData) {
    const errors: FieldError[] = [];
    sections.forEach((s, i) => {
      if (!required.includes(s.workstreamId)) {
        errors.push({ path: `sections[${i}].workstreamId`, message: `Your agency does not report on "${s.workstreamId}". Choose one of: ${required.join(', ')}` });
        return;
      }
      const milestoneIds = new Set(data.milestones.filter((m) => m.workstreamId === s.workstreamId).map((m) => m.id));
      (s.milestones ?? []).forEach((m, j) => {
        if (!milestoneIds.has(m.milestoneId))
          errors.push({ path: `sections[${i}].milestones[${j}].milestoneId`, message: `"${m.milestoneId}" is not a milestone of this workstream` });
      });
    });
    if (errors.length) throw new ValidationFailed(errors);
  }

  async submit(user: Principal, periodId: string, agencyId: string, body: SubmitRequest, expectedVersion: number, ctx: WriteContext): Promise<ReturnView> {
    this.assertCanEdit(user, agencyId);
    const { data, period } = await this.context(periodId, agencyId);
    if (period.status !== 'open') throw new Conflict(`The ${periodId} reporting period is closed.`);
    const { header, sections } = await this.returns.getReturn(periodId, agencyId);
    if (!header) throw new Conflict('Save your answers before you submit the return.');
    assertVersion(header, expectedVersion);
    // Where the partnership requires it, a complete return goes to a signatory at the agency first.
    const action = data.partnership?.certifyReturns ? 'send-for-certification' : 'submit';
    if (!canTransition(header.status, action)) throw new Conflict(`This return is already ${RETURN_STATUS_LABELS[header.status].toLowerCase()}.`);
    const required = this.requiredWorkstreamIds(data, agencyId);
    const complete = this.completeSections(sections, required, periodId, agencyId);
    const names = new Map(data.workstreams.map((w) => [w.id, w.name]));
    const errors = submitErrors(complete, required, names);
    if (errors.length) throw new Unprocessable('The return is not complete yet. Answer the questions listed, then submit again.', errors);

    const warnings = this.view(data, period, agencyId, header, complete, required, ctx.now).warnings;
    const blocking = warnings.filter((w) => (BLOCKING_KINDS as readonly string[]).includes(w.kind));
    if (blocking.length) {
      throw new Unprocessable(
        'The return contains personal data that the portal must not hold. Remove it, save, then submit again.',
        blocking.map((w) => ({ path: w.path, message: w.message })),
      );
    }
    if (warnings.length && !body.acknowledgeWarnings) {
      throw new Unprocessable(
        'Some answers may contain personal data. Check them; if they are not about a person, confirm and submit again.',
        warnings.map((w) => ({ path: w.path, message: w.message })),
      );
    }
    const now = ctx.now.toISOString();
    const acknowledged = warnings.length ? { meta: { acknowledgedWarnings: warnings.map((w) => ({ path: w.path, kind: w.kind })) } } : {};
    const by = { updatedAt: now, updatedBy: user.email, updatedByName: user.name };
    const next: ReturnHeader =
      action === 'submit'
        ? { ...header, ...by, status: 'submitted', version: header.version + 1, submittedBy: user.email, submittedByName: user.name, submittedAt: now }
        : {
            ...header,
            ...by,
            status: 'awaiting-certification',
            version: header.version + 1,
            certification: {
              preparedBy: user.email,
              preparedByName: user.name,
              sentAt: now,
              certifiedBy: null,
              certifiedByName: null,
              certifiedAt: null,
              comments: header.certification?.comments ?? [],
            },
          };
    await this.writer.write(
      [this.returns.putHeaderOp(next, expectedVersion)],
      {
        action: action === 'submit' ? 'return.submit' : 'return.send-for-certification',
        entityType: 'return',
        entityId: `${periodId}/${agencyId}`,
        summary: action === 'submit' ? (header.status === 'returned' ? 'Resubmitted the return' : 'Submitted the return') : 'Sent the return for certification',
        changes: { status: { from: header.status, to: next.status } },
        ...acknowledged,
      },
      ctx,
    );
    return this.withCertifiers(this.view(data, period, agencyId, next, complete, required, ctx.now));
  }

  /**
   * A signatory at the agency, not the preparer, certifies a return awaiting certification (it is
   * then submitted to the lead) or sends it back to the preparer with a comment (a draft again).
   */
  async certify(
    user: Principal,
    periodId: string,
    agencyId: string,
    outcome: { action: 'certify' } | { action: 'send-back'; comment: string },
    expectedVersion: number,
    ctx: WriteContext,
  ): Promise<ReturnView> {
    const { data, period } = await this.context(periodId, agencyId);
    this.assertCanRead(user, agencyId);
    const { header, sections } = await this.returns.getReturn(periodId, agencyId);
    if (!header) throw new Conflict('This return has not been started, so there is nothing to certify.');
    const refusal = certifyRefusal(user, agencyId, header.certification?.preparedBy);
    if (refusal) throw new Forbidden(refusal);
    assertVersion(header, expectedVersion);
    if (!canTransition(header.status, outcome.action))
      throw new Conflict(
        `Only a return awaiting certification can be ${outcome.action === 'certify' ? 'certified' : 'sent back'}; this one is ${RETURN_STATUS_LABELS[header.status].toLowerCase()}.`,
      );
    if (outcome.action === 'certify' && period.status !== 'open')
      throw new Conflict(`${periodLongLabel(periodId)} is closed, so the return cannot be submitted. Ask the programme lead to reopen the period.`);
    const now = ctx.now.toISOString();
    const cert = header.certification ?? { preparedBy: null, preparedByName: null, sentAt: null, certifiedBy: null, certifiedByName: null, certifiedAt: null, comments: [] };
    const by = { updatedAt: now, updatedBy: user.email, updatedByName: user.name };
    const next: ReturnHeader =
      outcome.action === 'certify'
        ? {
            ...header,
            ...by,
            status: 'submitted',
            version: header.version + 1,
            // The agency's submission is the certified one: the preparer is in `certification`.
            submittedBy: user.email,
            submittedByName: user.name,
            submittedAt: now,
            certification: { ...cert, certifiedBy: user.email, certifiedByName: user.name, certifiedAt: now },
          }
        : {
            ...header,
            ...by,
            status: 'draft',
            version: header.version + 1,
            certification: { ...cert, comments: [...cert.comments, { comment: outcome.comment, by: user.email, byName: user.name, at: now }] },
          };
    await this.writer.write(
      [this.returns.putHeaderOp(next, expectedVersion)],
      {
        action: outcome.action === 'certify' ? 'return.certify' : 'return.send-back',
        entityType: 'return',
        entityId: `${periodId}/${agencyId}`,
        summary: outcome.action === 'certify' ? 'Certified the return and submitted it to the programme lead' : 'Sent the return back to the preparer with comments',
        changes: { status: { from: header.status, to: next.status } },
        ...(outcome.action === 'send-back' ? { meta: { comment: outcome.comment } } : {}),
      },
      ctx,
    );
    const required = this.requiredWorkstreamIds(data, agencyId);
    return this.view(data, period, agencyId, next, this.completeSections(sections, required, periodId, agencyId), required, ctx.now);
  }

  /** The lead accepts a submitted return (it is then locked) or returns it with a comment. */
  async review(
    user: Principal,
    periodId: string,
    agencyId: string,
    outcome: { action: 'accept' } | { action: 'return'; comment: string } | { action: 'reopen'; reason: string },
    expectedVersion: number,
    ctx: WriteContext,
  ): Promise<ReturnView> {
    if (user.role !== 'lead') throw new Forbidden('Only the programme lead reviews returns.');
    const { data, period } = await this.context(periodId, agencyId);
    const { header, sections } = await this.returns.getReturn(periodId, agencyId);
    if (!header) throw new Conflict('This return has not been started, so there is nothing to review.');
    assertVersion(header, expectedVersion);
    if (!canTransition(header.status, outcome.action))
      throw new Conflict(
        outcome.action === 'reopen'
          ? `Only accepted returns can be reopened; this one is ${header.status}.`
          : `Only submitted returns can be reviewed; this one is ${header.status}.`,
      );
    const now = ctx.now.toISOString();
    // Back with the agency, saying what to change: returned after review, or reopened after acceptance.
    const backWith = (comment: string): ReturnHeader => ({
      ...header,
      status: 'returned',
      version: header.version + 1,
      updatedAt: now,
      updatedBy: user.email,
      updatedByName: user.name,
      review: { comments: [...header.review.comments, { comment, by: user.email, byName: user.name, at: now }] },
    });
    if (outcome.action === 'reopen') {
      if (period.status !== 'open') throw new Unprocessable(`${periodLongLabel(periodId)} is closed, so the agency could not change its return. Reopen the period first.`);
      const next: ReturnHeader = { ...backWith(`Reopened: ${outcome.reason}`), reopened: { at: now, byName: user.name, reason: outcome.reason } };
      await this.writer.write(
        [this.returns.putHeaderOp(next, expectedVersion)],
        {
          action: 'return.reopen',
          entityType: 'return',
          entityId: `${periodId}/${agencyId}`,
          summary: 'Reopened the accepted return for a correction',
          changes: { status: { from: header.status, to: next.status } },
          meta: { reason: outcome.reason },
        },
        ctx,
      );
      const required = this.requiredWorkstreamIds(data, agencyId);
      return this.view(data, period, agencyId, next, this.completeSections(sections, required, periodId, agencyId), required, ctx.now);
    }
    const next: ReturnHeader =
      outcome.action === 'accept'
        ? {
            ...header,
            // Accepted again: no longer shown as reopened.
            reopened: null,
            status: 'accepted',
            version: header.version + 1,
            acceptedBy: user.email,
            acceptedByName: user.name,
            acceptedAt: now,
            updatedAt: now,
            updatedBy: user.email,
            updatedByName: user.name,
          }
        : backWith(outcome.comment);
    await this.writer.write(
      [this.returns.putHeaderOp(next, expectedVersion)],
      {
        action: outcome.action === 'accept' ? 'return.accept' : 'return.return',
        entityType: 'return',
        entityId: `${periodId}/${agencyId}`,
        summary: outcome.action === 'accept' ? 'Accepted the return' : 'Returned the return to the agency with comments',
        changes: { status: { from: header.status, to: next.status } },
        ...(outcome.action === 'return' ? { meta: { comment: outcome.comment } } : {}),
      },
      ctx,
    );
    const required = this.requiredWorkstreamIds(data, agencyId);
    return this.view(data, period, agencyId, next, this.completeSections(sections, required, periodId, agencyId), required, ctx.now);
  }
}
