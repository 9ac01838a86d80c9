import { Hono } from 'hono';
import { z } from 'zod';
import { Slug } from '../../shared/partnership/schema.js';
import { PeriodId } from '../../shared/periods/period.js';
import { ReturnReturnRequest, SaveReturnRequest, SubmitRequest } from '../../shared/returns/schema.js';
import type { Services } from '../app.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole, writeContext } from '../http/auth-middleware.js';
import { etagFor, ifMatch } from '../http/etag.js';
import { NotFound } from '../http/errors.js';
import { describeRoute } from '../http/openapi.js';
import { readJson, readOptionalJson, readQuery } from '../http/validate.js';

const ALL = ['lead', 'executive', 'partner'] as const;
const ListQuery = z.object({ periodId: PeriodId }).strict();
const Params = z.object({ periodId: z.string(), agencyId: z.string() });
const base = '/api/returns/{periodId}/{agencyId}';

describeRoute({ method: 'get', path: '/api/returns', summary: "A period's returns, one row per agency (partners: their own)", tag: 'Returns', roles: ALL, query: ListQuery, statuses: [404] });
describeRoute({ method: 'get', path: base, summary: 'One return with its sections and personal-data warnings', tag: 'Returns', roles: ALL, etag: 'read', statuses: [404] });
describeRoute({ method: 'put', path: base, summary: "Save the agency's draft (whole sections); If-Match once it exists", tag: 'Returns', roles: ['partner'], body: SaveReturnRequest, etag: 'upsert', statuses: [404, 409] });
describeRoute({ method: 'post', path: `${base}/submit`, summary: 'Submit the return for review', tag: 'Returns', roles: ['partner'], body: SubmitRequest, etag: 'write', statuses: [404, 409, 422] });
describeRoute({ method: 'post', path: `${base}/accept`, summary: 'Accept a submitted return (locks it)', tag: 'Returns', roles: ['lead'], etag: 'write', statuses: [404, 409] });
describeRoute({ method: 'post', path: `${base}/return`, summary: 'Return a submitted return to the agency with a comment', tag: 'Returns', roles: ['lead'], body: ReturnReturnRequest, etag: 'write', statuses: [404, 409] });

/** Path ids that are not well-formed name nothing: 404, never 500. */
function ids(c: { req: { param(): Record<string, string> } }) {
  const p = Params.parse(c.req.param());
  if (!PeriodId.safeParse(p.periodId).success) throw new NotFound(`There is no reporting period ${p.periodId.slice(0, 40)}.`);
  if (!Slug.safeParse(p.agencyId).success) throw new NotFound(`There is no agency ${p.agencyId.slice(0, 40)}.`);
  return p;
}

export function returnRoutes(services: Services) {
  return new Hono<AppEnv>()
    .get('/api/returns', async (c) => {
      const { periodId } = readQuery(c, ListQuery);
      return c.json(await services.returns.list(c.get('user'), periodId, c.get('now')));
    })
    .get('/api/returns/:periodId/:agencyId', async (c) => {
      const { periodId, agencyId } = ids(c);
      const view = await services.returns.get(c.get('user'), periodId, agencyId, c.get('now'));
      if (view.version > 0) c.header('ETag', etagFor(view.version));
      return c.json(view);
    })
    // The first save creates the return: If-Match may be left out only while it does not exist (then 428).
    .put('/api/returns/:periodId/:agencyId', requireRole('partner'), ifMatch({ mayCreate: true }), async (c) => {
      const { periodId, agencyId } = ids(c);
      const body = await readJson(c, SaveReturnRequest);
      const view = await services.returns.save(c.get('user'), periodId, agencyId, body, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(view.version));
      return c.json(view);
    })
    .post('/api/returns/:periodId/:agencyId/submit', requireRole('partner'), ifMatch(), async (c) => {
      const { periodId, agencyId } = ids(c);
      const body = await readOptionalJson(c, SubmitRequest);
      const view = await services.returns.submit(c.get('user'), periodId, agencyId, body, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(view.version));
      return c.json(view);
    })
    .post('/api/returns/:periodId/:agencyId/accept', requireRole('lead'), ifMatch(), async (c) => {
      const { periodId, agencyId } = ids(c);
      await readOptionalJson(c, z.object({}).strict());
      const view = await services.returns.review(c.get('user'), periodId, agencyId, { action: 'accept' }, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(view.version));
      return c.json(view);
    })
    .post('/api/returns/:periodId/:agencyId/return', requireRole('lead'), ifMatch(), async (c) => {
      const { periodId, agencyId } = ids(c);
      const body = await readJson(c, ReturnReturnRequest);
      const view = await services.returns.review(c.get('user'), periodId, agencyId, { action: 'return', comment: body.comment }, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(view.version));
      return c.json(view);
    });
}
