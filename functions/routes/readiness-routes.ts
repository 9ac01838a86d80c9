import { Hono } from 'hono';
import { Slug } from '../../shared/partnership/schema.js';
import { AssessmentRequest, CreateCriterionRequest, UpdateCriterionRequest, ValidateRequest } from '../../shared/readiness/schema.js';
import type { Services } from '../app.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole, writeContext } from '../http/auth-middleware.js';
import { etagFor, ifMatch } from '../http/etag.js';
import { NotFound } from '../http/errors.js';
import { describeRoute } from '../http/openapi.js';
import { readJson } from '../http/validate.js';

const ALL = ['lead', 'executive', 'partner'] as const;
describeRoute({ method: 'get', path: '/api/workstreams/{id}/readiness', summary: 'Criteria x agencies matrix with statuses and scores', tag: 'Readiness', roles: ALL, statuses: [404] });
describeRoute({ method: 'post', path: '/api/workstreams/{id}/criteria', summary: 'Add a readiness criterion', tag: 'Readiness', roles: ['lead'], body: CreateCriterionRequest, statuses: [201, 404, 409] });
describeRoute({ method: 'patch', path: '/api/workstreams/{id}/criteria/{criterionId}', summary: 'Edit a readiness criterion (only the fields sent change)', tag: 'Readiness', roles: ['lead'], body: UpdateCriterionRequest, etag: 'write', statuses: [404] });
describeRoute({ method: 'put', path: '/api/readiness/{criterionId}/{agencyId}', summary: "The agency's self-assessment (If-Match once it exists)", tag: 'Readiness', roles: ['partner'], body: AssessmentRequest, etag: 'upsert', statuses: [404, 409] });
describeRoute({ method: 'post', path: '/api/readiness/{criterionId}/{agencyId}/validate', summary: 'Confirm or challenge an assessment', tag: 'Readiness', roles: ['lead'], body: ValidateRequest, etag: 'write', statuses: [404, 409] });

const slug = (v: string, what: string) => {
  if (!Slug.safeParse(v).success) throw new NotFound(`There is no ${what} ${v.slice(0, 40)}.`);
  return v;
};

export function readinessRoutes(services: Services) {
  return new Hono<AppEnv>()
    .get('/api/workstreams/:id/readiness', async (c) => c.json(await services.readiness.matrix(slug(c.req.param('id'), 'workstream'), c.get('now').toISOString().slice(0, 10))))
    .post('/api/workstreams/:id/criteria', requireRole('lead'), async (c) => {
      const body = await readJson(c, CreateCriterionRequest);
      const cr = await services.readiness.createCriterion(c.get('user'), slug(c.req.param('id'), 'workstream'), body, writeContext(c));
      c.header('ETag', etagFor(cr.version));
      return c.json(cr, 201);
    })
    .patch('/api/workstreams/:id/criteria/:criterionId', requireRole('lead'), ifMatch(), async (c) => {
      const body = await readJson(c, UpdateCriterionRequest);
      const cr = await services.readiness.updateCriterion(c.get('user'), slug(c.req.param('id'), 'workstream'), slug(c.req.param('criterionId'), 'criterion'), body, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(cr.version));
      return c.json(cr);
    })
    // The first save creates the assessment: If-Match may be left out only while it does not exist (then 428).
    .put('/api/readiness/:criterionId/:agencyId', requireRole('partner'), ifMatch({ mayCreate: true }), async (c) => {
      const body = await readJson(c, AssessmentRequest);
      const a = await services.readiness.assess(c.get('user'), slug(c.req.param('criterionId'), 'criterion'), slug(c.req.param('agencyId'), 'agency'), body, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(a.version));
      return c.json(a);
    })
    .post('/api/readiness/:criterionId/:agencyId/validate', requireRole('lead'), ifMatch(), async (c) => {
      const body = await readJson(c, ValidateRequest);
      const a = await services.readiness.validate(c.get('user'), slug(c.req.param('criterionId'), 'criterion'), slug(c.req.param('agencyId'), 'agency'), body, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(a.version));
      return c.json(a);
    });
}
