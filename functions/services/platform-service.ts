import type { AttentionEverywhereView } from '../../shared/attention/schema.js';
import type { FieldError } from '../../shared/http/problem.js';
import { partnershipPath } from '../../shared/partnership/paths.js';
import { instantiateTemplate, type PartnershipTemplate } from '../../shared/partnership/template.js';
import { parsePeriodId, periodForDate } from '../../shared/periods/period.js';
import {
  type CreatePartnershipRequest,
  type CreatePartnershipResult,
  type HostedPartnershipView,
  PLATFORM_ADMIN_ROLE,
  type TemplateDetailView,
} from '../../shared/platform/schema.js';
import type { ConfirmedFinding } from '../../shared/pii/policy.js';
import { ACCESS_ENDED } from '../auth/user-access.js';
import type { Actor, AuditInput, WriteContext, WriteOp, Writer } from '../db/transact.js';
import { AccessEnded, Conflict, Forbidden, NotFound, Unprocessable } from '../http/errors.js';
import type { Creation, Membership, PlatformAdminAccess, PlatformRepository } from '../repositories/platform-repository.js';
import { personView, type UserRepository } from '../repositories/user-repository.js';
import type { TemplateCatalogue } from '../seed/templates.js';
import type { AttentionService } from './attention-service.js';
import type { SignInAccount } from './auth-service.js';
import type { PeopleService } from './people-service.js';

export type { PlatformAdminAccess };

/** What the platform service needs of one partnership's services. */
export interface PartnershipParts {
  attention: Pick<AttentionService, 'forUser'>;
  /** A new partnership's first lead is invited as its own people are. */
  people: Pick<PeopleService, 'newInvitation' | 'sendNewInvitation'>;
  users: Pick<UserRepository, 'createOps'>;
  /** The partnership's audit trail: its creation is its first event. */
  writer: Writer;
}

export interface PlatformDeps {
  repo: PlatformRepository;
  /** One partnership's services (built on first use, whether or not it exists yet). */
  partnership: (pid: string) => PartnershipParts;
  /** The audit trail of what happens outside any partnership (an administrator signing in). */
  writer: Writer;
  templates: TemplateCatalogue;
  /** Told when a partnership has been created, so nothing goes on remembering that it did not exist. */
  created?: (pid: string) => void;
}

/** The platform administrator acting, as the platform's record has them. */
export interface PlatformAdmin {
  id: string;
  email: string;
  name: string;
}

/** What a platform write needs to audit itself. */
export interface PlatformWriteContext {
  requestId: string;
  now: Date;
  personalDataConfirmed?: ConfirmedFinding[];
}

const adminActor = (a: PlatformAdmin): Actor => ({ userId: a.id, email: a.email, name: a.name, role: PLATFORM_ADMIN_ROLE, agencyId: null });

/**
 * What the service knows across its partnerships: which of them a person works in and what needs
 * them in each; and platform administration: who the platform administrators are, the templates,
 * and creating a partnership from one.
 */
export class PlatformService {
  constructor(private readonly d: PlatformDeps) {}

  /** The partnerships where `email` is active: the list a person switches between after one sign-in. */
  membershipsOf(email: string): Promise<Membership[]> {
    return this.d.repo.membershipsOf(email);
  }

  /**
   * What needs the person in each partnership they work in but `except` (the one their page shows
   * already), as each partnership's own records have them, with links that open its pages. One read
   * finds the partnerships and the person in each; then each partnership's list costs what its own
   * page's does.
   */
  async attentionEverywhere(email: string, now: Date, except: string): Promise<AttentionEverywhereView> {
    const records = (await this.d.repo.memberRecordsOf(email)).filter((m) => m.id !== except);
    const partnerships = await Promise.all(
      records.map(async (m) => {
        const { items } = await this.d.partnership(m.id).attention.forUser(m.person, now);
        return { id: m.id, name: m.name, items: items.map((i) => ({ ...i, href: `${partnershipPath(m.id)}${i.href}` })) };
      }),
    );
    return { partnerships };
  }

  /** Whether `email` is an active platform administrator, from the platform's own record (one GetItem). */
  adminAccess(email: string): Promise<PlatformAdminAccess> {
    return this.d.repo.getAdminAccess(email);
  }

