import type { Principal } from '../auth/tokens.js';
import type { WriteContext, Writer } from '../db/transact.js';
import { Conflict, Forbidden, NotFound, PreconditionFailed, Unprocessable, ValidationFailed } from '../domain/errors.js';
import type { PartnershipData, PartnershipRepository } from '../repositories/partnership-repository.js';
import { assertVersion } from '../repositories/version-guard.js';
import { restoredVersion, retiredVersion, retirementEvent } from './retirement.js';
import { changedFields, noChanges } from '../../shared/audit/changes.js';
import type { FieldError } from '../../shared/http/problem.js';
import { inUse, isRetired, withContributors } from '../../shared/partnership/period-scope.js';
import type { CreateWorkstreamRequest, MoveRequest, UpdateWorkstreamRequest } from '../../shared/partnership/requests.js';
import type { Versioned, Workstream } from '../../shared/partnership/schema.js';
import { sameName, swapPlaces, uniqueSlug } from '../../shared/partnership/set-up.js';

type StoredWorkstream = Versioned<Workstream>;

const LEAD_ONLY = 'Only the programme lead manages workstreams.';

/**
 * The programme's workstreams, run by the lead on Programme set-up: add, change, move, retire and
 * restore. Retiring keeps the workstream and its history (see shared/partnership/period-scope.ts
 * for the periods it still belongs to). Each change is one write with its audit event.
 */
export class WorkstreamService {
  constructor(
    private readonly partnership: PartnershipRepository,
    private readonly writer: Writer,
  ) {}

  async create(user: Principal, input: CreateWorkstreamRequest, ctx: WriteContext): Promise<StoredWorkstream> {
    if (user.role !== 'lead') throw new Forbidden(LEAD_ONLY);
    const data = await this.partnership.getPartnershipData();
    const contributors = [...new Set(input.contributingAgencyIds)];
    this.checkAgencies(data, { leadAgencyId: input.leadAgencyId, contributingAgencyIds: contributors }, null, sameName(data.workstreams, input.name));
    const w: StoredWorkstream = {
      id: uniqueSlug(
        input.name,
        data.workstreams.map((x) => x.id),
      ),
      name: input.name,
      description: input.description,
      leadAgencyId: input.leadAgencyId,
      contributingAgencyIds: contributors,
      order: Math.max(0, ...data.workstreams.map((x) => x.order)) + 1,
      createdAt: ctx.now.toISOString(),
      version: 1,
    };
    await this.writer.write(
      [this.partnership.putWorkstreamOp(w, null, () => new Conflict('Another workstream with this name was added at the same moment. Reload the page and check.'))],
      { action: 'workstream.create', entityType: 'workstream', entityId: w.id, summary: `Added workstream "${w.name}"`, after: w },
      ctx,
    );
    return w;
  }

