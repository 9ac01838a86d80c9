import type { Principal } from '../auth/tokens.js';
import type { WriteContext, WriteOp, Writer } from '../db/transact.js';
import { Conflict, Forbidden, NotFound, PreconditionFailed, Unprocessable } from '../domain/errors.js';
import type { PartnershipData, PartnershipRepository } from '../repositories/partnership-repository.js';
import { assertVersion } from '../repositories/version-guard.js';
import { restoredVersion, retiredVersion, retirementEvent } from './retirement.js';
import type { ThresholdService } from './threshold-service.js';
import { changedFields, noChanges } from '../../shared/audit/changes.js';
import { inUse, isRetired } from '../../shared/partnership/period-scope.js';
import type { CreateAgencyRequest, MoveRequest, UpdateAgencyRequest } from '../../shared/partnership/requests.js';
import type { Agency, Versioned } from '../../shared/partnership/schema.js';
import { placeUnplaced, sameName, swapPlaces, uniqueSlug } from '../../shared/partnership/set-up.js';
import { listOf } from '../../shared/text/plural.js';

type StoredAgency = Versioned<Agency>;

const LEAD_ONLY = 'Only the programme lead manages the partnership’s agencies.';
const CHANGED_MEANWHILE = () => new PreconditionFailed('Someone else changed the agencies at the same time. Reload the page and try again.');

/**
 * The partnership's agencies, run by the lead on Programme set-up: add, rename, move, retire and
 * restore. A retired agency keeps its history: its past returns, its place in past trackers and
 * its people's accounts (see shared/partnership/period-scope.ts). Each change is one write with its
 * audit event.
 */
export class AgencyService {
  constructor(
    private readonly partnership: PartnershipRepository,
    private readonly threshold: Pick<ThresholdService, 'config' | 'list'>,
    private readonly writer: Writer,
  ) {}

  async create(user: Principal, input: CreateAgencyRequest, ctx: WriteContext): Promise<StoredAgency> {
    if (user.role !== 'lead') throw new Forbidden(LEAD_ONLY);
    const data = await this.partnership.getPartnershipData();
    this.checkName(data, input.name);
    // Agencies from before have no place yet: they get theirs, as shown, so the new one comes last.
    const placed = placeUnplaced(data.agencies);
    const a: StoredAgency = {
      id: uniqueSlug(
        input.name,
        data.agencies.map((x) => x.id),
      ),
      name: input.name,
      type: input.type,
      statutory: input.statutory,
      order: Math.max(0, ...data.agencies.map((x) => placed.get(x.id) ?? x.order ?? 0)) + 1,
      createdAt: ctx.now.toISOString(),
      version: 1,
    };
    await this.writer.write(
      [
        this.partnership.putAgencyOp(a, null, () => new Conflict('Another agency with this name was added at the same moment. Reload the page and check.')),
        ...this.reorderOps(data, placed),
      ],
      {
        action: 'agency.create',
        entityType: 'agency',
        entityId: a.id,
        summary: `Added agency "${a.name}"`,
        after: a,
        // The places given to agencies from before: how they were already shown, now stored.
        ...(placed.size ? { meta: { placed: Object.fromEntries(placed) } } : {}),
      },
      ctx,
    );
    return a;
  }

  /** PATCH: rename it, or change its type or whether it is a statutory partner. */
  async update(user: Principal, id: string, input: UpdateAgencyRequest, expected: number, ctx: WriteContext): Promise<StoredAgency> {
    if (user.role !== 'lead') throw new Forbidden(LEAD_ONLY);
    const data = await this.partnership.getPartnershipData();
    const current = this.find(data, id);
    assertVersion(current, expected);
    if (input.name !== undefined) this.checkName(data, input.name, id);
    const next: StoredAgency = { ...current, ...input };
    const changes = changedFields(current, next, Object.keys(input) as (keyof UpdateAgencyRequest & string)[]);
    if (noChanges(changes)) return current;
    const saved = { ...next, version: current.version + 1 };
    await this.writer.write(
      [this.partnership.putAgencyOp(saved, expected)],
      { action: 'agency.update', entityType: 'agency', entityId: id, summary: `Changed agency "${saved.name}"`, changes },
      ctx,
    );
    return saved;
  }