  /**
   * A platform administrator's account for the local sign-in, or null. They belong to no
   * partnership, but a token names a partnership role (functions/auth/tokens.ts, Cognito's groups):
   * theirs names the least, a partnership executive with no agency, and nothing trusts it: each
   * partnership reads its own record of the person (they have none, so they are refused there), and
   * platform routes read the platform's.
   */
  async signInAccount(email: string): Promise<SignInAccount | null> {
    const admin = await this.d.repo.getAdmin(email);
    if (!admin) return null;
    return {
      status: admin.status,
      passwordHash: admin.passwordHash,
      me: { id: admin.id, email: admin.email, name: admin.name, role: 'executive', agencyId: null, signatory: false, agencyAdmin: false },
      platformAdmin: true,
      recordSignIn: async (ctx) => {
        await this.d.writer.write(
          [this.d.repo.recordAdminSignInOp(admin.email, ctx.now.toISOString(), () => new AccessEnded(ACCESS_ENDED))],
          { action: 'auth.sign-in', entityType: 'platform-admin', entityId: admin.id, summary: 'Signed in as platform administrator' },
          { actor: adminActor(admin), requestId: ctx.requestId, now: ctx.now },
        );
      },
    };
  }

  /** The templates a partnership can start from. */
  listTemplates(): { templates: { id: string; name: string; description: string; version: number }[] } {
    return { templates: this.d.templates.list().map(({ id, name, description, version }) => ({ id, name, description, version })) };
  }

  /** A template, with what it proposes for a new partnership as an editable draft (reporting from the current financial year). */
  template(id: string, now: Date): TemplateDetailView {
    const t = this.d.templates.get(id);
    if (!t) throw new NotFound(`There is no template ${id.slice(0, 64)}.`);
    return {
      id: t.id,
      name: t.name,
      description: t.description,
      version: t.version,
      requiredAgencyTypes: t.requiredAgencyTypes,
      draft: {
        templateId: t.id,
        firstYear: parsePeriodId(periodForDate(now)).year,
        settings: t.defaultSettings,
        template: {
          workstreams: t.workstreams,
          readinessCriteria: t.readinessCriteria,
          reportingCalendar: t.reportingCalendar,
          thresholdSignatoryAgencyTypes: t.thresholdSignatoryAgencyTypes,
        },
      },
    };
  }

  /** The partnerships the service hosts, in the list's order (one Query). */
  async listPartnerships(): Promise<{ partnerships: HostedPartnershipView[] }> {
    return { partnerships: await this.d.repo.listHosted() };
  }

