import { gunzipSync } from 'node:zlib';
import type { Principal } from '../auth/tokens.js';
import type { WriteContext, Writer } from '../db/transact.js';
import { trackerKeys } from '../db/keys.js';
import { Conflict, Forbidden, NotFound } from '../http/errors.js';
import type { PartnershipRepository } from '../repositories/partnership-repository.js';
import type { ReadinessRepository } from '../repositories/readiness-repository.js';
import type { ReturnRepository } from '../repositories/return-repository.js';
import type { MeasureRepository } from '../repositories/measure-repository.js';
import type { MeasuresService } from './measures-service.js';
import type { TrackerAudience, TrackerSummaryRepository } from '../repositories/tracker-summary-repository.js';

const AUDIENCES: readonly TrackerAudience[] = ['lead', 'executive'];

/** The tracker's JSON as served: the read model's gzipped bytes, or text just worked out. */
export type TrackerBody = { gzip: Uint8Array } | { json: string };
/** The JSON text of a tracker body. */
export const jsonOf = (body: TrackerBody): string => ('json' in body ? body.json : gunzipSync(body.gzip).toString('utf8'));
const audienceOf = (viewer: Pick<Principal, 'role'>): TrackerAudience => (viewer.role === 'executive' ? 'executive' : 'lead');
import { assertVersion, guardedPut, type ExpectedVersion } from '../repositories/version-guard.js';
import type { KinshipService } from './kinship-service.js';
import { forAgencies, type ReadinessService } from './readiness-service.js';
import type { ThresholdService } from './threshold-service.js';
import { cellFor, overallConfidence, type ConfidenceLevel, type MatrixCell } from '../../shared/tracker/compute.js';
import { compareRisks, type ReturnStatus } from '../../shared/returns/schema.js';
import { deriveKinshipOfferComplete, deriveThresholdSignedOff, scoreAgency, scoreWorkstream } from '../../shared/readiness/schema.js';
import { isOverdue, nextPeriodId, periodBounds, ukDate, type Period } from '../../shared/periods/period.js';
import { inUse, isRetired, periodScope, reportingAgencyIds } from '../../shared/partnership/period-scope.js';

/**
 * The shared tracker: one response built from a fixed number of DynamoDB calls whatever the number
 * of agencies, workstreams and periods: configuration (1 Query), every return header (1 paged GSI
 * Query), the period's sections (1 paged GSI Query), readiness (2 paged GSI Queries), the
 * threshold record (1 Query) and the kinship register (1 Query).
 */
export class TrackerService {
  constructor(
    private readonly partnership: PartnershipRepository,
    private readonly returns: ReturnRepository,
    private readonly readinessRepo: ReadinessRepository,
    private readonly readiness: ReadinessService,
    private readonly threshold: ThresholdService,
    private readonly kinship: KinshipService,
    private readonly writer: Writer,
    private readonly table: string,
    private readonly pid: string,
    private readonly measures: { repo: MeasureRepository; service: MeasuresService },
    /** The tracker's read model; without it every read works the tracker out (tests of the working out). */
    private readonly summary?: TrackerSummaryRepository,
    /** How long after a change a tracker worked out may still miss it (config TRACKER_SETTLE_MS). */
    private readonly settleMs = 0,
  ) {}

  /**
   * `GET /tracker` as served. While nothing the tracker shows has changed since it was last worked
   * out (the count of changes is the one stored with it) and it is the same UK day, it is served as
   * stored, gzipped JSON: one BatchGetItem, whatever the size of the partnership. Otherwise it is
   * worked out from the records (a fixed handful of Queries) and stored for the next read.
   */
  async trackerBody(periodIdOrNull: string | null, now: Date, viewer: Pick<Principal, 'role'>): Promise<TrackerBody> {
    const audience = audienceOf(viewer);
    if (!this.summary) return { json: JSON.stringify(await this.tracker(periodIdOrNull, now, viewer)) };
    const { epoch, changedAt, view } = await this.summary.read(audience, periodIdOrNull);
    if (view && view.epoch === epoch && view.day === ukDate(now) && this.settled(view.builtAt, changedAt)) return { gzip: view.gzip };
    return { json: (await this.workOut(periodIdOrNull, now, { epoch, changedAt }))[audience] };
  }

