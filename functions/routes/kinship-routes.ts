import type { RouteHandler } from '@hono/zod-openapi';
import { z } from 'zod';
import { CATEGORIES, CreateItemRequest, ITEM_STATUSES, ReturnItemRequest, UpdateItemRequest } from '../../shared/kinship/schema.js';
import { CoverageView, KinshipItemView, KinshipItemWithWarnings, PublicOfferView } from '../../shared/kinship/views.js';
import { writeContext } from '../http/auth-middleware.js';
import type { AppEnv } from '../http/app-env.js';
import { etagFor, type IfMatchEnv } from '../http/etag.js';
import { ALL_ROLES, apiRoutes, declareRoute, json, pathParam } from '../http/route.js';
import { ukDate } from '../../shared/periods/period.js';

const base = '/kinship-offer/items';
const item = { id: pathParam(z.string().regex(/^[a-z0-9-]{1,80}$/), 'Kinship Local Offer item') };
/** `contact` is where an item publishes its service's phone, email and office: those kinds are expected there. */
const KINSHIP_TEXT = { contactFields: ['contact'] };

const listKinshipItems = declareRoute({
  method: 'get',
  path: base,
  operationId: 'listKinshipItems',
  summary: 'The Kinship Local Offer register, filtered',
  tag: 'Kinship offer',
  roles: ALL_ROLES,
  query: z.object({ status: z.enum(ITEM_STATUSES).optional(), category: z.enum(CATEGORIES).optional(), agencyId: z.string().max(64).optional() }).strict(),
  response: json(z.array(KinshipItemWithWarnings), 'The items, by category then title'),
});

const createKinshipItem = declareRoute({
  method: 'post',
  path: base,
  operationId: 'createKinshipItem',
  summary: 'Draft an item (for your agency)',
  tag: 'Kinship offer',
  roles: ['partner', 'lead'],
  body: { schema: CreateItemRequest, personalData: KINSHIP_TEXT },
  status: 201,
  response: json(KinshipItemView, 'The new draft', { etag: true, location: true }),
});

const getKinshipItem = declareRoute({
  method: 'get',
  path: `${base}/{id}`,
  operationId: 'getKinshipItem',
  summary: 'One item with its ETag',
  tag: 'Kinship offer',
  roles: ALL_ROLES,
  params: item,
  response: json(KinshipItemWithWarnings, 'The item', { etag: true }),
});

const updateKinshipItem = declareRoute({
  method: 'patch',
  path: `${base}/{id}`,
  operationId: 'updateKinshipItem',
  summary: 'Edit an item; editing a published item opens a revision for review',
  tag: 'Kinship offer',
  roles: ['partner', 'lead'],
  ifMatch: 'required',
  params: item,
  body: { schema: UpdateItemRequest, personalData: KINSHIP_TEXT },
  response: json(KinshipItemView, 'The item as saved', { etag: true }),
  errors: [409],
});

/**
 * The three moves of an item through review: no body, If-Match of the item. Sending for review and
 * publishing answer 422 naming each missing field (who it is for, how to apply, a contact).
 */
const transition = (action: 'submit' | 'publish' | 'retire', operationId: string, summary: string, roles: readonly ('partner' | 'lead')[], description?: string) =>
  declareRoute({
    method: 'post',
    path: `${base}/{id}/${action}`,
    operationId,
    summary,
    ...(description ? { description } : {}),
    tag: 'Kinship offer',
    roles,
    ifMatch: 'required',
    params: item,
    response: json(KinshipItemView, 'The item in its new state', { etag: true }),
    errors: action === 'retire' ? [409] : [409, 422],
  });
const READY = 'Refused with 422 naming each missing field (`audience`, `howToApply`, `contact`) until the item says who it is for, how to apply and a contact.';
const submitKinshipItem = transition('submit', 'submitKinshipItem', 'Send a draft (or returned) item for review', ['partner', 'lead'], READY);
const publishKinshipItem = transition('publish', 'publishKinshipItem', 'Publish the item (or its pending revision)', ['lead'], READY);
const retireKinshipItem = transition('retire', 'retireKinshipItem', 'Retire the item from the offer', ['lead']);

const returnKinshipItem = declareRoute({
  method: 'post',
  path: `${base}/{id}/return`,
  operationId: 'returnKinshipItem',
  summary: 'Return an item in review to its agency with a comment, instead of publishing it',
  description: 'The comment is kept on the item and shown to the agency. A published item keeps its published text live meanwhile.',
  tag: 'Kinship offer',
  roles: ['lead'],
  ifMatch: 'required',
  params: item,
  body: { schema: ReturnItemRequest },
  response: json(KinshipItemView, 'The item, back with its agency', { etag: true }),
  errors: [409],
});

const getKinshipCoverage = declareRoute({
  method: 'get',
  path: '/kinship-offer/coverage',
  operationId: 'getKinshipCoverage',
  summary: 'Statutory categories covered, reviews overdue, last published',
  tag: 'Kinship offer',
  roles: ['lead', 'executive'],
  response: json(CoverageView, 'Coverage of the published offer'),
});

const getPublicKinshipOffer = declareRoute({
  method: 'get',
  path: '/kinship-offer',
  operationId: 'getPublicKinshipOffer',
  summary: 'The published Kinship Local Offer (no sign-in)',
  description: 'Published text only; shared caches may keep it for five minutes.',
  tag: 'Public',
  response: json(PublicOfferView, 'The offer, grouped by category'),
});

/** The public offer: no sign-in, published text only, cacheable for a few minutes. */
export function publicKinshipRoutes() {
  return apiRoutes().openapi(getPublicKinshipOffer, async (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(await c.var.services.kinship.publicOffer(), 200);
  });
}

export function kinshipRoutes() {
  return apiRoutes()
    .openapi(listKinshipItems, async (c) => c.json(await c.var.services.kinship.list(c.req.valid('query')), 200))
    .openapi(getKinshipCoverage, async (c) => c.json(await c.var.services.kinship.coverage(ukDate(c.get('now'))), 200))
    .openapi(createKinshipItem, async (c) => {
      const created = await c.var.services.kinship.create(c.get('user'), c.req.valid('json'), writeContext(c));
      c.header('ETag', etagFor(created.version));
      c.header('Location', `${base}/${created.id}`);
      return c.json(created, 201);
    })
    .openapi(getKinshipItem, async (c) => {
      const found = await c.var.services.kinship.get(c.req.valid('param').id);
      c.header('ETag', etagFor(found.version));
      return c.json(found, 200);
    })
    .openapi(updateKinshipItem, async (c) => {
      const updated = await c.var.services.kinship.update(c.get('user'), c.req.valid('param').id, c.req.valid('json'), c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(updated.version));
      return c.json(updated, 200);
    })
    .openapi(submitKinshipItem, move('submit'))
    .openapi(publishKinshipItem, move('publish'))
    .openapi(retireKinshipItem, move('retire'))
    .openapi(returnKinshipItem, async (c) => {
      const returned = await c.var.services.kinship.returnToAgency(c.get('user'), c.req.valid('param').id, c.req.valid('json').comment, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(returned.version));
      return c.json(returned, 200);
    });
}

/** One handler for the three moves: the routes differ only in their action and roles. */
function move(action: 'submit' | 'publish' | 'retire'): RouteHandler<ReturnType<typeof transition>, AppEnv & IfMatchEnv> {
  return async (c) => {
    const moved = await c.var.services.kinship.transition(c.get('user'), c.req.valid('param').id, action, c.var.ifMatch, writeContext(c));
    c.header('ETag', etagFor(moved.version));
    return c.json(moved, 200);
  };
}
