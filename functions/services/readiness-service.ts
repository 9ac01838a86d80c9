import type { Principal } from '../auth/tokens.js';
import type { WriteContext, Writer } from '../db/transact.js';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../http/errors.js';
import type { PartnershipRepository } from '../repositories/partnership-repository.js';
import type { ReadinessRepository } from '../repositories/readiness-repository.js';
import { assertVersion, type ExpectedVersion } from '../repositories/version-guard.js';
import {
  scoreAgency,
  scoreWorkstream,
  type Assessment,
  type AssessmentRequest,
  type CreateCriterionRequest,
  type Criterion,
  type Derivation,
  type UpdateCriterionRequest,
  type ValidateRequest,
} from '../../shared/readiness/schema.js';
import { slugify } from '../../shared/workstreams/milestone.js';
import { changedFields, noChanges } from '../../shared/audit/changes.js';
import { inUse, isRetired } from '../../shared/partnership/period-scope.js';

/** A derived criterion's state, computed from another record instead of self-assessed. */
export interface DerivedState {
  ready: boolean;
  evidence: string;
}

/**
 * Derivation hooks: each names another record the criterion follows. New derivations register
 * here; a criterion whose hook is missing shows as not ready with an explanation.
 */
export type Derivations = Partial<Record<Derivation, () => Promise<DerivedState>>>;

/** Readiness of the agencies given (those in use): criteria name only them, and only their assessments count. */
export function forAgencies<C extends { agencyIds: string[] }, A extends { agencyId: string }>(
  readiness: { criteria: C[]; assessments: A[] },
  agencies: readonly { id: string }[],
): { criteria: C[]; assessments: A[] } {
  const ids = new Set(agencies.map((a) => a.id));
  return {
    criteria: readiness.criteria.map((c) => ({ ...c, agencyIds: c.agencyIds.filter((a) => ids.has(a)) })),
    assessments: readiness.assessments.filter((a) => ids.has(a.agencyId)),
  };
}

/** MACPT and go-live readiness: agencies self-assess, the lead validates. */
export class ReadinessService {
  constructor(
    private readonly repo: ReadinessRepository,
    private readonly partnership: PartnershipRepository,
    private readonly writer: Writer,
    private readonly derivations: Derivations,
  ) {}

  /** States of the derived criteria; `known` passes states the caller has already worked out (no second read). */
  async derivedStates(criteria: Criterion[], known: Partial<Record<Derivation, DerivedState>> = {}): Promise<Record<string, DerivedState>> {
    const needed = [...new Set(criteria.map((c) => c.derivedFrom).filter((d): d is Derivation => d !== null))];
    const states = Object.fromEntries(
      await Promise.all(
        needed.map(
          async (d) => [d, known[d] ?? (await this.derivations[d]?.()) ?? { ready: false, evidence: 'This criterion follows a record that is not available yet.' }] as const,
        ),
      ),
    ) as Record<string, DerivedState>;
    return Object.fromEntries(criteria.filter((c) => c.derivedFrom).map((c) => [c.id, states[c.derivedFrom!]!]));
  }

  async matrix(workstreamId: string, today: string) {
    const data = await this.partnership.getPartnershipData();
    const ws = data.workstreams.find((w) => w.id === workstreamId);
    if (!ws) throw new NotFound(`There is no workstream ${workstreamId}.`);
    // Readiness looks ahead: a retired agency's assessments are kept but no longer shown or scored.
    const agencies = inUse(data.agencies);
    const { criteria, assessments } = forAgencies(await this.repo.getWorkstreamReadiness(workstreamId), agencies);
    criteria.sort((a, b) => (a.targetDate ?? '9999').localeCompare(b.targetDate ?? '9999') || a.title.localeCompare(b.title));
    const derived = await this.derivedStates(criteria);
    const agencyIds = agencies.map((a) => a.id).filter((id) => criteria.some((c) => c.agencyIds.includes(id)));
    return {
      workstreamId,
      workstreamName: ws.name,
      macpt: ws.macpt === true,
      agencies: agencies.filter((a) => agencyIds.includes(a.id)).map((a) => ({ id: a.id, name: a.name })),
      criteria: criteria.map((c) => ({
        ...c,
        derived: c.derivedFrom !== null,
        derivedState: derived[c.id] ?? null,
        overdue: Boolean(c.targetDate && c.targetDate < today),
        assessments: c.agencyIds.map((agencyId) => {
          const a = assessments.find((x) => x.criterionId === c.id && x.agencyId === agencyId);
          const targetDate = a?.targetDate ?? c.targetDate;
          return {
            agencyId,
            status: a?.status ?? 'not-started',
            evidence: a?.evidence ?? '',
            links: a?.links ?? [],
            reason: a?.reason ?? null,
            targetDate,
            overdue: Boolean(targetDate && targetDate < today && a?.status !== 'ready' && a?.status !== 'not-applicable'),
            validation: a?.validation ?? null,
            updatedBy: a?.updatedBy ?? null,
            updatedByName: a?.updatedByName ?? null,
            updatedAt: a?.updatedAt ?? null,
            version: a?.version ?? 0,
          };
        }),
      })),
      scores: agencyIds.map((id) => {
        const s = scoreAgency(id, criteria, assessments, today);
        return { ...s, confirmed: s.confirmedPercent, selfAssessed: s.selfAssessedPercent, confirmedCount: s.confirmed, selfAssessedCount: s.selfAssessed };
      }),
      workstreamScore: scoreWorkstream(criteria, assessments, Object.fromEntries(Object.entries(derived).map(([k, v]) => [k, v.ready])), today),
    };
  }

