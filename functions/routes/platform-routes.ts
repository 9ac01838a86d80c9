import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { partnershipApiPath } from '../../shared/partnership/paths.js';
import { Slug } from '../../shared/partnership/schema.js';
import {
  CreatePartnershipRequest,
  CreatePartnershipResult,
  HostedPartnershipsView,
  PLATFORM_ADMIN_ROLE,
  PlatformAdminView,
  TemplateDetailView,
  TemplateListView,
} from '../../shared/platform/schema.js';
import type { UserAccessCheck } from '../auth/user-access.js';
import type { AppEnv } from '../http/app-env.js';
import { Forbidden } from '../http/errors.js';
import { ALL_ROLES, apiRoutes, declareRoute, json, pathParam } from '../http/route.js';
import type { PlatformAdmin, PlatformAdminAccess, PlatformService } from '../services/platform-service.js';

/*
 * Platform administration: the templates, the partnerships the service hosts, and creating one.
 * The platform administrator is not a partnership role, so these routes are declared open to any
 * signed-in person (the declaration's role check needs a partnership role) and mounted behind
 * `asPlatformAdmin`, which reads the platform's own record of the person on every request; the
 * token only proves who they are. The document names the real audience (`x-roles`).
 */

const ONLY_ADMINS = 'Only platform administrators can do this. Partnership roles, including the programme lead, cannot create partnerships.';
const ADMIN_ENDED = 'Your platform administrator access has ended. Ask another platform administrator if you think this is wrong.';

/** The access an administrator's requests are answered with (read at most once a minute per person). */
export type PlatformAdminCheck = UserAccessCheck<PlatformAdminAccess>;

/** The signed-in person as the platform's record has them: an active administrator, or refused (403). */
async function adminOf(admins: PlatformAdminCheck, c: Context<AppEnv>): Promise<PlatformAdmin> {
  const a = await admins.access(c.get('user').email, c.get('now'));
  if (a.access !== 'active') throw new Forbidden(a.access === 'deactivated' ? ADMIN_ENDED : ONLY_ADMINS);
  return a.admin;
}

/**
 * Refuses (403) anyone the platform's records do not have as an active administrator, before a
 * platform route reads its request: a partnership's lead, executive or partner, and an
 * administrator who has been deactivated (within the check's minute).
 */
export const asPlatformAdmin = (admins: PlatformAdminCheck) =>
  createMiddleware<AppEnv>(async (c, next) => {
    await adminOf(admins, c);
    await next();
  });

/** Names the platform administrator as the route's audience in the document (see the note above). */
function forPlatformAdmins<R extends { description: string }>(route: R): R {
  return Object.assign(route, {
    'x-roles': [PLATFORM_ADMIN_ROLE],
    description: route.description.replace(
      `Roles: ${ALL_ROLES.join(', ')}.`,
      `Roles: ${PLATFORM_ADMIN_ROLE}. A platform administrator is not a partnership role: anyone else is refused (403).`,
    ),
  });
}

const me = forPlatformAdmins(
  declareRoute({
    method: 'get',
    path: '/api/platform/me',
    operationId: 'getPlatformAdmin',
    summary: 'The signed-in platform administrator (403 for anyone else): whether to show platform administration',
    tag: 'Auth',
    roles: ALL_ROLES,
    response: json(PlatformAdminView, 'The administrator, as the platform’s record has them'),
  }),
);

const listTemplates = forPlatformAdmins(
  declareRoute({
    method: 'get',
    path: '/api/platform/templates',
    operationId: 'listPartnershipTemplates',
    summary: 'The templates a new partnership can start from',
    tag: 'Partnership',
    roles: ALL_ROLES,
    response: json(TemplateListView, 'The templates, by name'),
  }),
);

const getTemplate = forPlatformAdmins(
  declareRoute({
    method: 'get',
    path: '/api/platform/templates/{id}',
    operationId: 'getPartnershipTemplate',
    summary: 'A template, with what it proposes for a new partnership as a draft to edit',
    description: 'Send the draft back, edited, with the partnership’s id, names, agencies and first lead, to `POST /api/platform/partnerships`.',
    tag: 'Partnership',
    roles: ALL_ROLES,
    params: { id: pathParam(Slug, 'template') },
    response: json(TemplateDetailView, 'The template and its draft'),
    errors: [404],
  }),
);

const listHosted = forPlatformAdmins(
  declareRoute({
    method: 'get',
    path: '/api/platform/partnerships',
    operationId: 'listHostedPartnerships',
    summary: 'The partnerships the service hosts, and when and by whom each was created',
    tag: 'Partnership',
    roles: ALL_ROLES,
    response: json(HostedPartnershipsView, 'Every hosted partnership, by id'),
  }),
);

const createPartnership = forPlatformAdmins(
  declareRoute({
    method: 'post',
    path: '/api/platform/partnerships',
    operationId: 'createPartnership',
    summary: 'Create a partnership from a template, and invite its first programme lead',
    description:
      'Its configuration, its place in the list and its first lead are written with an audit event in its own trail; the lead is then emailed a single-use set-password link that opens the new partnership (Cognito sends its own invitation in AWS). A body that does not fit its schema is 400; one that breaks the template’s rules (a workstream’s lead agency type with no agency, a criterion of no workstream…) is 422; both name each field. An id already taken is 409. Nothing is written in any of these cases.',
    tag: 'Partnership',
    roles: ALL_ROLES,
    // The first lead's name and work email are about staff by design; the rest is checked as free text.
    body: { schema: CreatePartnershipRequest, personalData: { contactFields: ['firstLead'] } },
    status: 201,
    response: json(CreatePartnershipResult, 'The partnership, its invited lead and whether their invitation went', { location: true }),
    errors: [409, 422],
  }),
);

/**
 * Platform administration, mounted at `/` behind `authenticate` and {@link asPlatformAdmin}; each
 * handler reads the administrator again from the same (cached) check, for who is acting.
 */
export function platformRoutes(platform: PlatformService, admins: PlatformAdminCheck) {
  return apiRoutes()
    .openapi(me, async (c) => c.json({ platformAdmin: true as const, ...(await adminOf(admins, c)) }, 200))
    .openapi(listTemplates, async (c) => {
      await adminOf(admins, c);
      return c.json(platform.listTemplates(), 200);
    })
    .openapi(getTemplate, async (c) => {
      await adminOf(admins, c);
      return c.json(platform.template(c.req.valid('param').id, c.get('now')), 200);
    })
    .openapi(listHosted, async (c) => {
      await adminOf(admins, c);
      return c.json(await platform.listPartnerships(), 200);
    })
    .openapi(createPartnership, async (c) => {
      const admin = await adminOf(admins, c);
      const confirmed = c.get('personalDataConfirmed');
      const result = await platform.createPartnership(admin, c.req.valid('json'), {
        requestId: c.get('requestId'),
        now: c.get('now'),
        ...(confirmed?.length ? { personalDataConfirmed: confirmed } : {}),
      });
      c.header('Location', `${partnershipApiPath(result.partnership.id)}/partnership`);
      return c.json(result, 201);
    });
}
