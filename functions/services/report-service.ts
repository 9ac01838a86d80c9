import { periodScope, reportingAgencyIds } from '../../shared/partnership/period-scope.js';
import { periodBounds, previousPeriodId, ukDate } from '../../shared/periods/period.js';
import { draftReport, type ReportEvidence } from '../../shared/reports/draft.js';
import {
  REPORT_SECTION_HEADINGS,
  type ReportSectionKey,
  type ReportSource,
  type UpdateReportSectionRequest,
  type YearlyReportSummary,
  type YearlyReportView,
} from '../../shared/reports/schema.js';
import type { Principal } from '../auth/tokens.js';
import type { WriteContext, Writer } from '../db/transact.js';
import { Forbidden, NotFound, Unprocessable } from '../http/errors.js';
import type { PartnershipRepository } from '../repositories/partnership-repository.js';
import type { ReportRepository, StoredReport, StoredReportSection } from '../repositories/report-repository.js';
import type { ReturnRepository } from '../repositories/return-repository.js';
import { assertVersion } from '../repositories/version-guard.js';
import { renderReportDocx } from './report-docx.js';
import type { TrackerService } from './tracker-service.js';

/** The quarters of the 12 months that end with `lastPeriodId`, oldest first. */
export function windowPeriodIds(lastPeriodId: string): string[] {
  const ids = [lastPeriodId];
  while (ids.length < 4) ids.unshift(previousPeriodId(ids[0]!));
  return ids;
}

/** Whether two lists of sources say the same (as stored, a source's fields may come back in another order). */
const sameSources = (a: readonly ReportSource[], b: readonly ReportSource[]) =>
  a.length === b.length && a.every((x, i) => x.n === b[i]!.n && x.text === b[i]!.text && x.path === b[i]!.path);

/** The report's title: the partnership's name and the year or years it covers ("…: yearly report, 2025 to 2026"). */
const titleFor = (partnershipName: string, start: string, end: string) =>
  `${partnershipName}: yearly report, ${start.slice(0, 4)}${start.slice(0, 4) === end.slice(0, 4) ? '' : ` to ${end.slice(0, 4)}`}`;

/**
 * The yearly partnership report: drafted by the portal from its records for a 12-month window
 * (shared/reports/draft.ts), then edited by the programme lead section by section. One item per
 * report; every change is versioned (If-Match) and audited with the text before and after.
 */
export class ReportService {
  constructor(
    private readonly repo: ReportRepository,
    private readonly partnership: PartnershipRepository,
    private readonly returns: ReturnRepository,
    private readonly tracker: TrackerService,
    private readonly writer: Writer,
    private readonly portalUrl: string,
  ) {}

  async list(): Promise<YearlyReportSummary[]> {
    const all = await this.repo.listReports();
    return all.sort((a, b) => b.lastPeriodId.localeCompare(a.lastPeriodId)).map(({ generatedBy: _g, updatedBy: _u, ...r }) => r);
  }

  async get(id: string): Promise<YearlyReportView> {
    return this.view(await this.load(id));
  }

  async create(user: Principal, input: { lastPeriodId: string }, ctx: WriteContext): Promise<YearlyReportView> {
    if (user.role !== 'lead') throw new Forbidden('Only the programme lead drafts the yearly report.');
    const { evidence, periodIds } = await this.evidence(input.lastPeriodId, ctx.now);
    const at = ctx.now.toISOString();
    const report: StoredReport = {
      id: input.lastPeriodId,
      title: titleFor(evidence.partnershipName, evidence.window.start, evidence.window.end),
      ...evidence.window,
      periodIds,
      generatedAt: at,
      generatedBy: ctx.actor.email,
      generatedByName: ctx.actor.name,
      updatedAt: at,
      updatedBy: ctx.actor.email,
      updatedByName: ctx.actor.name,
      version: 1,
      sections: draftReport(evidence).map((s) => ({ key: s.key, text: s.text, sources: s.sources, editedAt: null, editedBy: null, editedByName: null })),
    };
    await this.writer.write(
      [this.repo.createOp(report)],
      {
        action: 'report.create',
        entityType: 'yearly-report',
        entityId: report.id,
        summary: `Drafted the yearly report for ${report.start} to ${report.end}`,
        after: { id: report.id, start: report.start, end: report.end, periodIds },
      },
      ctx,
    );
    return this.view(report);
  }