  /**
   * Creates a partnership from a template, with the administrator's edits: its configuration, its
   * line in the service's list and its first lead (invited), with an audit event in the new
   * partnership's trail; then the lead's invitation goes, with a link into the new partnership.
   *
   * Refused with nothing written: a template's rules broken by the edits or the agencies (422,
   * naming each field), an id already taken (409, also when two administrators race for it), or an
   * administrator deactivated since their access was last read (403).
   *
   * Atomic when it fits one transaction (a hundred items: the template's own five workstreams and
   * fifteen criteria with fifty agencies do). Larger, the configuration goes first in parts, each
   * with its own audit event and a check that the partnership is not live yet; the partnership's
   * record, its line in the list and its lead come last, in one transaction. Until then nothing
   * lists it and its routes answer 404 (they check its record); if that last step fails, the parts
   * already written are taken back.
   */
  async createPartnership(admin: PlatformAdmin, input: CreatePartnershipRequest, ctx: PlatformWriteContext): Promise<CreatePartnershipResult> {
    const template = this.d.templates.get(input.templateId);
    if (!template) throw new Unprocessable('Choose one of the templates.', [{ path: 'templateId', message: `There is no template "${input.templateId}"` }]);
    // The template's name, version and required agency types stay its own; the rest is the administrator's.
    const edited: PartnershipTemplate = { ...template, ...input.template };
    const result = instantiateTemplate(edited, {
      id: input.id,
      name: input.name,
      shortName: input.shortName,
      agencies: input.agencies,
      firstYear: input.firstYear,
      settings: input.settings,
    });
    const problems: FieldError[] = result.ok ? [] : [...result.errors];
    if (input.firstLead.agencyId !== undefined && !input.agencies.some((a) => a.id === input.firstLead.agencyId)) {
      problems.push({ path: 'firstLead.agencyId', message: 'Choose one of the partnership’s agencies' });
    }
    if (!result.ok || problems.length) throw new Unprocessable('Some parts of the new partnership do not fit together. Correct them and try again.', problems);
    const config = result.value;
    const pid = config.partnership.id;
    const taken = () => new Conflict(`A partnership with the id "${pid}" already exists. Choose another id.`);
    if (await this.d.repo.isTaken(pid)) throw taken();

    const there = this.d.partnership(pid);
    const leadAgencyId = input.firstLead.agencyId ?? config.workstreams[0]!.leadAgencyId;
    const lead = { name: input.firstLead.name, email: input.firstLead.email, role: 'lead' as const, agencyId: leadAgencyId, signatory: false, agencyAdmin: false };
    const invitation = await there.people.newInvitation(lead, admin.name, ctx.now);
    const creation: Creation = { createdAt: ctx.now.toISOString(), createdBy: { id: admin.id, name: admin.name }, templateId: template.id, templateVersion: template.version };
    const lost = () => new Forbidden('Your platform administrator access has ended, so the partnership was not created.');
    const repo = this.d.repo;
    const configuration = repo.configurationOps(config, taken);
    const goLive = [...repo.goLiveOps(config, creation, taken), ...there.users.createOps(invitation.user, taken), repo.adminHoldsOp(admin.email, lost)];
    const writeCtx: WriteContext = {
      actor: adminActor(admin),
      requestId: ctx.requestId,
      now: ctx.now,
      ...(ctx.personalDataConfirmed ? { personalDataConfirmed: ctx.personalDataConfirmed } : {}),
    };
    const agencyName = config.agencies.find((a) => a.id === leadAgencyId)!.name;
    const audit: AuditInput = {
      action: 'partnership.create',
      entityType: 'partnership',
      entityId: pid,
      summary: `Created ${config.partnership.name} from the template ${template.name} (version ${template.version}) and invited ${lead.name} as its programme lead for ${agencyName}`,
      after: {
        partnership: config.partnership,
        agencies: config.agencies.map((a) => a.id),
        workstreams: config.workstreams.map((w) => w.id),
        criteria: config.readiness.criteria.map((c) => c.id),
        periods: config.periods.map((p) => p.id),
        thresholdSignatories: config.threshold.requiredAgencyIds,
        firstLead: { id: invitation.user.id, name: lead.name, agencyId: leadAgencyId },
      },
      meta: { templateId: template.id, templateVersion: template.version, omittedCriterionIds: config.omittedCriterionIds },
    };

    if (configuration.length + goLive.length <= there.writer.room(audit.entityType)) {
      await there.writer.write([...configuration, ...goLive], audit, writeCtx);
    } else {
      await this.writeInParts(there.writer, pid, configuration, goLive, audit, writeCtx, { taken, lost, admin });
    }
    this.d.created?.(pid);
    const invitationSent = await there.people.sendNewInvitation(invitation, config.agencies);
    return {
      partnership: {
        id: pid,
        name: config.partnership.name,
        shortName: config.partnership.shortName,
        createdAt: creation.createdAt,
        createdBy: admin.name,
        templateId: template.id,
      },
      firstLead: personView(invitation.user),
      invitationSent,
      omittedCriterionIds: config.omittedCriterionIds,
    };
  }

  /**
   * A creation too large for one transaction: the configuration in parts, then the partnership goes
   * live. Each part checks that the partnership is not live and the administrator still active; if
   * any step fails, the parts already written are taken back (their puts found their keys free, so
   * they are this creation's own), and the failure is answered.
   */
  private async writeInParts(
    writer: Writer,
    pid: string,
    configuration: WriteOp[],
    goLive: WriteOp[],
    audit: AuditInput,
    ctx: WriteContext,
    on: { taken: () => Conflict; lost: () => Forbidden; admin: PlatformAdmin },
  ): Promise<void> {
    const checks = () => [this.d.repo.notLiveOp(pid, on.taken), this.d.repo.adminHoldsOp(on.admin.email, on.lost)];
    const size = writer.room(audit.entityType) - checks().length;
    const parts = Math.ceil(configuration.length / size);
    const written: WriteOp[] = [];
    try {
      for (let i = 0; i < parts; i++) {
        const part = configuration.slice(i * size, (i + 1) * size);
        await writer.write(
          [...checks(), ...part],
          {
            action: 'partnership.prepare',
            entityType: 'partnership',
            entityId: pid,
            summary: `Wrote part ${i + 1} of ${parts} of the new partnership’s configuration`,
            meta: { items: part.length },
          },
          ctx,
        );
        written.push(...part);
      }
      await writer.write(goLive, audit, ctx);
    } catch (err) {
      const undo = this.d.repo.undoOps(written);
      try {
        const room = writer.room('partnership');
        for (let i = 0; i < undo.length; i += room) {
          const part = undo.slice(i, i + room);
          await writer.write(
            part,
            {
              action: 'partnership.abandon',
              entityType: 'partnership',
              entityId: pid,
              summary: 'Took back part of a partnership creation that could not finish',
              meta: { items: part.length },
            },
            ctx,
          );
        }
      } catch {
        // What is left is never listed or usable (no record, no line in the list); the id stays
        // taken (409) until it is removed. The failure the administrator must hear is the first one.
      }
      throw err;
    }
  }
}