  /**
   * Whether a tracker worked out at `builtAt` can hold the last change (made at `changedAt`).
   * DynamoDB updates its indexes shortly after a write, not with it, so one worked out within
   * `settleMs` of a change may have missed it (DynamoDB Local updates them with the write: 0).
   */
  private settled(builtAt: string, changedAt: string | null): boolean {
    return this.settleMs === 0 || changedAt === null || Date.parse(builtAt) - Date.parse(changedAt) >= this.settleMs;
  }

  /**
   * After a change to anything it shows: the current period's tracker worked out again and stored,
   * so the next read of it is one call. A failure here leaves the stored one behind the count of
   * changes, so it is worked out again on the next read instead: never served stale.
   */
  async refresh(now: Date): Promise<void> {
    // Right after a change, a tracker worked out where indexes lag could miss it: the first read after it settles works it out.
    if (!this.summary || this.settleMs > 0) return;
    try {
      await this.workOut(null, now, await this.summary.epoch());
    } catch (err) {
      // A partnership with no reporting period yet has no tracker to work out: nothing to store.
      if (!(err instanceof NotFound)) throw err;
    }
  }

  /**
   * Both audiences' views of a period, worked out from records read after the count was read, and
   * stored once the last change has settled. The answer stands if storing fails: the next read
   * works it out again.
   */
  private async workOut(periodIdOrNull: string | null, now: Date, stamp: { epoch: number; changedAt: string | null }): Promise<Record<TrackerAudience, string>> {
    const builtAt = now.toISOString();
    const { view, forAudience } = await this.build(periodIdOrNull, now, { role: 'lead' });
    const json = { lead: JSON.stringify(view), executive: JSON.stringify(forAudience('executive')) };
    if (this.summary && this.settled(builtAt, stamp.changedAt)) {
      const day = ukDate(now);
      // Stored under the period asked for and, for the current one, under its own id too (the page asks for it by id once chosen).
      const keys = periodIdOrNull === null ? [null, view.period.id] : [periodIdOrNull];
      const views = AUDIENCES.flatMap((audience) => keys.map((periodId) => ({ audience, periodId, view: { epoch: stamp.epoch, day, builtAt, json: json[audience] } })));
      await this.summary.store(views).catch(() => undefined);
    }
    return json;
  }

  /** The tracker for a period; `viewer` decides which outcome indicators show (the executive sees those published to them). */
  async tracker(periodIdOrNull: string | null, now: Date, viewer: Pick<Principal, 'role'> = { role: 'lead' }) {
    return (await this.build(periodIdOrNull, now, viewer)).view;
  }

  /**
   * The tracker and the period's return sections of the returns that reached the lead (submitted or
   * accepted): the returns export quotes each agency's narratives and escalations. The same reads.
   */
  async trackerWithSections(periodIdOrNull: string | null, now: Date, viewer: Pick<Principal, 'role'>) {
    const { view, sections, reported } = await this.build(periodIdOrNull, now, viewer);
    return { ...view, sections: sections.filter((s) => reported.has(s.agencyId)) };
  }

