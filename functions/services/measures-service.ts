import type { Principal } from '../auth/tokens.js';
import type { WriteContext, Writer } from '../db/transact.js';
import { Conflict, Forbidden, NotFound, Unprocessable } from '../domain/errors.js';
import type { MeasureRepository, MeasuresData } from '../repositories/measure-repository.js';
import type { PartnershipData, PartnershipRepository } from '../repositories/partnership-repository.js';
import { assertVersion } from '../repositories/version-guard.js';
import { restoredVersion, retiredVersion, retirementEvent } from './retirement.js';
import { changedFields, noChanges } from '../../shared/audit/changes.js';
import { indicatorErrors } from '../../shared/measures/rules.js';
import {
  MAX_INDICATORS_PER_SECTION,
  type CreateIndicatorRequest,
  DEFAULT_SMALL_NUMBER_THRESHOLD,
  type Indicator,
  type IndicatorView,
  type MeasureSettingsRequest,
  type MeasureSettingsView,
  type MeasuresView,
  type UpdateIndicatorRequest,
} from '../../shared/measures/schema.js';
import { pointState, seriesOf } from '../../shared/measures/series.js';
import { inUse, isRetired } from '../../shared/partnership/period-scope.js';
import { sameName, uniqueSlug } from '../../shared/partnership/set-up.js';

const LEAD_ONLY = 'Only the programme lead sets up outcome indicators.';
const FIX = 'Some answers cannot be used. Correct them and try again.';

/** The partnership's small-number threshold and its version (0: never set, the default applies). */
export function measureSettings(data: Pick<PartnershipData, 'measureSettings'>): MeasureSettingsView {
  return data.measureSettings ?? { smallNumberThreshold: DEFAULT_SMALL_NUMBER_THRESHOLD, version: 0 };
}

/**
 * Outcome measures: the lead's indicators per workstream (add, change, retire, restore; each one
 * write with its audit event) and the measures view built from the values agencies report in
 * their returns (written by the returns service, beside the sections they come from).
 */
export class MeasuresService {
  constructor(
    private readonly measures: MeasureRepository,
    private readonly partnership: PartnershipRepository,
    private readonly writer: Writer,
  ) {}

  /**
   * The measures view: one workstream's (the configuration Query and two on the measures partition)
   * or every workstream's (the configuration and one paged Query), whatever the number of quarters.
   */
  async view(user: Principal, q: { workstreamId?: string | undefined; periodId?: string | undefined }): Promise<MeasuresView> {
    const [data, m] = await Promise.all([this.partnership.getPartnershipData(), q.workstreamId ? this.measures.listForWorkstream(q.workstreamId) : this.measures.listAll()]);
    if (q.workstreamId && !data.workstreams.some((w) => w.id === q.workstreamId)) throw new NotFound(`There is no workstream ${q.workstreamId}.`);
    return this.build(user, data, m, q.periodId ?? null, q.workstreamId);
  }

  /**
   * The view from data already read (the tracker reads the partition with its own reads). The
   * executive sees the indicators published to them; a retired indicator shows while it has
   * history, and to the lead always.
   */
  build(user: Pick<Principal, 'role'> & { agencyId?: string | null }, data: PartnershipData, m: MeasuresData, upTo: string | null, onlyWorkstream?: string): MeasuresView {
    const settings = measureSettings(data);
    const agencyName = new Map(data.agencies.map((a) => [a.id, a.name]));
    // A partner reads every agency's final values and their own agency's provisional ones: whether
    // another agency's return is in but not yet accepted is the lead's and the executive's to see.
    const values = user.role === 'partner' ? m.values.filter((g) => pointState(g) === 'accepted' || g.agencyId === user.agencyId) : m.values;
    const workstreams = data.workstreams
      .filter((w) => !onlyWorkstream || w.id === onlyWorkstream)
      .map((w) => {
        const indicators = m.indicators
          .filter((i) => i.workstreamId === w.id && (user.role !== 'executive' || i.publishedToExecutive))
          .map((i) => seriesOf(this.viewOf(i, agencyName), values, upTo, settings.smallNumberThreshold))
          // A retired indicator stays while it has history, and for the lead (who may restore it).
          .filter((s) => !s.retired || s.points.length > 0 || user.role === 'lead');
        return { id: w.id, name: w.name, retired: isRetired(w), indicators };
      })
      .filter((w) => !w.retired || w.indicators.length > 0);
    return { upTo, settings, workstreams };
  }

