import { ApiError, publicApi, read, seg, serviceApi, type OkOf } from './client.js';
import { createApiQuery, createKeyedResource, invalidate, QUERY } from './queries.js';

/*
 * Platform administration (issue 13): the service's own routes for its platform administrators,
 * who create partnerships from templates and work in none. Every call but `platformAdminOf` needs
 * an administrator's session; anyone else is refused (403).
 */

const platform = serviceApi.api.platform;

export type PlatformAdmin = OkOf<typeof platform.me.$get>;
export type TemplateSummary = OkOf<typeof platform.templates.$get>['templates'][number];
export type TemplateDetail = OkOf<(typeof platform.templates)[':id']['$get']>;
export type HostedPartnership = OkOf<typeof platform.partnerships.$get>['partnerships'][number];
export type CreatePartnershipBody = Parameters<typeof platform.partnerships.$post>[0]['json'];
export type CreatePartnershipResult = OkOf<typeof platform.partnerships.$post>;

/**
 * Whether a token just issued (at sign-in, before the page uses it) is a platform
 * administrator's: their record, or null for anyone else (403). Asked with that token alone, so a
 * refusal never touches the session.
 */
export async function platformAdminOf(token: string): Promise<PlatformAdmin | null> {
  try {
    return await read(publicApi.api.platform.me.$get(undefined, { headers: { Authorization: `Bearer ${token}` } }));
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) return null;
    throw err;
  }
}

export const getPlatformAdmin = () => read(platform.me.$get());

/** The templates a partnership can start from. */
export const useTemplates = () => createApiQuery(QUERY.platformTemplates, () => read(platform.templates.$get()));

/** A template and its draft (what it proposes for a new partnership), for the template `id` names. */
export const useTemplate = (id: () => string | undefined) =>
  createKeyedResource(QUERY.platformTemplate, id, (templateId) => read(platform.templates[':id'].$get({ param: { id: seg(templateId) } })));

/** The partnerships the service hosts, and when and by whom each was created. */
export const useHostedPartnerships = () => createApiQuery(QUERY.hostedPartnerships, () => read(platform.partnerships.$get()));

/** Creates a partnership from a template and invites its first lead; the list of hosted partnerships loads again. */
export async function createPartnership(json: CreatePartnershipBody): Promise<CreatePartnershipResult> {
  const result = await read(platform.partnerships.$post({ json }));
  await invalidate(QUERY.hostedPartnerships);
  return result;
}