  /** PATCH: only the fields sent change; the workstream that results is checked as a new one is. */
  async update(user: Principal, id: string, input: UpdateWorkstreamRequest, expected: number, ctx: WriteContext): Promise<StoredWorkstream> {
    if (user.role !== 'lead') throw new Forbidden(LEAD_ONLY);
    const data = await this.partnership.getPartnershipData();
    const current = this.find(data, id);
    assertVersion(current, expected);
    let next: StoredWorkstream = { ...current, ...pick(input, ['name', 'description', 'leadAgencyId']) };
    if (input.contributingAgencyIds) {
      const asked = [...new Set(input.contributingAgencyIds)];
      // Retired agencies are not offered: those already reporting on it stay, with their history.
      const kept = current.contributingAgencyIds.filter((a) => !asked.includes(a) && this.retiredAgency(data, a));
      const wanted = [...asked, ...kept];
      const same = wanted.length === current.contributingAgencyIds.length && wanted.every((a) => current.contributingAgencyIds.includes(a));
      if (!same) next = withContributors(next, wanted, ctx.now.toISOString());
    }
    this.checkAgencies(data, next, current, input.name !== undefined ? sameName(data.workstreams, input.name, id) : undefined);
    // Absent and false mean the same: only a real change of the mark is stored (and audited).
    if (input.macpt !== undefined && input.macpt !== (current.macpt === true)) next = { ...next, macpt: input.macpt };
    if (next.macpt && !current.macpt && isRetired(current))
      throw new Unprocessable('Some answers cannot be used. Correct them and try again.', [
        { path: 'macpt', message: `"${current.name}" is retired. Restore it before it sets up the MACPTs.` },
      ]);
    const changes = changedFields(current, next, Object.keys(input) as (keyof UpdateWorkstreamRequest & string)[]);
    if (noChanges(changes)) return current;
    next = { ...next, version: current.version + 1 };
    // One MACPT workstream per partnership: the one that had the mark loses it in the same write, as `false`
    // (a decision stored, which the migration that marks older data leaves alone).
    const before = next.macpt && !current.macpt ? data.workstreams.filter((w) => w.id !== id && w.macpt === true) : [];
    const unmarked = before.map((w) => ({ before: w, after: { ...w, macpt: false, version: w.version + 1 } }));
    const busy = () => new PreconditionFailed('Someone else changed the workstreams at the same time. Reload the page and try again.');
    await this.writer.write(
      [this.partnership.putWorkstreamOp(next, expected), ...unmarked.map((u) => this.partnership.putWorkstreamOp(u.after, u.before.version, busy))],
      {
        action: 'workstream.update',
        entityType: 'workstream',
        entityId: id,
        summary: `Changed workstream "${next.name}"${unmarked.length ? `: it sets up the MACPTs instead of "${unmarked.map((u) => u.before.name).join('", "')}"` : ''}`,
        changes,
        ...(unmarked.length ? { meta: { macptFrom: unmarked.map((u) => u.before.id) } } : {}),
      },
      ctx,
    );
    return next;
  }

  /** One place up or down among the workstreams in use: it changes places with its neighbour (both guarded). */
  async move(user: Principal, id: string, { direction }: MoveRequest, expected: number, ctx: WriteContext): Promise<StoredWorkstream> {
    if (user.role !== 'lead') throw new Forbidden(LEAD_ONLY);
    const data = await this.partnership.getPartnershipData();
    const current = this.find(data, id);
    assertVersion(current, expected);
    if (isRetired(current)) throw new Conflict(`"${current.name}" is retired, so it has no place in the order. Restore it first.`);
    const list = inUse(data.workstreams);
    const from = list.findIndex((w) => w.id === id);
    const to = direction === 'up' ? from - 1 : from + 1;
    const other = list[to];
    if (!other) throw new Conflict(`"${current.name}" is already ${direction === 'up' ? 'first' : 'last'}.`);
    const orders = swapPlaces(list, from, to);
    const moved = list.filter((w) => orders.has(w.id)).map((w) => ({ before: w, after: { ...w, order: orders.get(w.id)!, version: w.version + 1 } }));
    const self = moved.find((m) => m.before.id === id)!.after;
    await this.writer.write(
      moved.map((m) =>
        this.partnership.putWorkstreamOp(
          m.after,
          m.before.version,
          m.before.id === id ? undefined : () => new PreconditionFailed('Someone else changed the workstreams at the same time. Reload the page and try again.'),
        ),
      ),
      {
        action: 'workstream.reorder',
        entityType: 'workstream',
        entityId: id,
        summary: `Moved "${current.name}" ${direction}, ${direction === 'up' ? 'above' : 'below'} "${other.name}"`,
        changes: { order: { from: current.order, to: self.order } },
        meta: { direction, passed: other.id, orders: Object.fromEntries(moved.map((m) => [m.before.id, { from: m.before.order, to: m.after.order }])) },
      },
      ctx,
    );
    return self;
  }

  /** Retired: left out of periods from the day it is retired; kept, with its history, in the ones before. */
  async retire(user: Principal, id: string, expected: number, ctx: WriteContext): Promise<StoredWorkstream> {
    if (user.role !== 'lead') throw new Forbidden(LEAD_ONLY);
    const data = await this.partnership.getPartnershipData();
    const current = this.find(data, id);
    assertVersion(current, expected);
    if (isRetired(current)) throw new Conflict(`"${current.name}" is already retired.`);
    if (inUse(data.workstreams).length === 1) throw new Conflict(`"${current.name}" is the only workstream in use. Add another workstream before you retire this one.`);
    const next = retiredVersion(current, user.name, ctx.now);
    await this.writer.write([this.partnership.putWorkstreamOp(next, expected)], retirementEvent('workstream', current, next), ctx);
    return next;
  }

