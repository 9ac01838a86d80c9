import type { Principal } from '../auth/tokens.js';
import type { PartnershipData, PartnershipRepository } from '../repositories/partnership-repository.js';
import type { ReturnHeader, ReturnRepository, StoredSection } from '../repositories/return-repository.js';
import { assertVersion, type ExpectedVersion } from '../repositories/version-guard.js';
import type { Writer, WriteContext } from '../db/transact.js';
import { ConfigurationCache } from './configuration-cache.js';
import { Conflict, Forbidden, NotFound, PersonalDataRefused, PersonalDataUnconfirmed, Unprocessable, ValidationFailed, ValueQueried } from '../http/errors.js';
import type { WriteOp } from '../db/transact.js';
import type { Indicator, IndicatorValue } from '../../shared/measures/schema.js';
import type { MeasureRepository, MeasuresData } from '../repositories/measure-repository.js';
import { measureSettings } from './measures-service.js';
import { dueIndicators, indicatorSubmitErrors, valueError, valueQuery } from '../../shared/measures/rules.js';
import { pointsOf, recentValues } from '../../shared/measures/series.js';
import { fieldErrors } from '../http/problem.js';
import { checkPersonalData } from '../../shared/pii/policy.js';
import type { FieldError } from '../../shared/http/problem.js';
import { scanFields, BLOCKING_KINDS, type Warning } from '../../shared/pii/detect.js';
import { isOverdue, periodLongLabel, ukDate, type Period } from '../../shared/periods/period.js';
import { canTransition, carryForward, certifyRefusal, isEditable, nextStatus, submitErrors, sectionProgress } from '../../shared/returns/rules.js';
import {
  type CopiedFrom,
  type CopySectionRequest,
  RETURN_STATUS_LABELS,
  type ReturnCertification,
  type ReturnListRow,
  ReturnSectionInput,
  type SaveReturnRequest,
  type SubmitRequest,
} from '../../shared/returns/schema.js';
import type { ReturnSourcesView } from '../../shared/returns/views.js';
import type { UserRepository } from '../repositories/user-repository.js';
import { diffSections } from './return-diff.js';
import { periodScope, requiredWorkstreamIds } from '../../shared/partnership/period-scope.js';
import { type Changes, noChanges, sameValue } from '../../shared/audit/changes.js';

/** What the API answers for one return (field names are the public contract). */
export interface ReturnView {
  periodId: string;
  agencyId: string;
  status: 'not-started' | ReturnHeader['status'];
  version: number;
  dueDate: string;
  overdue: boolean;
  requiredWorkstreamIds: string[];
  sections: (Omit<StoredSection, 'periodId' | 'agencyId' | 'indicators'> & {
    indicators: IndicatorValue[];
    indicatorsDue: { id: string; name: string }[];
    progress: 'not-started' | 'in-progress' | 'completed';
  })[];
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

/** The return a partner is changing: its partnership's set-up, the period and the workstreams the agency reports on. */
interface EditTarget {
  periodId: string;
  agencyId: string;
  data: PartnershipData;
  period: Period;
  required: string[];
  /** Every outcome indicator of the partnership (what each section must report). */
  indicators: Indicator[];
}

/** The return as it was read before a change: its header (null while not started) and every required section. */
interface EditableReturn {
  header: ReturnHeader | null;
  current: StoredSection[];
  currentByWs: Map<string, StoredSection>;
}

/** The period a return belongs to, with its agency checked: 404 for either unknown. */
function periodOf(data: PartnershipData, periodId: string, agencyId?: string): Period {
  const period = data.periods.find((p) => p.id === periodId);
  if (!period) throw new NotFound(`There is no reporting period ${periodId}.`);
  if (agencyId !== undefined && !data.agencies.some((a) => a.id === agencyId)) throw new NotFound(`There is no agency ${agencyId} in this partnership.`);
  return period;
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
    private readonly measures: MeasureRepository,
    /** The configuration kept at the count of changes: a return is read in two calls while it is current. */
    private readonly configuration = new ConfigurationCache(partnership, measures),
  ) {}

  private async context(periodId: string, agencyId?: string) {
    const data = await this.partnership.getPartnershipData();
    return { data, period: periodOf(data, periodId, agencyId) };
  }