  async updateSection(
    user: Principal,
    id: string,
    key: ReportSectionKey,
    input: UpdateReportSectionRequest,
    expectedVersion: number,
    ctx: WriteContext,
  ): Promise<YearlyReportView> {
    if (user.role !== 'lead') throw new Forbidden('Only the programme lead edits the yearly report.');
    const current = await this.load(id);
    assertVersion(current, expectedVersion);
    const section = current.sections.find((s) => s.key === key);
    if (!section) throw new NotFound(`The report has no section ${key}.`);
    const text = input.text.replace(/\r\n?/g, '\n');
    // Nothing really changed: nothing to write or audit.
    if (text === section.text) return this.view(current);
    const at = ctx.now.toISOString();
    const next: StoredReport = {
      ...current,
      version: current.version + 1,
      updatedAt: at,
      updatedBy: ctx.actor.email,
      updatedByName: ctx.actor.name,
      sections: current.sections.map((s) => (s.key === key ? { ...s, text, editedAt: at, editedBy: ctx.actor.email, editedByName: ctx.actor.name } : s)),
    };
    await this.writer.write(
      [this.repo.replaceOp(next, expectedVersion)],
      {
        action: 'report.edit',
        entityType: 'yearly-report',
        entityId: id,
        summary: `Edited "${REPORT_SECTION_HEADINGS[key]}"`,
        changes: { [`sections.${key}`]: { from: section.text, to: text } },
      },
      ctx,
    );
    return this.view(next);
  }

  /** Writes again, from the records as they are now, every section the lead has not edited; edited ones keep their text and sources. */
  async regenerate(user: Principal, id: string, expectedVersion: number, ctx: WriteContext): Promise<YearlyReportView> {
    if (user.role !== 'lead') throw new Forbidden('Only the programme lead drafts the yearly report.');
    const current = await this.load(id);
    assertVersion(current, expectedVersion);
    const { evidence, periodIds } = await this.evidence(current.lastPeriodId, ctx.now);
    const drafted = new Map(draftReport(evidence).map((s) => [s.key, s]));
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const sections: StoredReportSection[] = current.sections.map((s) => {
      const fresh = drafted.get(s.key);
      if (!fresh || s.editedAt || (fresh.text === s.text && sameSources(fresh.sources, s.sources))) return s;
      // What changed: the text, or (the same words) only the records its figures point to.
      if (fresh.text !== s.text) changes[`sections.${s.key}`] = { from: s.text, to: fresh.text };
      else changes[`sections.${s.key}.sources`] = { from: s.sources, to: fresh.sources };
      return { ...s, text: fresh.text, sources: fresh.sources };
    });
    if (Object.keys(changes).length === 0 && periodIds.join() === current.periodIds.join()) return this.view(current);
    const at = ctx.now.toISOString();
    const next: StoredReport = {
      ...current,
      periodIds,
      sections,
      version: current.version + 1,
      generatedAt: at,
      updatedAt: at,
      updatedBy: ctx.actor.email,
      updatedByName: ctx.actor.name,
    };
    if (periodIds.join() !== current.periodIds.join()) changes.periodIds = { from: current.periodIds, to: periodIds };
    await this.writer.write(
      [this.repo.replaceOp(next, expectedVersion)],
      { action: 'report.regenerate', entityType: 'yearly-report', entityId: id, summary: 'Drafted the sections not edited again from the records', changes },
      ctx,
    );
    return this.view(next);
  }

  /** The report as a Word document: the figures footnoted, each footnote linking to its record's page. */
  async docx(id: string): Promise<{ bytes: Uint8Array; filename: string }> {
    const report = this.view(await this.load(id));
    return { bytes: await renderReportDocx(report, { portalUrl: this.portalUrl }), filename: `yearly-report-${report.start}-to-${report.end}.docx` };
  }