  /** One place up or down among the agencies in use: it changes places with its neighbour (both guarded). */
  async move(user: Principal, id: string, { direction }: MoveRequest, expected: number, ctx: WriteContext): Promise<StoredAgency> {
    if (user.role !== 'lead') throw new Forbidden(LEAD_ONLY);
    const data = await this.partnership.getPartnershipData();
    const current = this.find(data, id);
    assertVersion(current, expected);
    if (isRetired(current)) throw new Conflict(`${current.name} is retired, so it has no place in the order. Restore it first.`);
    const placed = placeUnplaced(data.agencies);
    const list = inUse(data.agencies).map((a) => ({ ...a, order: placed.get(a.id) ?? a.order }));
    const from = list.findIndex((a) => a.id === id);
    const to = direction === 'up' ? from - 1 : from + 1;
    const other = list[to];
    if (!other) throw new Conflict(`${current.name} is already ${direction === 'up' ? 'first' : 'last'}.`);
    const orders = new Map([...placed, ...swapPlaces(list, from, to)]);
    const self = { ...current, order: orders.get(id) ?? current.order, version: current.version + 1 };
    await this.writer.write(
      [this.partnership.putAgencyOp(self, expected), ...this.reorderOps(data, orders, id)],
      {
        action: 'agency.reorder',
        entityType: 'agency',
        entityId: id,
        summary: `Moved ${current.name} ${direction}, ${direction === 'up' ? 'above' : 'below'} ${other.name}`,
        changes: { order: { from: current.order ?? null, to: self.order } },
        meta: { direction, passed: other.id, orders: Object.fromEntries(orders) },
      },
      ctx,
    );
    return self;
  }

  /**
   * Retired: left out of periods from the day it is retired, and of new choices; its people keep
   * their accounts. Refused while it leads a workstream in use, is the only agency reporting on
   * one, or signs the threshold document: the answer says what to change first.
   */
  async retire(user: Principal, id: string, expected: number, ctx: WriteContext): Promise<StoredAgency> {
    if (user.role !== 'lead') throw new Forbidden(LEAD_ONLY);
    const [data, thresholdConfig, versions] = await Promise.all([this.partnership.getPartnershipData(), this.threshold.config(), this.threshold.list()]);
    const current = this.find(data, id);
    assertVersion(current, expected);
    if (isRetired(current)) throw new Conflict(`${current.name} is already retired.`);
    const active = inUse(data.workstreams);
    const retiredIds = new Set(data.agencies.filter(isRetired).map((a) => a.id));
    const leads = active.filter((w) => w.leadAgencyId === id).map((w) => w.name);
    const alone = active.filter((w) => w.contributingAgencyIds.filter((a) => !retiredIds.has(a)).join() === id).map((w) => w.name);
    const pending = versions.find((v) => v.status !== 'superseded' && v.status !== 'signed-off' && v.requiredAgencyIds.includes(id) && !v.decisions.some((d) => d.agencyId === id));
    const reasons = [
      ...(leads.length ? [`it leads ${listOf(leads)}: choose another lead agency for ${leads.length === 1 ? 'it' : 'each'}, or retire ${leads.length === 1 ? 'it' : 'them'}`] : []),
      ...(alone.length
        ? [`it is the only agency reporting on ${listOf(alone)}: add another agency to ${alone.length === 1 ? 'it' : 'each'}, or retire ${alone.length === 1 ? 'it' : 'them'}`]
        : []),
      ...(thresholdConfig.requiredAgencyIds.includes(id) ? ['it signs the threshold document: take it off the agencies that sign, on the Threshold document page'] : []),
      ...(pending ? [`threshold document ${pending.versionLabel} is waiting for its decision: wait for it, or issue a new version once it no longer signs`] : []),
    ];
    if (reasons.length) throw new Conflict(`${current.name} cannot be retired yet: ${reasons.join('; ')}.`);
    const next = retiredVersion(current, user.name, ctx.now);
    await this.writer.write([this.partnership.putAgencyOp(next, expected)], retirementEvent('agency', current, next), ctx);
    return next;
  }

  /** Back in use, in its old place, as if it had never been retired. */
  async restore(user: Principal, id: string, expected: number, ctx: WriteContext): Promise<StoredAgency> {
    if (user.role !== 'lead') throw new Forbidden(LEAD_ONLY);
    const data = await this.partnership.getPartnershipData();
    const current = this.find(data, id);
    assertVersion(current, expected);
    if (!isRetired(current)) throw new Conflict(`${current.name} is in use: there is nothing to restore.`);
    const next = restoredVersion(current);
    await this.writer.write([this.partnership.putAgencyOp(next, expected)], retirementEvent('agency', current, next), ctx);
    return next;
  }

  private find(data: PartnershipData, id: string): StoredAgency {
    const a = data.agencies.find((x) => x.id === id);
    if (!a) throw new NotFound(`There is no agency ${id} in this partnership.`);
    return a;
  }

  private checkName(data: PartnershipData, name: string, except?: string) {
    const clash = sameName(data.agencies, name, except);
    if (!clash) return;
    const message = isRetired(clash)
      ? `A retired agency is called "${clash.name}". Restore it instead, or choose another name.`
      : `There is already an agency called "${clash.name}". Choose another name.`;
    throw new Unprocessable(message, [{ path: 'name', message }]);
  }

  /** Writes of the other agencies whose place changes (each guarded by the version read), leaving out `except`. */
  private reorderOps(data: PartnershipData, orders: Map<string, number>, except?: string): WriteOp[] {
    return data.agencies
      .filter((a) => a.id !== except && orders.has(a.id) && orders.get(a.id) !== a.order)
      .map((a) => this.partnership.putAgencyOp({ ...a, order: orders.get(a.id)!, version: a.version + 1 }, a.version, CHANGED_MEANWHILE));
  }
}