  private async criterionOrThrow(criterionId: string) {
    const c = await this.repo.findCriterion(criterionId);
    if (!c) throw new NotFound(`There is no readiness criterion ${criterionId}.`);
    return c;
  }

  /** Creates the assessment on first save (`expectedVersion` null) or changes the version the client read. */
  async assess(user: Principal, criterionId: string, agencyId: string, input: AssessmentRequest, expectedVersion: ExpectedVersion, ctx: WriteContext): Promise<Assessment> {
    if (user.role !== 'partner')
      throw new Forbidden(
        user.role === 'lead' ? 'The programme lead validates assessments but does not make them for an agency.' : 'Partnership executives cannot change assessments.',
      );
    if (user.agencyId !== agencyId) throw new Forbidden("You can only assess your own agency's readiness.");
    const c = await this.criterionOrThrow(criterionId);
    if (c.derivedFrom) throw new Conflict('This criterion follows another record and cannot be self-assessed.');
    if (!c.agencyIds.includes(agencyId)) throw new Forbidden('This criterion does not apply to your agency.');
    const { assessments } = await this.repo.getWorkstreamReadiness(c.workstreamId);
    const current = assessments.find((a) => a.criterionId === criterionId && a.agencyId === agencyId) ?? null;
    assertVersion(current, expectedVersion);
    const next: Assessment = {
      criterionId,
      agencyId,
      workstreamId: c.workstreamId,
      status: input.status,
      evidence: input.evidence,
      links: input.links,
      targetDate: input.targetDate,
      reason: input.status === 'not-applicable' ? input.reason : null,
      updatedBy: user.email,
      updatedByName: user.name,
      updatedAt: ctx.now.toISOString(),
      // A changed assessment needs the lead to look again.
      validation: null,
      version: (current?.version ?? 0) + 1,
    };
    const fields = ['status', 'evidence', 'links', 'targetDate', 'reason'] as const;
    const changes = changedFields(current, next, fields);
    // Saving the same answers again changes nothing, and keeps the lead's validation.
    if (current && noChanges(changes)) return current;
    if (current?.validation) changes.validation = { from: current.validation.outcome, to: null };
    await this.writer.write(
      [this.repo.putAssessmentOp(next, expectedVersion)],
      { action: 'readiness.assess', entityType: 'assessment', entityId: `${criterionId}/${agencyId}`, summary: `Assessed as ${next.status}`, changes },
      ctx,
    );
    return next;
  }