  /** Back in use, in its old place, as if it had never been retired; its lead and at least one reporting agency must be in use. */
  async restore(user: Principal, id: string, expected: number, ctx: WriteContext): Promise<StoredWorkstream> {
    if (user.role !== 'lead') throw new Forbidden(LEAD_ONLY);
    const data = await this.partnership.getPartnershipData();
    const current = this.find(data, id);
    assertVersion(current, expected);
    if (!isRetired(current)) throw new Conflict(`"${current.name}" is in use: there is nothing to restore.`);
    const lead = data.agencies.find((a) => a.id === current.leadAgencyId);
    if (lead && isRetired(lead)) throw new Conflict(`Its lead agency, ${lead.name}, is retired. Restore ${lead.name} first, or change the workstream's lead agency.`);
    if (!current.contributingAgencyIds.some((a) => !this.retiredAgency(data, a)))
      throw new Conflict('None of the agencies that report on it is in use. Restore one of them first, or change who reports on it.');
    const next = restoredVersion(current);
    await this.writer.write([this.partnership.putWorkstreamOp(next, expected)], retirementEvent('workstream', current, next), ctx);
    return next;
  }

  private find(data: PartnershipData, id: string): StoredWorkstream {
    const w = data.workstreams.find((x) => x.id === id);
    if (!w) throw new NotFound(`There is no workstream ${id}.`);
    return w;
  }

  private retiredAgency(data: PartnershipData, id: string): boolean {
    const a = data.agencies.find((x) => x.id === id);
    return !!a && isRetired(a);
  }

  /**
   * Agencies named must be the partnership's (400 otherwise); one newly named must be in use, at least
   * one reporting agency must be, and the name must be the workstream's own (422, naming the field).
   */
  private checkAgencies(data: PartnershipData, w: Pick<Workstream, 'leadAgencyId' | 'contributingAgencyIds'>, before: Workstream | null, clash: Workstream | undefined) {
    const known = new Map(data.agencies.map((a) => [a.id, a]));
    const choose = `Choose one of the partnership's agencies: ${inUse(data.agencies)
      .map((a) => a.id)
      .join(', ')}`;
    const unknown: FieldError[] = [
      ...(known.has(w.leadAgencyId) ? [] : [{ path: 'leadAgencyId', message: choose }]),
      ...w.contributingAgencyIds.flatMap((a, i) => (known.has(a) ? [] : [{ path: `contributingAgencyIds[${i}]`, message: choose }])),
    ];
    if (unknown.length) throw new ValidationFailed(unknown);
    const retired = (id: string) => isRetired(known.get(id)!);
    const refused: FieldError[] = [];
    if (clash)
      refused.push({
        path: 'name',
        message: isRetired(clash)
          ? `A retired workstream is called "${clash.name}". Restore it instead, or choose another name.`
          : `There is already a workstream called "${clash.name}". Choose another name.`,
      });
    if (retired(w.leadAgencyId) && w.leadAgencyId !== before?.leadAgencyId)
      refused.push({ path: 'leadAgencyId', message: `${known.get(w.leadAgencyId)!.name} is retired. Choose an agency in use, or restore it first.` });
    w.contributingAgencyIds.forEach((a, i) => {
      if (retired(a) && !before?.contributingAgencyIds.includes(a))
        refused.push({ path: `contributingAgencyIds[${i}]`, message: `${known.get(a)!.name} is retired. Choose agencies in use, or restore it first.` });
    });
    if (!w.contributingAgencyIds.some((a) => !retired(a))) refused.push({ path: 'contributingAgencyIds', message: 'Choose at least one agency in use that reports on it' });
    if (refused.length) throw new Unprocessable('Some answers cannot be used. Correct them and try again.', refused);
  }
}

/** The fields of `input` that were sent. */
function pick<T extends object, K extends keyof T>(input: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => input[k] !== undefined).map((k) => [k, input[k]])) as Partial<Pick<T, K>>;
}
