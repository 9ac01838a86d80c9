import type { Principal } from '../auth/tokens.js';
import type { WriteContext, Writer } from '../db/transact.js';
import { milestoneKeys } from '../db/keys.js';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../http/errors.js';
import type { PartnershipRepository } from '../repositories/partnership-repository.js';
import type { PeriodRepository } from '../repositories/period-repository.js';
import { assertVersion, guardedPut } from '../repositories/version-guard.js';
import { periodBounds, type CreatePeriodRequest, type Period } from '../../shared/periods/period.js';
import { slugify, type CreateMilestoneRequest, type Milestone, type UpdateMilestoneRequest } from '../../shared/workstreams/milestone.js';
import { changedFields, noChanges } from '../../shared/audit/changes.js';
import { inUse, isRetired } from '../../shared/partnership/period-scope.js';

/** Workstreams, their milestones and reporting periods: the programme's structure, run by the lead. */
export class ProgrammeService {
  constructor(
    private readonly partnership: PartnershipRepository,
    private readonly periods: PeriodRepository,
    private readonly writer: Writer,
    private readonly table: string,
    private readonly pid: string,
  ) {}

  async listWorkstreams() {
    const data = await this.partnership.getPartnershipData();
    return data.workstreams.map((w) => ({ ...w, milestones: data.milestones.filter((m) => m.workstreamId === w.id) }));
  }

  async getWorkstream(id: string) {
    const all = await this.listWorkstreams();
    const w = all.find((x) => x.id === id);
    if (!w) throw new NotFound(`There is no workstream ${id}.`);
    return w;
  }

  async listPeriods(): Promise<Period[]> {
    return (await this.partnership.getPartnershipData()).periods;
  }

  async createPeriod(user: Principal, input: CreatePeriodRequest, ctx: WriteContext): Promise<Period> {
    if (user.role !== 'lead') throw new Forbidden('Only the programme lead opens reporting periods.');
    const { start, end } = periodBounds(input.id);
    const period: Period = { id: input.id, start, end, dueDate: input.dueDate, status: 'open' };
    await this.writer.write(
      [this.periods.createPeriodOp(period)],
      { action: 'period.open', entityType: 'period', entityId: period.id, summary: `Opened reporting period ${period.id}, due ${period.dueDate}`, after: period },
      ctx,
    );
    return period;
  }

  async createMilestone(user: Principal, workstreamId: string, input: CreateMilestoneRequest, ctx: WriteContext): Promise<Milestone> {
    if (user.role !== 'lead') throw new Forbidden('Only the programme lead manages milestones.');
    const data = await this.partnership.getPartnershipData();
    const ws = data.workstreams.find((w) => w.id === workstreamId);
    if (!ws) throw new NotFound(`There is no workstream ${workstreamId}.`);
    if (isRetired(ws)) throw new Conflict(`"${ws.name}" is retired. Restore it before adding milestones to it.`);
    this.checkMilestone(
      input,
      inUse(data.agencies).map((a) => a.id),
    );
    const milestone: Milestone = {
      id: input.id ?? slugify(input.title),
      workstreamId,
      title: input.title,
      description: input.description,
      ownerAgencyId: input.ownerAgencyId,
      dueDate: input.dueDate,
      status: input.status,
      closed: false,
      version: 1,
    };
    await this.writer.write(
      [
        guardedPut(
          this.table,
          { ...milestoneKeys.milestone(this.pid, workstreamId, milestone.id), entity: 'Milestone', ...milestone },
          null,
          () => new Conflict(`A milestone with id ${milestone.id} already exists in this workstream. Choose another id or title.`),
        ),
      ],
      { action: 'milestone.create', entityType: 'milestone', entityId: `${workstreamId}/${milestone.id}`, summary: `Added milestone "${milestone.title}"`, after: milestone },
      ctx,
    );
    return milestone;
  }

  /** PATCH: only the fields sent change; the milestone that results is checked as a new one is. */
  async updateMilestone(user: Principal, workstreamId: string, milestoneId: string, input: UpdateMilestoneRequest, expectedVersion: number, ctx: WriteContext): Promise<Milestone> {
    if (user.role !== 'lead') throw new Forbidden('Only the programme lead manages milestones.');
    const data = await this.partnership.getPartnershipData();
    const current = data.milestones.find((m) => m.workstreamId === workstreamId && m.id === milestoneId);
    if (!current) throw new NotFound(`There is no milestone ${milestoneId} in workstream ${workstreamId}.`);
    assertVersion(current, expectedVersion);
    const next: Milestone = { ...current, ...input, version: current.version + 1 };
    // A new owner must be in use; an owner since retired stays while the owner is not changed.
    this.checkMilestone(next, [...inUse(data.agencies).map((a) => a.id), current.ownerAgencyId]);
    const changes = changedFields(current, next, Object.keys(input) as (keyof UpdateMilestoneRequest & string)[]);
    // Nothing really changed: nothing to write or audit.
    if (noChanges(changes)) return current;
    await this.writer.write(
      [guardedPut(this.table, { ...milestoneKeys.milestone(this.pid, workstreamId, milestoneId), entity: 'Milestone', ...next }, expectedVersion)],
      {
        action: input.closed ? 'milestone.close' : 'milestone.update',
        entityType: 'milestone',
        entityId: `${workstreamId}/${milestoneId}`,
        summary: input.closed ? `Closed milestone "${next.title}"` : `Updated milestone "${next.title}"`,
        changes,
      },
      ctx,
    );
    return next;
  }

  private checkMilestone(m: { ownerAgencyId: string; title: string; description: string }, agencyIds: string[]) {
    if (!agencyIds.includes(m.ownerAgencyId)) throw new ValidationFailed([{ path: 'ownerAgencyId', message: `Choose one of the partnership's agencies: ${agencyIds.join(', ')}` }]);
  }
}
