import { z } from 'zod';
import { Slug } from '../partnership/schema.js';
import { PartnershipSettings, PartnershipTemplate, TemplateChoices } from '../partnership/template.js';
import { InvitePersonRequest, PersonView } from '../users/schema.js';

/*
 * Platform administration (issue 13): a platform administrator creates partnerships from
 * templates. It is not a partnership role (shared/auth/role-labels.ts): it belongs to the service,
 * is held in the service's own records, and gives no access to any partnership's data.
 */

/** How the API's description names the platform administrator among the roles a route allows. */
export const PLATFORM_ADMIN_ROLE = 'platform-admin';

/** `GET /api/platform/me`: the signed-in platform administrator, as the platform's record has them. */
export const PlatformAdminView = z
  .object({
    platformAdmin: z.literal(true).describe('Always true: anyone else is refused (403)'),
    id: z.string(),
    name: z.string(),
    email: z.string(),
  })
  .meta({ id: 'PlatformAdmin' });
export type PlatformAdminView = z.infer<typeof PlatformAdminView>;

const template = PartnershipTemplate.shape;

/**
 * The parts of a template the administrator may change before a partnership is made from it:
 * its workstreams, readiness criteria, reporting calendar and which statutory agencies sign the
 * threshold document (by type). The template's name, version and required agency types stay the
 * template's own.
 */
export const TemplateDraft = z
  .object({
    workstreams: template.workstreams,
    readinessCriteria: template.readinessCriteria,
    reportingCalendar: template.reportingCalendar,
    thresholdSignatoryAgencyTypes: template.thresholdSignatoryAgencyTypes.describe('Statutory agencies of these types must each approve every threshold document version'),
  })
  .strict()
  .meta({ id: 'PartnershipTemplateDraft' });
export type TemplateDraft = z.infer<typeof TemplateDraft>;

/** A template in the list the administrator chooses from. */
export const TemplateSummaryView = z.object({ id: z.string(), name: z.string(), description: z.string(), version: z.number().int() }).meta({ id: 'PartnershipTemplateSummary' });
export const TemplateListView = z.object({ templates: z.array(TemplateSummaryView) }).meta({ id: 'PartnershipTemplates' });

/**
 * `GET /api/platform/templates/{id}`: a template, with the parts of a new partnership it proposes
 * (`draft`) ready to edit and send back in `POST /api/platform/partnerships`.
 */
export const TemplateDetailView = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    version: z.number().int(),
    requiredAgencyTypes: template.requiredAgencyTypes.describe('A partnership made from this template needs an agency of each of these types'),
    draft: z.object({
      templateId: z.string(),
      firstYear: z.number().int().describe('The financial year reporting starts in: the current one'),
      settings: PartnershipSettings,
      template: TemplateDraft,
    }),
  })
  .meta({ id: 'PartnershipTemplate' });
export type TemplateDetailView = z.infer<typeof TemplateDetailView>;

/** The partnership's first programme lead: invited by email, with a link that opens the new partnership. */
export const FirstLead = z
  .object({
    name: InvitePersonRequest.shape.name,
    email: InvitePersonRequest.shape.email,
    agencyId: Slug.optional().describe('Their agency, one of `agencies`; when left out, the agency that leads the first workstream'),
  })
  .strict();

const choices = TemplateChoices.shape;

/**
 * `POST /api/platform/partnerships`: a new partnership from a template. Each part is checked as
 * its own schema says (400 naming the field); then the whole is checked as the template's rules
 * say (`instantiateTemplate`: 422 naming the field, e.g. `template.readinessCriteria[2].workstreamId`
 * or `agencies`).
 */
export const CreatePartnershipRequest = z
  .object({
    id: choices.id.describe('The partnership id: the slug in its addresses (`/p/{id}/`) and every key; it cannot change'),
    name: choices.name,
    shortName: choices.shortName,
    templateId: Slug.describe('The template it starts from'),
    firstYear: choices.firstYear,
    agencies: choices.agencies,
    settings: PartnershipSettings.describe('Reminders and certification: the template’s defaults in its draft'),
    template: TemplateDraft,
    firstLead: FirstLead,
  })
  .strict()
  .meta({ id: 'CreatePartnership' });
export type CreatePartnershipRequest = z.infer<typeof CreatePartnershipRequest>;

/** A partnership the service hosts, as platform administration lists it. */
export const HostedPartnershipView = z
  .object({
    id: z.string(),
    name: z.string(),
    shortName: z.string(),
    createdAt: z.string().nullable().describe('When it was created here (null for one loaded as demo data or migrated)'),
    createdBy: z.string().nullable().describe('Who created it, by name'),
    templateId: z.string().nullable(),
  })
  .meta({ id: 'HostedPartnership' });
export type HostedPartnershipView = z.infer<typeof HostedPartnershipView>;
export const HostedPartnershipsView = z.object({ partnerships: z.array(HostedPartnershipView) }).meta({ id: 'HostedPartnerships' });

/** What creating a partnership did. */
export const CreatePartnershipResult = z
  .object({
    partnership: HostedPartnershipView,
    firstLead: PersonView,
    invitationSent: z
      .boolean()
      .describe('False when the invitation email could not be sent (its address stopped, or mail failed): the partnership and the invited lead are saved all the same'),
    omittedCriterionIds: z.array(z.string()).describe('Template criteria left out: no agency of this partnership has a type that assesses them'),
  })
  .meta({ id: 'CreatePartnershipResult' });
export type CreatePartnershipResult = z.infer<typeof CreatePartnershipResult>;