  private viewOf(i: Indicator, agencyName: ReadonlyMap<string, string>): IndicatorView {
    return { ...i, reportingAgencyName: agencyName.get(i.reportingAgencyId) ?? i.reportingAgencyId, retired: isRetired(i) };
  }

  private async context(user: Principal, workstreamId: string) {
    if (user.role !== 'lead') throw new Forbidden(LEAD_ONLY);
    const [data, indicators] = await Promise.all([this.partnership.getPartnershipData(), this.measures.listIndicators()]);
    const workstream = data.workstreams.find((w) => w.id === workstreamId);
    if (!workstream) throw new NotFound(`There is no workstream ${workstreamId}.`);
    const agencyName = new Map(data.agencies.map((a) => [a.id, a.name]));
    const inUseIds = new Set(inUse(data.agencies).map((a) => a.id));
    // Agencies that report on the workstream now: an indicator is reported in their return's section.
    const reporting = workstream.contributingAgencyIds.filter((a) => inUseIds.has(a));
    return { data, workstream, agencyName, reporting, siblings: indicators.filter((i) => i.workstreamId === workstreamId) };
  }

  private check(ind: Indicator, reporting: string[], agencyName: ReadonlyMap<string, string>, siblings: Indicator[], nameChanged: boolean, threshold: number) {
    const errors = indicatorErrors(ind, reporting, agencyName, threshold);
    // A return's section takes at most MAX_INDICATORS_PER_SECTION values: more could never be submitted.
    const alongside = siblings.filter((s) => s.id !== ind.id && !s.retiredAt && s.reportingAgencyId === ind.reportingAgencyId).length;
    if (!ind.retiredAt && alongside >= MAX_INDICATORS_PER_SECTION)
      errors.push({
        path: 'reportingAgencyId',
        message: `${agencyName.get(ind.reportingAgencyId) ?? ind.reportingAgencyId} already reports ${alongside} indicators in this workstream, the most one section can hold. Retire one first, or choose another agency`,
      });
    if (nameChanged && sameName(siblings, ind.name, ind.id))
      errors.unshift({ path: 'name', message: `This workstream already has an indicator called "${ind.name}": choose another name` });
    if (errors.length) throw new Unprocessable(FIX, errors);
  }

  async create(user: Principal, workstreamId: string, input: CreateIndicatorRequest, ctx: WriteContext): Promise<IndicatorView> {
    const { data, workstream, agencyName, reporting, siblings } = await this.context(user, workstreamId);
    if (isRetired(workstream)) throw new Conflict(`"${workstream.name}" is retired. Restore it before adding indicators to it.`);
    const ind: Indicator = {
      ...input,
      id: uniqueSlug(
        input.name,
        siblings.map((i) => i.id),
      ),
      workstreamId,
      order: Math.max(-1, ...siblings.map((i) => i.order)) + 1,
      createdAt: ctx.now.toISOString(),
      version: 1,
    };
    this.check(ind, reporting, agencyName, siblings, true, measureSettings(data).smallNumberThreshold);
    await this.writer.write(
      [this.measures.putIndicatorOp(ind, null, () => new Conflict('Another indicator with this name was added at the same moment. Reload the page and check.'))],
      { action: 'indicator.create', entityType: 'indicator', entityId: `${workstreamId}/${ind.id}`, summary: `Added outcome indicator "${ind.name}"`, after: ind },
      ctx,
    );
    return this.viewOf(ind, agencyName);
  }