  private async load(id: string): Promise<StoredReport> {
    const r = await this.repo.getReport(id);
    if (!r) throw new NotFound(`There is no yearly report ${id}.`);
    return r;
  }

  private view(r: StoredReport): YearlyReportView {
    const { generatedBy: _g, updatedBy: _u, sections, ...rest } = r;
    return {
      ...rest,
      sections: sections.map((s) => ({
        key: s.key,
        heading: REPORT_SECTION_HEADINGS[s.key],
        text: s.text,
        sources: s.sources,
        edited: s.editedAt !== null,
        editedAt: s.editedAt,
        editedByName: s.editedByName,
      })),
    };
  }

  /**
   * What the draft is written from: the tracker as at the window's last quarter (ratings, measures,
   * milestones, readiness, sign-off, the offer), the return headers, and the sections of each
   * quarter of the window (accepted returns only): a fixed number of reads, about a dozen.
   */
  private async evidence(lastPeriodId: string, now: Date): Promise<{ evidence: ReportEvidence; periodIds: string[] }> {
    const data = await this.partnership.getPartnershipData();
    const window = windowPeriodIds(lastPeriodId);
    const opened = window.filter((id) => data.periods.some((p) => p.id === id));
    if (!data.periods.some((p) => p.id === lastPeriodId))
      throw new Unprocessable(`${lastPeriodId} has not been opened, so there is nothing to report for it.`, [
        { path: 'lastPeriodId', message: `Choose a reporting period the partnership has opened: ${lastPeriodId} has not been opened` },
      ]);
    const [t, headers, ...sectionLists] = await Promise.all([
      // As the executive sees it: the report is published, so outcome indicators the lead keeps from the executive stay out of it.
      this.tracker.tracker(lastPeriodId, now, { role: 'executive' }),
      this.returns.listAllReturnHeaders(),
      ...opened.map((id) => this.returns.listSectionsForPeriod(id)),
    ]);
    const accepted = new Set(headers.filter((h) => h.status === 'accepted').map((h) => `${h.periodId}#${h.agencyId}`));
    const periods = opened.map((id) => {
      const p = data.periods.find((x) => x.id === id)!;
      return {
        id,
        expectedAgencyIds: reportingAgencyIds(periodScope(data, p)),
        acceptedAgencyIds: reportingAgencyIds(periodScope(data, p)).filter((a) => accepted.has(`${id}#${a}`)),
      };
    });
    const inWindow = new Set(opened);
    const evidence: ReportEvidence = {
      partnershipName: data.partnership?.name ?? 'The partnership',
      window: { firstPeriodId: window[0]!, lastPeriodId, start: periodBounds(window[0]!).start, end: periodBounds(lastPeriodId).end },
      today: ukDate(now),
      periods,
      agencies: data.agencies.map((a) => ({ id: a.id, name: a.name })),
      workstreams: t.trend.map((w) => ({ id: w.workstreamId, name: w.name })),
      ratings: t.trend.flatMap((w) => w.points.filter((p) => inWindow.has(p.periodId)).map((p) => ({ workstreamId: w.workstreamId, ...p }))),
      sections: sectionLists
        .flat()
        .filter((s) => accepted.has(`${s.periodId}#${s.agencyId}`))
        .map((s) => ({
          periodId: s.periodId,
          agencyId: s.agencyId,
          workstreamId: s.workstreamId,
          confidence: s.confidence,
          narrative: s.narrative,
          escalations: s.escalations.map((e) => e.summary),
        })),
      measures: t.measures.map((w) => ({ workstreamId: w.id, workstreamName: w.name, indicators: w.indicators })),
      smallNumberThreshold: t.measuresThreshold,
      milestones: t.milestones.all,
      readiness: t.readiness,
      threshold: t.threshold && {
        versionLabel: t.threshold.versionLabel,
        status: t.threshold.status,
        signedOffAt: t.threshold.signedOffAt,
        required: t.threshold.required.map((r) => ({ agencyName: r.agencyName, signedOff: r.decision?.decision === 'approve' })),
      },
      kinship: t.kinship,
    };
    return { evidence, periodIds: opened };
  }
}
