import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { CATEGORIES, CreateItemRequest, ITEM_STATUSES, UpdateItemRequest } from '../../shared/kinship/schema.js';
import type { Services } from '../app.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole, writeContext } from '../http/auth-middleware.js';
import { etagFor, ifMatch, type IfMatchEnv } from '../http/etag.js';
import { NotFound } from '../http/errors.js';
import { describeRoute } from '../http/openapi.js';
import { readJson, readOptionalJson, readQuery } from '../http/validate.js';

const ALL = ['lead', 'executive', 'partner'] as const;
const ListQuery = z.object({ status: z.enum(ITEM_STATUSES).optional(), category: z.enum(CATEGORIES).optional(), agencyId: z.string().max(64).optional() }).strict();
const base = '/api/kinship-offer/items';
/** `contact` is where an item publishes its service's phone, email and office: those kinds are expected there. */
const KINSHIP_TEXT = { personalData: { contactFields: ['contact'] } };

describeRoute({ method: 'get', path: base, summary: 'The Kinship Local Offer register, filtered', tag: 'Kinship offer', roles: ALL, query: ListQuery });
describeRoute({ method: 'post', path: base, summary: 'Draft an item (for your agency)', tag: 'Kinship offer', roles: ['partner', 'lead'], body: CreateItemRequest, statuses: [201] });
describeRoute({ method: 'get', path: `${base}/{id}`, summary: 'One item with its ETag', tag: 'Kinship offer', roles: ALL, etag: 'read', statuses: [404] });
describeRoute({ method: 'patch', path: `${base}/{id}`, summary: 'Edit an item; editing a published item opens a revision for review', tag: 'Kinship offer', roles: ['partner', 'lead'], body: UpdateItemRequest, etag: 'write', statuses: [404, 409] });
describeRoute({ method: 'post', path: `${base}/{id}/submit`, summary: 'Send a draft for review', tag: 'Kinship offer', roles: ['partner', 'lead'], etag: 'write', statuses: [404, 409] });
describeRoute({ method: 'post', path: `${base}/{id}/publish`, summary: 'Publish the item (or its pending revision)', tag: 'Kinship offer', roles: ['lead'], etag: 'write', statuses: [404, 409] });
describeRoute({ method: 'post', path: `${base}/{id}/retire`, summary: 'Retire the item from the offer', tag: 'Kinship offer', roles: ['lead'], etag: 'write', statuses: [404, 409] });
describeRoute({ method: 'get', path: '/api/kinship-offer/coverage', summary: 'Statutory categories covered, reviews overdue, last published', tag: 'Kinship offer', roles: ['lead', 'executive'] });
describeRoute({ method: 'get', path: '/api/public/kinship-offer', summary: 'The published Kinship Local Offer (no sign-in)', tag: 'Public' });

const idParam = (id: string) => {
  if (!/^[a-z0-9-]{1,80}$/.test(id)) throw new NotFound(`There is no Kinship Local Offer item ${id.slice(0, 40)}.`);
  return id;
};

/** The public offer: no sign-in, published text only, cacheable for a few minutes. */
export function publicKinshipRoutes(services: Services) {
  return new Hono<AppEnv>().get('/api/public/kinship-offer', async (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(await services.kinship.publicOffer());
  });
}

export function kinshipRoutes(services: Services) {
  const transition = async (c: Context<AppEnv & IfMatchEnv>, action: 'submit' | 'publish' | 'retire') => {
    const id = idParam(c.req.param('id') ?? '');
    await readOptionalJson(c, z.object({}).strict());
    const item = await services.kinship.transition(c.get('user'), id, action, c.var.ifMatch, writeContext(c));
    c.header('ETag', etagFor(item.version));
    return c.json(item);
  };
  return new Hono<AppEnv>()
    .get(base, async (c) => c.json(await services.kinship.list(readQuery(c, ListQuery))))
    .get('/api/kinship-offer/coverage', requireRole('lead', 'executive'), async (c) => c.json(await services.kinship.coverage(c.get('now').toISOString().slice(0, 10))))
    .post(base, requireRole('partner', 'lead'), async (c) => {
      const item = await services.kinship.create(c.get('user'), await readJson(c, CreateItemRequest, KINSHIP_TEXT), writeContext(c));
      c.header('ETag', etagFor(item.version));
      c.header('Location', `${base}/${item.id}`);
      return c.json(item, 201);
    })
    .get(`${base}/:id`, async (c) => {
      const item = await services.kinship.get(idParam(c.req.param('id')));
      c.header('ETag', etagFor(item.version));
      return c.json(item);
    })
    .patch(`${base}/:id`, requireRole('partner', 'lead'), ifMatch(), async (c) => {
      const id = idParam(c.req.param('id'));
      const body = await readJson(c, UpdateItemRequest, KINSHIP_TEXT);
      const item = await services.kinship.update(c.get('user'), id, body, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(item.version));
      return c.json(item);
    })
    .post(`${base}/:id/submit`, requireRole('partner', 'lead'), ifMatch(), (c) => transition(c, 'submit'))
    .post(`${base}/:id/publish`, requireRole('lead'), ifMatch(), (c) => transition(c, 'publish'))
    .post(`${base}/:id/retire`, requireRole('lead'), ifMatch(), (c) => transition(c, 'retire'));
}