  async validate(user: Principal, criterionId: string, agencyId: string, input: ValidateRequest, expectedVersion: number, ctx: WriteContext): Promise<Assessment> {
    if (user.role !== 'lead') throw new Forbidden('Only the programme lead validates readiness.');
    const c = await this.criterionOrThrow(criterionId);
    const { assessments } = await this.repo.getWorkstreamReadiness(c.workstreamId);
    const current = assessments.find((a) => a.criterionId === criterionId && a.agencyId === agencyId);
    if (!current) throw new Conflict('The agency has not assessed this criterion yet, so there is nothing to validate.');
    assertVersion(current, expectedVersion);
    if (input.outcome === 'confirmed' && current.status !== 'ready' && current.status !== 'not-applicable') {
      throw new Conflict(`Only assessments marked ready or not applicable can be confirmed; this one is ${current.status}. Challenge it instead.`);
    }
    const next: Assessment = {
      ...current,
      validation: { outcome: input.outcome, comment: input.comment, by: user.email, byName: user.name, at: ctx.now.toISOString() },
      version: current.version + 1,
    };
    await this.writer.write(
      [this.repo.putAssessmentOp(next, expectedVersion)],
      {
        action: `readiness.${input.outcome === 'confirmed' ? 'confirm' : 'challenge'}`,
        entityType: 'assessment',
        entityId: `${criterionId}/${agencyId}`,
        summary: input.outcome === 'confirmed' ? 'Confirmed the assessment' : 'Challenged the assessment',
        changes: { validation: { from: current.validation?.outcome ?? null, to: input.outcome } },
        ...(input.comment ? { meta: { comment: input.comment } } : {}),
      },
      ctx,
    );
    return next;
  }

  async createCriterion(user: Principal, workstreamId: string, input: CreateCriterionRequest, ctx: WriteContext): Promise<Criterion> {
    if (user.role !== 'lead') throw new Forbidden('Only the programme lead manages readiness criteria.');
    const data = await this.partnership.getPartnershipData();
    const ws = data.workstreams.find((w) => w.id === workstreamId);
    if (!ws) throw new NotFound(`There is no workstream ${workstreamId}.`);
    if (isRetired(ws)) throw new Conflict(`"${ws.name}" is retired. Restore it on Programme set-up before adding criteria to it.`);
    this.checkAgencies(
      input.agencyIds,
      inUse(data.agencies).map((a) => a.id),
    );
    const c: Criterion = {
      id: input.id ?? slugify(input.title),
      workstreamId,
      title: input.title,
      description: input.description,
      agencyIds: input.agencyIds,
      evidenceExpected: input.evidenceExpected,
      targetDate: input.targetDate,
      derivedFrom: null,
      version: 1,
    };
    if (await this.repo.findCriterion(c.id)) throw new Conflict(`A criterion with id ${c.id} already exists. Choose another title or id.`);
    await this.writer.write(
      [this.repo.putCriterionOp(c, null)],
      { action: 'criterion.create', entityType: 'criterion', entityId: c.id, summary: `Added criterion "${c.title}"`, after: c },
      ctx,
    );
    return c;
  }

  /** PATCH: only the fields sent change; agency ids are checked against the partnership as on create. */
  async updateCriterion(user: Principal, workstreamId: string, criterionId: string, input: UpdateCriterionRequest, expectedVersion: number, ctx: WriteContext): Promise<Criterion> {
    if (user.role !== 'lead') throw new Forbidden('Only the programme lead manages readiness criteria.');
    const current = await this.criterionOrThrow(criterionId);
    if (current.workstreamId !== workstreamId) throw new NotFound(`There is no criterion ${criterionId} in workstream ${workstreamId}.`);
    assertVersion(current, expectedVersion);
    // Agencies in use, and any the criterion already names (a retired one stays with its history).
    if (input.agencyIds) this.checkAgencies(input.agencyIds, [...inUse((await this.partnership.getPartnershipData()).agencies).map((a) => a.id), ...current.agencyIds]);
    const next: Criterion = { ...current, ...input, version: current.version + 1 };
    const keys = Object.keys(input) as (keyof UpdateCriterionRequest)[];
    const changes = changedFields(current, next, keys as (keyof UpdateCriterionRequest & string)[]);
    if (noChanges(changes)) return current;
    await this.writer.write(
      [this.repo.putCriterionOp(next, expectedVersion)],
      { action: 'criterion.update', entityType: 'criterion', entityId: criterionId, summary: `Updated criterion "${next.title}"`, changes },
      ctx,
    );
    return next;
  }

  /** A criterion applies to agencies of the partnership only (on create and on every edit). */
  private checkAgencies(agencyIds: string[], known: string[]) {
    const unknown = agencyIds.map((a, i) => ({ a, i })).filter(({ a }) => !known.includes(a));
    if (unknown.length) throw new ValidationFailed(unknown.map(({ i }) => ({ path: `agencyIds[${i}]`, message: 'Choose an agency of the partnership that is in use' })));
  }
}