  private async build(periodIdOrNull: string | null, now: Date, viewer: Pick<Principal, 'role'>) {
    const today = ukDate(now);
    // Reads that do not depend on the period start at once; only the sections wait for it.
    const independent = Promise.all([
      this.returns.listAllReturnHeaders(),
      this.readinessRepo.getAllReadiness(),
      this.threshold.list(),
      this.kinship.coverage(today),
      this.measures.repo.listAll(),
    ]);
    independent.catch(() => undefined); // surfaced by the await below; avoids an unhandled rejection if the period is unknown
    const data = await this.partnership.getPartnershipData();
    const period = periodIdOrNull
      ? data.periods.find((p) => p.id === periodIdOrNull)
      : (data.periods.find((p) => p.status === 'open' && p.start <= today) ?? data.periods.find((p) => p.status === 'open') ?? data.periods[0]);
    if (!period) throw new NotFound(periodIdOrNull ? `There is no reporting period ${periodIdOrNull}.` : 'No reporting period has been opened yet.');

    const [sections, [headers, allReadiness, thresholdVersions, kinshipItems, measureData]] = await Promise.all([this.returns.listSectionsForPeriod(period.id), independent]);

    // The period's workstreams and agencies: a retired one stays in the periods it was in use during
    // (labelled retired) and is left out of later ones (shared/partnership/period-scope.ts).
    const scope = periodScope(data, period);
    const agencies = scope.agencies.map((a) => ({ id: a.id, name: a.name, statutory: a.statutory, retired: isRetired(a) }));
    const periodsAsc = [...data.periods].sort((a, b) => a.id.localeCompare(b.id)).filter((p) => p.id <= period.id);
    const headerOf = new Map(headers.map((h) => [`${h.periodId}#${h.agencyId}`, h]));
    const overrideOf = new Map(data.overallConfidence.map((o) => [`${o.periodId}#${o.workstreamId}`, o]));

    const matrixFor = (p: Period) =>
      periodScope(data, p).workstreams.map((w) => {
        const cells: MatrixCell[] = w.contributingAgencyIds.map((agencyId) => ({ agencyId, ...cellFor(headerOf.get(`${p.id}#${agencyId}`), w.id) }));
        const o = overrideOf.get(`${p.id}#${w.id}`);
        const set = o?.confidence ? { confidence: o.confidence as ConfidenceLevel, note: o.note } : undefined;
        const overall = overallConfidence(cells, set);
        // The version is kept after the lead clears it (see setOverall): the page sends it back as If-Match.
        return { workstreamId: w.id, name: w.name, retired: isRetired(w), cells, overall: { ...overall, note: set?.note ?? null, version: o?.version ?? 0 } };
      });
    // One matrix per period, worked out once and shared by the trend lines.
    const matrices = new Map(periodsAsc.map((p) => [p.id, matrixFor(p)]));
    const matrix = matrices.get(period.id) ?? matrixFor(period);
    // Every workstream of the periods shown, retired ones too; no point where it was not in use.
    const trend = data.workstreams
      .filter((w) => [...matrices.values()].some((m) => m.some((r) => r.workstreamId === w.id)))
      .map((w) => ({
        workstreamId: w.id,
        name: w.name,
        retired: isRetired(w),
        points: periodsAsc.map((p) => {
          const overall = matrices.get(p.id)?.find((r) => r.workstreamId === w.id)?.overall;
          return { periodId: p.id, confidence: overall?.confidence ?? null, provisional: overall?.provisional ?? false };
        }),
      }));

    const reporting = new Set(reportingAgencyIds(scope));
    const reportingAgencies = agencies.filter((a) => reporting.has(a.id));
    const returns = reportingAgencies.map((a) => {
      const h = headerOf.get(`${period.id}#${a.id}`);
      const status: ReturnStatus = h?.status ?? 'not-started';
      return {
        agencyId: a.id,
        agencyName: a.name,
        status,
        overdue: isOverdue(period, status, today),
        dueDate: period.dueDate,
        submittedAt: h?.submittedAt ?? null,
        acceptedAt: h?.acceptedAt ?? null,
        reopened: Boolean(h?.reopened),
      };
    });

    const reported = new Set(headers.filter((h) => h.periodId === period.id && (h.status === 'submitted' || h.status === 'accepted')).map((h) => h.agencyId));
    const wsName = new Map(data.workstreams.map((w) => [w.id, w.name]));
    const agencyName = new Map(data.agencies.map((a) => [a.id, a.name]));
    const risks = sections
      .filter((s) => reported.has(s.agencyId))
      .flatMap((s) =>
        s.risks.map((r) => ({
          ...r,
          rating: `${r.likelihood}${r.impact}`,
          agencyId: s.agencyId,
          agencyName: agencyName.get(s.agencyId) ?? s.agencyId,
          workstreamId: s.workstreamId,
          workstreamName: wsName.get(s.workstreamId) ?? s.workstreamId,
        })),
      )
      .sort((a, b) => compareRisks(a, b) || a.title.localeCompare(b.title));
    const escalations = sections
      .filter((s) => reported.has(s.agencyId))
      .flatMap((s) =>
        s.escalations.map((e) => ({
          summary: e.summary,
          agencyId: s.agencyId,
          agencyName: agencyName.get(s.agencyId) ?? s.agencyId,
          workstreamId: s.workstreamId,
          workstreamName: wsName.get(s.workstreamId) ?? s.workstreamId,
        })),
      );

    // The threshold record and kinship coverage are already read above: derive from them, no second read.
    const derived = await this.readiness.derivedStates(allReadiness.criteria, {
      'threshold-signed-off': deriveThresholdSignedOff(thresholdVersions),
      'kinship-offer-complete': deriveKinshipOfferComplete(kinshipItems),
    });
    // Readiness looks ahead: the workstreams and agencies in use now.
    const ready = forAgencies(allReadiness, inUse(data.agencies));
    const readiness = inUse(data.workstreams).map((w) => {
      const criteria = ready.criteria.filter((c) => c.workstreamId === w.id);
      const assessments = ready.assessments.filter((a) => a.workstreamId === w.id);
      const agencyIds = inUse(data.agencies)
        .map((a) => a.id)
        .filter((id) => criteria.some((c) => c.agencyIds.includes(id)));
      return {
        workstreamId: w.id,
        name: w.name,
        highlighted: w.macpt === true,
        criteriaCount: criteria.length,
        overall: scoreWorkstream(
          criteria,
          assessments,
          Object.fromEntries(
            Object.entries(derived)
              .filter(([id]) => criteria.some((c) => c.id === id))
              .map(([k, v]) => [k, v.ready]),
          ),
          today,
        ),
        agencies: agencyIds.map((id) => scoreAgency(id, criteria, assessments, today)),
      };
    });

    const measuresFor = (v: Pick<Principal, 'role'>) => this.measures.service.build(v, data, measureData, period.id);
    const measures = measuresFor(viewer);
    const currentThreshold = thresholdVersions.find((v) => v.status !== 'superseded') ?? null;
    const next = nextPeriodId(period.id);
    const nextBounds = periodBounds(next);
    const current = new Set(inUse(data.workstreams).map((w) => w.id));
    const open = data.milestones.filter((m) => !m.closed && current.has(m.workstreamId));
    const milestone = (m: (typeof open)[number]) => ({
      ...m,
      workstreamName: wsName.get(m.workstreamId) ?? m.workstreamId,
      ownerName: agencyName.get(m.ownerAgencyId) ?? m.ownerAgencyId,
    });

    const view = {
      period,
      periods: data.periods.map((p) => ({ id: p.id, status: p.status })),
      generatedAt: now.toISOString(),
      agencies,
      workstreams: scope.workstreams.map((w) => ({ id: w.id, name: w.name, contributingAgencyIds: w.contributingAgencyIds, retired: isRetired(w) })),
      matrix,
      trend,
      measures: measures.workstreams.filter((w) => w.indicators.length > 0),
      measuresThreshold: measures.settings.smallNumberThreshold,
      returns,
      readiness,
      threshold: currentThreshold
        ? {
            id: currentThreshold.id,
            versionLabel: currentThreshold.versionLabel,
            status: currentThreshold.status,
            signedOffAt: currentThreshold.signedOffAt,
            required: currentThreshold.requiredAgencyIds.map((a) => ({
              agencyId: a,
              agencyName: agencyName.get(a) ?? a,
              decision: currentThreshold.decisions.find((d) => d.agencyId === a) ?? null,
            })),
          }
        : null,
      kinship: kinshipItems,
      risks: risks.slice(0, 50),
      riskCount: risks.length,
      escalations,
      milestones: {
        // Due in the period shown: complete ones too, so the quarter's delivery reads in one list.
        thisQuarter: { periodId: period.id, start: period.start, end: period.end, items: open.filter((m) => m.dueDate >= period.start && m.dueDate <= period.end).map(milestone) },
        nextQuarter: {
          periodId: next,
          ...nextBounds,
          items: open.filter((m) => m.dueDate >= nextBounds.start && m.dueDate <= nextBounds.end && m.status !== 'complete').map(milestone),
        },
        overdue: open.filter((m) => m.dueDate < today && m.status !== 'complete').map(milestone),
        /** Every milestone of the workstreams in use, closed ones too (the milestones export). */
        all: data.milestones.filter((m) => current.has(m.workstreamId)).map(milestone),
      },
    };
    /** The same view for another audience: only the outcome measures differ (the executive sees those shown to them). */
    const forAudience = (audience: TrackerAudience) =>
      audience === audienceOf(viewer) ? view : { ...view, measures: measuresFor({ role: audience }).workstreams.filter((w) => w.indicators.length > 0) };
    return { view, sections, reported, forAudience };
  }