  /**
   * Workstreams the agency reports on in the period, in programme order: the sections of its return.
   * Retired workstreams and agencies, and agencies that joined or left a workstream, follow the
   * rule in shared/partnership/period-scope.ts (past periods keep what they were written with).
   */
  requiredWorkstreamIds(data: PartnershipData, period: Period, agencyId: string): string[] {
    return requiredWorkstreamIds(periodScope(data, period), agencyId);
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
    return periodScope(data, period)
      .agencies.filter((a) => user.role !== 'partner' || a.id === user.agencyId)
      .filter((a) => this.requiredWorkstreamIds(data, period, a.id).length > 0)
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
    // The return with the count of changes (one BatchGetItem and one Query); the configuration at that count, kept while it is current.
    const { header, sections, epoch } = await this.returns.getReturnWithEpoch(periodId, agencyId);
    const { data, indicators } = await this.configuration.at(epoch);
    const period = periodOf(data, periodId, agencyId);
    const required = this.requiredWorkstreamIds(data, period, agencyId);
    const all = header ? this.completeSections(sections, required, periodId, agencyId) : await this.startingSections(periodId, agencyId, required);
    // The executive reads the figures shown to them, and no others (shared/measures: publishedToExecutive).
    const published = new Set(indicators.filter((i) => i.publishedToExecutive).map((i) => i.id));
    const shown = user.role === 'executive' ? all.map((s) => ({ ...s, indicators: (s.indicators ?? []).filter((v) => published.has(v.indicatorId)) })) : all;
    return this.withCertifiers(
      this.view(data, period, agencyId, header, shown, required, today, user.role === 'executive' ? indicators.filter((i) => published.has(i.id)) : indicators),
    );
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
        byWs.get(ws) ?? {
          periodId,
          agencyId,
          workstreamId: ws,
          confidence: null,
          narrative: '',
          carriedForward: false,
          milestones: [],
          risks: [],
          escalations: [],
          metrics: [],
          indicators: [],
        },
    );
  }

  private view(
    data: PartnershipData,
    period: Period,
    agencyId: string,
    header: ReturnHeader | null,
    sections: StoredSection[],
    required: string[],
    today: Date,
    indicators: readonly Indicator[] = [],
  ): ReturnView {
    const status = header?.status ?? 'not-started';
    const outSections = sections.map(({ periodId: _p, agencyId: _a, ...s }) => {
      const due = dueIndicators(indicators, s.workstreamId, agencyId, period.id).map((i) => ({ id: i.id, name: i.name }));
      return { ...s, indicators: s.indicators ?? [], indicatorsDue: due, progress: sectionProgress(s, due) };
    });
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
      // Answers only: where a section was copied from names partnerships and people by design.
      warnings: scanFields({ sections: outSections.map(({ progress: _pr, carriedForward: _c, copiedFrom: _cf, ...s }) => s) }),
      reopened: header?.reopened ?? null,
      certificationRequired: Boolean(data.partnership?.certifyReturns),
      certification: header?.certification ?? null,
    };
  }

  /**
   * Saves whole sections and, with `copy`, starts one more section from the agency's answer in
   * another partnership (see {@link copiedSection}). The first save creates the return
   * (`expectedVersion` null: no If-Match yet). `confirmedPersonalData` is the request's
   * Confirm-Personal-Data, for copied text (the body's own text was checked as it arrived).
   */
  async save(
    user: Principal,
    periodId: string,
    agencyId: string,
    body: SaveReturnRequest,
    expectedVersion: ExpectedVersion,
    ctx: WriteContext,
    confirmedPersonalData = false,
  ): Promise<ReturnView> {
    const target = await this.editContext(user, periodId, agencyId);
    this.checkSectionsBelong(body.sections, target.required, target.data);
    if (body.copy) this.checkCopyTarget(body.copy, target);
    const edit = await this.editableReturn(target, expectedVersion);
    await this.checkIndicatorValues(target, body.sections);
    const threshold = measureSettings(target.data).smallNumberThreshold;
    const changed: StoredSection[] = body.sections.map((input) => {
      const before = edit.currentByWs.get(input.workstreamId);
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
        indicators: (input.indicators ?? []).map(({ indicatorId, value, belowThreshold, note, confirmed }) => {
          // "Fewer than N" keeps the N it was first recorded under: a later change of threshold must not change what it says.
          const kept = before?.indicators?.find((v) => v.indicatorId === indicatorId && v.belowThreshold)?.threshold;
          return { indicatorId, value, belowThreshold, note, confirmed, ...(belowThreshold ? { threshold: kept ?? threshold } : {}) };
        }),
        // A section started from another partnership's answer keeps saying so after it is edited:
        // it records where the text started, not that it is unchanged.
        ...(before?.copiedFrom ? { copiedFrom: before.copiedFrom } : {}),
      };
    });
    if (!body.copy) {
      return this.writeSections(user, target, edit, changed, expectedVersion, ctx, (isNew, written) => ({
        action: isNew ? 'return.create' : 'return.save',
        summary: isNew ? 'Started the return' : `Saved ${written} section${written === 1 ? '' : 's'}`,
      }));
    }
    const copy = await this.copiedSection(user, target, edit, body.copy, ctx.now, confirmedPersonalData);
    const others = changed.length ? `; saved ${changed.length} other section${changed.length === 1 ? '' : 's'}` : '';
    return this.writeSections(
      user,
      target,
      edit,
      [...changed, copy.section],
      expectedVersion,
      // Possible personal data in the copied text, confirmed by the person, is audited as a body's is.
      copy.confirmed.length ? { ...ctx, personalDataConfirmed: [...(ctx.personalDataConfirmed ?? []), ...copy.confirmed] } : ctx,
      () => ({ action: 'return.section-copy', summary: `${copy.summary}${others}`, meta: copy.meta }),
      copy.changes,
    );
  }

  /** Who may change the agency's return, and the partnership, period and workstreams it is checked against. */
  private async editContext(user: Principal, periodId: string, agencyId: string): Promise<EditTarget> {
    this.assertCanEdit(user, agencyId);
    const [{ data, period }, indicators] = await Promise.all([this.context(periodId, agencyId), this.measures.listIndicators()]);
    if (period.status !== 'open') throw new Conflict(`The ${periodId} reporting period is closed. Ask the programme lead if you need to change this return.`);
    return { periodId, agencyId, data, period, required: this.requiredWorkstreamIds(data, period, agencyId), indicators };
  }

  /** The return as it is now, refused when stale (If-Match) or not editable, with every required section. */
  private async editableReturn(target: EditTarget, expectedVersion: ExpectedVersion): Promise<EditableReturn> {
    const { periodId, agencyId, required } = target;
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
    return { header, current, currentByWs: new Map(current.map((s) => [s.workstreamId, s])) };
  }

  /**
   * The one write of a return's answers, for a save and for a section copied from another
   * partnership alike: the header (guarded by If-Match) and the sections written, with the audit
   * event, in one transaction. Saving the same answers again is not a change: nothing is written.
   */
  private async writeSections(
    user: Principal,
    target: EditTarget,
    edit: EditableReturn,
    changed: StoredSection[],
    expectedVersion: ExpectedVersion,
    ctx: WriteContext,
    describe: (isNew: boolean, written: number) => { action: string; summary: string; meta?: Record<string, unknown> },
    extraChanges: Changes = {},
  ): Promise<ReturnView> {
    const { periodId, agencyId, data, period, required } = target;
    const { header, current, currentByWs } = edit;
    const now = ctx.now.toISOString();
    // A section's save time moves only when its answers do.
    const stamped = changed.map((s) => {
      const before = currentByWs.get(s.workstreamId);
      const savedAt = noChanges(diffSections(before ? [before] : [], [s])) ? before?.savedAt : now;
      return { ...s, ...(savedAt ? { savedAt } : {}) };
    });
    // A new return stores every required section (carried forward ones included), so the stored
    // return is complete from its first save.
    const toWrite = header ? stamped : current.map((s) => stamped.find((c) => c.workstreamId === s.workstreamId) ?? s);
    const merged = current.map((s) => toWrite.find((c) => c.workstreamId === s.workstreamId) ?? s);
    const changes = { ...diffSections(current, toWrite), ...extraChanges };
    if (header && noChanges(changes)) return this.view(data, period, agencyId, header, current, required, ctx.now, target.indicators);
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
    const { action, summary, meta } = describe(!header, toWrite.length);
    await this.writer.write(
      [this.returns.putHeaderOp(next, expectedVersion), ...toWrite.map((s) => this.returns.putSectionOp(s)), ...this.valueOps(next, toWrite, target.indicators, currentByWs)],
      { action, entityType: 'return', entityId: `${periodId}/${agencyId}`, summary, changes, ...(meta ? { meta } : {}) },
      ctx,
    );
    return this.view(data, period, agencyId, next, merged, required, ctx.now, target.indicators);
  }

  /**
   * The caller's own agency's returns for this period in the other partnerships where they are a
   * partner, with the sections that have answers: names and dates, never the answers. Refused
   * exactly as saving this return is. Reads: this partnership's set-up, the person's memberships,
   * then each other partnership's set-up and return (in parallel).
   */
  async sources(user: Principal, periodId: string, agencyId: string): Promise<ReturnSourcesView> {
    this.assertCanEdit(user, agencyId);
    const { data } = await this.context(periodId, agencyId);
    const elsewhere = this.returns.otherPartnerships();
    const places = (await elsewhere.membershipsOf(user.email)).filter((m) => m.id !== data.partnership?.id && m.role === 'partner' && m.agencyId);
    const found = await Promise.all(
      places.map(async (m): Promise<ReturnSourcesView['sources'][number] | null> => {
        const theirAgency = m.agencyId as string;
        const [theirs, { header, sections }] = await Promise.all([elsewhere.partnershipData(m.id), elsewhere.getReturn(m.id, periodId, theirAgency)]);
        if (!header) return null;
        const answered = new Map(sections.filter((s) => sectionProgress(s) !== 'not-started').map((s) => [s.workstreamId, s]));
        // In that partnership's programme order; sections of workstreams since removed there last.
        const order = [
          ...theirs.workstreams.map((w) => w.id).filter((id) => answered.has(id)),
          ...[...answered.keys()].filter((id) => !theirs.workstreams.some((w) => w.id === id)),
        ];
        if (!order.length) return null;
        return {
          partnershipId: m.id,
          partnershipName: m.name,
          agencyId: theirAgency,
          agencyName: theirs.agencies.find((a) => a.id === theirAgency)?.name ?? theirAgency,
          status: header.status,
          updatedAt: header.updatedAt ?? null,
          sections: order.map((id) => {
            const s = answered.get(id)!;
            return {
              workstreamId: id,
              workstreamName: theirs.workstreams.find((w) => w.id === id)?.name ?? id,
              progress: sectionProgress(s),
              savedAt: s.savedAt ?? header.updatedAt ?? null,
            };
          }),
        };
      }),
    );
    return { periodId, agencyId, sources: found.filter((f) => f !== null) };
  }

  /** A copy's target and source as the save's body names them, checked like its sections (400 naming the field). */
  private checkCopyTarget(copy: CopySectionRequest, target: EditTarget) {
    const errors: FieldError[] = [];
    if (!target.required.includes(copy.workstreamId))
      errors.push({ path: 'copy.workstreamId', message: `Your agency does not report on "${copy.workstreamId}". Choose one of: ${target.required.join(', ')}` });
    if (copy.fromPartnershipId === target.data.partnership?.id)
      errors.push({ path: 'copy.fromPartnershipId', message: 'Choose another partnership you work in: this is the one you are copying into' });
    if (errors.length) throw new ValidationFailed(errors);
  }

  /**
   * One section started from the caller's own agency's answer in another partnership, for the same
   * period (copy, then edit). Everything is checked again from the server's records: the caller may
   * change this return (checked by the save), is an active partner in the other partnership, and
   * reads only their own agency's return there. The copy goes through the checks a body's section
   * gets (the section schema, the personal-data rule) and records where it came from. Nothing of
   * the other partnership changes.
   *
   * Field by field: delivery confidence, narrative, risks and escalations are copied. Milestone
   * updates only for milestones of this workstream (a milestone id of the other partnership names
   * nothing here); this section's own updates of its other milestones stay. Metrics are not copied
   * (they are the other area's figures); this section's own stay.
   */
  private async copiedSection(user: Principal, target: EditTarget, edit: EditableReturn, copy: CopySectionRequest, now: Date, confirmedPersonalData: boolean) {
    const { periodId, agencyId, data } = target;
    const source = await this.copySource(user, periodId, copy);
    const before = edit.currentByWs.get(copy.workstreamId)!;
    const planned = new Set(data.milestones.filter((m) => m.workstreamId === copy.workstreamId).map((m) => m.id));
    const copiedUpdates = source.section.milestones.filter((u) => planned.has(u.milestoneId));
    const leftOut = source.section.milestones.filter((u) => !planned.has(u.milestoneId)).map((u) => u.milestoneId);
    const fromSource = new Map(copiedUpdates.map((u) => [u.milestoneId, u]));
    const parsed = ReturnSectionInput.safeParse({
      workstreamId: copy.workstreamId,
      confidence: source.section.confidence,
      narrative: source.section.narrative,
      milestones: [
        ...before.milestones.map((u) => fromSource.get(u.milestoneId) ?? u),
        ...copiedUpdates.filter((u) => !before.milestones.some((b) => b.milestoneId === u.milestoneId)),
      ],
      risks: source.section.risks,
      escalations: source.section.escalations,
      metrics: before.metrics,
    });
    if (!parsed.success) {
      throw new Unprocessable(
        `The section in ${source.partnershipName} cannot be copied as it is. Change it there, or enter this section here.`,
        fieldErrors(parsed.error, ['copy']),
      );
    }
    const { workstreamId: _w, ...text } = parsed.data;
    const { refused, toConfirm } = checkPersonalData(text, {}, { now });
    const named = (w: { path: string; message: string; kind: string }) => ({ path: `copy.${w.path}`, message: w.message, kind: w.kind });
    if (refused.length) throw new PersonalDataRefused(refused.map(named));
    if (toConfirm.length && !confirmedPersonalData) throw new PersonalDataUnconfirmed(toConfirm.map(named));

    const copiedFrom: CopiedFrom = {
      partnershipId: source.partnershipId,
      partnershipName: source.partnershipName,
      agencyId: source.agencyId,
      agencyName: source.agencyName,
      periodId,
      workstreamId: copy.fromWorkstreamId,
      workstreamName: source.workstreamName,
      sectionSavedAt: source.savedAt,
      copiedAt: now.toISOString(),
      copiedBy: user.email,
      copiedByName: user.name,
      milestoneUpdatesLeftOut: leftOut.length,
    };
    const answers: StoredSection = {
      periodId,
      agencyId,
      workstreamId: copy.workstreamId,
      confidence: parsed.data.confidence ?? null,
      narrative: parsed.data.narrative,
      carriedForward: false,
      milestones: parsed.data.milestones,
      risks: parsed.data.risks,
      escalations: parsed.data.escalations,
      metrics: parsed.data.metrics,
      // Indicators are this partnership's own: the section keeps the values entered here.
      indicators: before.indicators ?? [],
    };
    // Copying the same saved answer again over answers still as copied changes nothing (the first
    // copy's record stays); another source, a newer save of it, or answers edited since, is a change.
    const where = (c: CopiedFrom | null | undefined) =>
      c ? { partnershipId: c.partnershipId, agencyId: c.agencyId, workstreamId: c.workstreamId, periodId: c.periodId, sectionSavedAt: c.sectionSavedAt } : null;
    const sameSource = sameValue(where(before.copiedFrom), where(copiedFrom));
    const unchanged = sameSource && noChanges(diffSections([before], [answers]));
    const section: StoredSection = { ...answers, copiedFrom: unchanged && before.copiedFrom ? before.copiedFrom : copiedFrom };
    const changes: Changes = sameSource ? {} : { [`${copy.workstreamId}.copiedFrom`]: { from: where(before.copiedFrom), to: where(copiedFrom) } };
    const name = data.workstreams.find((w) => w.id === copy.workstreamId)?.name ?? copy.workstreamId;
    return {
      section,
      changes,
      confirmed: toConfirm.map(({ path, kind }) => ({ path: `${copy.workstreamId}.${path}`, kind })),
      summary: `Started ${name} from the ${source.workstreamName} section of ${source.agencyName}'s return in ${source.partnershipName}`,
      meta: { copiedFrom: where(copiedFrom), ...(leftOut.length ? { milestoneUpdatesLeftOut: leftOut } : {}) },
    };
  }

  /**
   * The answer a section is copied from: the caller's own agency's return for the period in the other
   * partnership, read from that partnership's records. Someone who is not an active partner there
   * hears that there is nothing to copy (404), as if the partnership did not exist.
   */
  private async copySource(user: Principal, periodId: string, body: CopySectionRequest) {
    const elsewhere = this.returns.otherPartnerships();
    const place = (await elsewhere.membershipsOf(user.email)).find((m) => m.id === body.fromPartnershipId && m.role === 'partner' && m.agencyId);
    if (!place?.agencyId) throw new NotFound(`There is no return of yours in partnership ${body.fromPartnershipId} to copy from.`);
    const [theirs, { header, sections }] = await Promise.all([elsewhere.partnershipData(place.id), elsewhere.getReturn(place.id, periodId, place.agencyId)]);
    const section = header ? sections.find((s) => s.workstreamId === body.fromWorkstreamId) : undefined;
    if (!header || !section || sectionProgress(section) === 'not-started') {
      throw new NotFound(`Your agency's ${periodLongLabel(periodId)} return in ${place.name} has no answers for ${body.fromWorkstreamId} to copy.`);
    }
    return {
      partnershipId: place.id,
      partnershipName: place.name,
      agencyId: place.agencyId,
      agencyName: theirs.agencies.find((a) => a.id === place.agencyId)?.name ?? place.agencyId,
      workstreamName: theirs.workstreams.find((w) => w.id === section.workstreamId)?.name ?? section.workstreamId,
      savedAt: section.savedAt ?? header.updatedAt ?? null,
      section,
    };
  }

  /**
   * The values of a return's outcome indicators, mirrored beside them with the return's status (see
   * shared/measures/series.ts), so the measures of a workstream are read in a fixed number of
   * Queries. Written with every change of the return's header, in the same transaction.
   */
  private valueOps(next: ReturnHeader, sections: readonly StoredSection[], indicators: readonly Indicator[], before?: ReadonlyMap<string, StoredSection>): WriteOp[] {
    return sections.flatMap((s) => {
      // Values of indicators the lead has since removed from the workstream are not figures any more.
      const values = (s.indicators ?? []).filter((v) => indicators.some((i) => i.id === v.indicatorId && i.workstreamId === s.workstreamId));
      if (values.length) return [this.measures.putValuesOp({ workstreamId: s.workstreamId, periodId: next.periodId, agencyId: next.agencyId, status: next.status, values })];
      return before?.get(s.workstreamId)?.indicators?.length ? [this.measures.deleteValuesOp(s.workstreamId, next.periodId, next.agencyId)] : [];
    });
  }

  /**
   * Indicator values as they arrive: each one due from the agency in the section this quarter and
   * fitting its unit and the small-number threshold (else 422, naming each field); then queries on
   * new or changed values far from the recent ones, unless confirmed (422 `value-query`). Nothing is
   * written until all pass. Two Queries per workstream sent with values, none when there are none.
   */
  private async checkIndicatorValues(target: EditTarget, sections: readonly ReturnSectionInput[]) {
    const read = await this.measuresOf(sections);
    const threshold = measureSettings(target.data).smallNumberThreshold;
    const errors: FieldError[] = [];
    sections.forEach((s, i) => {
      const m = read.get(s.workstreamId);
      if (!m) return;
      const due = dueIndicators(m.indicators, s.workstreamId, target.agencyId, target.periodId);
      s.indicators.forEach((v, j) => {
        const ind = due.find((d) => d.id === v.indicatorId);
        const error = ind ? valueError(ind, v, threshold) : `"${v.indicatorId}" is not an indicator your agency reports in this section this quarter`;
        const field = !ind ? 'indicatorId' : v.belowThreshold ? 'belowThreshold' : 'value';
        if (error) errors.push({ path: `sections[${i}].indicators[${j}].${field}`, message: ind ? `${ind.name}: ${error}` : error });
      });
    });
    if (errors.length) throw new Unprocessable('Some indicator values cannot be saved. Correct them and try again.', errors);
    // Every unconfirmed value is asked about, saved before or not: the same rule as at submission, so a
    // value the recent ones have moved away from since is asked about where it can be confirmed.
    const queries = this.valueQueries(target, sections, read);
    if (queries.length) throw new ValueQueried(queries);
  }

  /** The indicators and values of the workstreams whose sections carry indicator values (two Queries each, in parallel). */
  private async measuresOf(sections: readonly { workstreamId: string; indicators?: readonly IndicatorValue[] | undefined }[]) {
    const sent = [...new Set(sections.filter((s) => s.indicators?.length).map((s) => s.workstreamId))];
    return new Map(await Promise.all(sent.map(async (ws) => [ws, await this.measures.listForWorkstream(ws)] as const)));
  }

  /** Values far from the recent ones and not confirmed, as queries at their fields. */
  private valueQueries(
    target: EditTarget,
    sections: readonly { workstreamId: string; indicators?: readonly IndicatorValue[] | undefined }[],
    read: ReadonlyMap<string, MeasuresData>,
  ): FieldError[] {
    return sections.flatMap((s, i) => {
      const m = read.get(s.workstreamId);
      return (s.indicators ?? []).flatMap((v, j) => {
        const ind = m?.indicators.find((d) => d.id === v.indicatorId);
        if (!ind || v.confirmed) return [];
        const query = valueQuery(ind, v.value, recentValues(pointsOf(ind, m!.values, null, measureSettings(target.data).smallNumberThreshold), target.periodId));
        return query ? [{ path: `sections[${i}].indicators[${j}].value`, message: `${ind.name}: ${query}`, kind: 'query' }] : [];
      });
    });
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
    const required = this.requiredWorkstreamIds(data, period, agencyId);
    const complete = this.completeSections(sections, required, periodId, agencyId);
    const names = new Map(data.workstreams.map((w) => [w.id, w.name]));
    const indicators = await this.measures.listIndicators();
    const threshold = measureSettings(data).smallNumberThreshold;
    const errors = [
      ...submitErrors(complete, required, names),
      ...complete.flatMap((s, i) => {
        const due = dueIndicators(indicators, s.workstreamId, agencyId, periodId);
        // Checked again as they go to the lead: the threshold or the indicator may have changed since they were saved.
        const unfit = (s.indicators ?? []).flatMap((v, j) => {
          const ind = due.find((d) => d.id === v.indicatorId);
          const error = ind && valueError(ind, v, threshold);
          return error ? [{ path: `sections[${i}].indicators[${j}].value`, message: `${ind.name}: ${error}` }] : [];
        });
        return [...indicatorSubmitErrors(i, due, s.indicators ?? []), ...unfit];
      }),
    ];
    if (errors.length) throw new Unprocessable('The return is not complete yet. Answer the questions listed, then submit again.', errors);
    // Values far from the recent ones go to the lead only once the agency has confirmed them.
    const queries = this.valueQueries({ periodId, agencyId, data, period, required, indicators }, complete, await this.measuresOf(complete));
    if (queries.length) throw new ValueQueried(queries);

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
      [this.returns.putHeaderOp(next, expectedVersion), ...this.valueOps(next, complete, indicators)],
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
    return this.withCertifiers(this.view(data, period, agencyId, next, complete, required, ctx.now, indicators));
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
    const [{ header, sections }, indicators] = await Promise.all([this.returns.getReturn(periodId, agencyId), this.measures.listIndicators()]);
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
      [
        this.returns.putHeaderOp(next, expectedVersion),
        ...this.valueOps(next, this.completeSections(sections, this.requiredWorkstreamIds(data, period, agencyId), periodId, agencyId), indicators),
      ],
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
    const required = this.requiredWorkstreamIds(data, period, agencyId);
    return this.view(data, period, agencyId, next, this.completeSections(sections, required, periodId, agencyId), required, ctx.now, indicators);
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
    const [{ header, sections }, indicators] = await Promise.all([this.returns.getReturn(periodId, agencyId), this.measures.listIndicators()]);
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
        [
          this.returns.putHeaderOp(next, expectedVersion),
          ...this.valueOps(next, this.completeSections(sections, this.requiredWorkstreamIds(data, period, agencyId), periodId, agencyId), indicators),
        ],
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
      const required = this.requiredWorkstreamIds(data, period, agencyId);
      return this.view(data, period, agencyId, next, this.completeSections(sections, required, periodId, agencyId), required, ctx.now, indicators);
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
      [
        this.returns.putHeaderOp(next, expectedVersion),
        ...this.valueOps(next, this.completeSections(sections, this.requiredWorkstreamIds(data, period, agencyId), periodId, agencyId), indicators),
      ],
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
    const required = this.requiredWorkstreamIds(data, period, agencyId);
    return this.view(data, period, agencyId, next, this.completeSections(sections, required, periodId, agencyId), required, ctx.now, indicators);
  }
}