  /** PATCH: only the fields sent change; the indicator that results is checked as a new one is. */
  async update(user: Principal, workstreamId: string, id: string, input: UpdateIndicatorRequest, expected: number, ctx: WriteContext): Promise<IndicatorView> {
    const { data, agencyName, reporting, siblings } = await this.context(user, workstreamId);
    const current = this.find(siblings, workstreamId, id);
    assertVersion(current, expected);
    const next: Indicator = { ...current, ...input };
    // An agency that has since stopped reporting on the workstream stays while it is not changed.
    const allowed = input.reportingAgencyId === undefined || input.reportingAgencyId === current.reportingAgencyId ? [...reporting, current.reportingAgencyId] : reporting;
    this.check(next, allowed, agencyName, siblings, input.name !== undefined, measureSettings(data).smallNumberThreshold);
    const changes = changedFields(current, next, Object.keys(input) as (keyof UpdateIndicatorRequest & string)[]);
    if (noChanges(changes)) return this.viewOf(current, agencyName);
    const saved = { ...next, version: current.version + 1 };
    await this.writer.write(
      [this.measures.putIndicatorOp(saved, expected)],
      { action: 'indicator.update', entityType: 'indicator', entityId: `${workstreamId}/${id}`, summary: `Changed outcome indicator "${saved.name}"`, changes },
      ctx,
    );
    return this.viewOf(saved, agencyName);
  }

  /** Retired: no longer asked for in returns; its values and trend stay. Restored: asked for again. */
  async setRetired(user: Principal, workstreamId: string, id: string, retire: boolean, expected: number, ctx: WriteContext): Promise<IndicatorView> {
    const { agencyName, siblings } = await this.context(user, workstreamId);
    const current = this.find(siblings, workstreamId, id);
    assertVersion(current, expected);
    if (isRetired(current) === retire) throw new Conflict(`"${current.name}" is already ${retire ? 'retired' : 'in use'}.`);
    const next = retire ? retiredVersion(current, user.name, ctx.now) : restoredVersion(current);
    const crowded = siblings.filter((s) => s.id !== id && !s.retiredAt && s.reportingAgencyId === current.reportingAgencyId).length >= MAX_INDICATORS_PER_SECTION;
    if (!retire && crowded)
      throw new Conflict(`${agencyName.get(current.reportingAgencyId) ?? current.reportingAgencyId} already reports the most indicators one section can hold. Retire one first.`);
    await this.writer.write([this.measures.putIndicatorOp(next, expected)], retirementEvent('indicator', current, next, `${workstreamId}/${id}`), ctx);
    return this.viewOf(next, agencyName);
  }

  async setSettings(user: Principal, input: MeasureSettingsRequest, expected: number, ctx: WriteContext): Promise<MeasureSettingsView> {
    if (user.role !== 'lead') throw new Forbidden('Only the programme lead sets the small-number threshold.');
    const data = await this.partnership.getPartnershipData();
    const current = measureSettings(data);
    assertVersion(data.measureSettings, expected);
    if (current.smallNumberThreshold === input.smallNumberThreshold) return current;
    const next = { smallNumberThreshold: input.smallNumberThreshold, version: current.version + 1 };
    await this.writer.write(
      [this.measures.putSettingsOp(next, data.measureSettings ? expected : null)],
      {
        action: 'measures.settings',
        entityType: 'measure-settings',
        entityId: 'small-number-threshold',
        summary: `Set the small-number threshold to ${next.smallNumberThreshold}: counts of 1 to ${next.smallNumberThreshold - 1} children are not recorded`,
        changes: { smallNumberThreshold: { from: current.smallNumberThreshold, to: next.smallNumberThreshold } },
      },
      ctx,
    );
    return next;
  }

  private find(siblings: Indicator[], workstreamId: string, id: string): Indicator {
    const found = siblings.find((i) => i.id === id);
    if (!found) throw new NotFound(`There is no indicator ${id} in workstream ${workstreamId}.`);
    return found;
  }
}