  /**
   * Sets or clears (null) the lead's overall confidence. The first setting creates it (If-Match may
   * be left out while it does not exist); after that the version the lead read is required. Clearing
   * keeps the item with `confidence: null` and a new version instead of deleting it, so its version
   * never starts again at 1, where a stale If-Match could match it.
   */
  async setOverall(
    user: Principal,
    periodId: string,
    workstreamId: string,
    input: { confidence: string | null; note: string },
    expectedVersion: ExpectedVersion,
    ctx: WriteContext,
  ) {
    if (user.role !== 'lead') throw new Forbidden("Only the programme lead sets a workstream's overall confidence.");
    const data = await this.partnership.getPartnershipData();
    const period = data.periods.find((p) => p.id === periodId);
    if (!period) throw new NotFound(`There is no reporting period ${periodId}.`);
    const ws = data.workstreams.find((w) => w.id === workstreamId);
    if (!ws) throw new NotFound(`There is no workstream ${workstreamId}.`);
    if (!periodScope(data, period).workstreams.some((w) => w.id === workstreamId))
      throw new Conflict(`"${ws.name}" was not in use during ${periodId}, so it has no overall confidence for it.`);
    const current = data.overallConfidence.find((o) => o.periodId === periodId && o.workstreamId === workstreamId);
    assertVersion(current, expectedVersion);
    const version = (current?.version ?? 0) + 1;
    const note = input.confidence ? input.note : '';
    const item = {
      ...trackerKeys.overall(this.pid, periodId, workstreamId),
      entity: 'OverallConfidence',
      periodId,
      workstreamId,
      confidence: input.confidence,
      note,
      setBy: user.email,
      setAt: ctx.now.toISOString(),
      version,
    };
    await this.writer.write(
      [guardedPut(this.table, item, expectedVersion)],
      {
        action: 'tracker.overall',
        entityType: 'workstream',
        entityId: `${workstreamId}/${periodId}`,
        summary: input.confidence ? `Set overall confidence to ${input.confidence}` : 'Cleared the overall confidence (worst of the agencies applies)',
        changes: { confidence: { from: current?.confidence ?? null, to: input.confidence } },
      },
      ctx,
    );
    return { periodId, workstreamId, confidence: input.confidence, note, version };
  }
}
