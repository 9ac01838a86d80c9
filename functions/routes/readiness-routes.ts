import { Hono } from 'hono';
import { Slug } from '../../shared/partnership/schema.js';
import { AssessmentRequest, CreateCriterionRequest, UpdateCriterionRequest, ValidateRequest } from '../../shared/readiness/schema.js';
import type { Services } from '../app.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole, writeContext } from '../http/auth-middleware.js';
import { etagFor, optionalIfMatch, requireIfMatch } from '../http/etag.js';
import { NotFound } from '../http/errors.js';
import { describeRoute } from '../http/openapi.js';
import { readJson } from '../http/validate.js';

const ALL = ['lead', 'executive', 'partner'] as const;
describeRoute({ method: 'get', path: '/api/workstreams/{id}/readiness', summary: 'Criteria x agencies matrix with statuses and scores', tag: 'Readiness', roles: ALL, statuses: [404] });
describeRoute({ method: 'post', path: '/api/workstreams/{id}/criteria', summary: 'Add a readiness criterion', tag: 'Readiness', roles: ['lead'], body: CreateCriterionRequest, statuses: [201, 404, 409] });
describeRoute({ method: 'patch', path: '/api/workstreams/{id}/criteria/{criterionId}', summary: 'Edit a readiness criterion', tag: 'Readiness', roles: ['lead'], body: UpdateCriterionRequest, etag: 'write', statuses: [404] });
describeRoute({ method: 'put', path: '/api/readiness/{criterionId}/{agencyId}', summary: "The agency's self-assessment (If-Match once it exists)", tag: 'Readiness', roles: ['partner'], body: AssessmentRequest, statuses: [404, 409, 412, 428] });
describeRoute({ method: 'post', path: '/api/readiness/{criterionId}/{agencyId}/validate', summary: 'Confirm or challenge an assessment', tag: 'Readiness', roles: ['lead'], body: ValidateRequest, statuses: [404, 409, 412] });

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
    .patch('/api/workstreams/:id/criteria/:criterionId', requireRole('lead'), async (c) => {
      const body = await readJson(c, UpdateCriterionRequest);
      const cr = await services.readiness.updateCriterion(c.get('user'), slug(c.req.param('id'), 'workstream'), slug(c.req.param('criterionId'), 'criterion'), body, requireIfMatch(c), writeContext(c));
      c.header('ETag', etagFor(cr.version));
      return c.json(cr);
    })
    .put('/api/readiness/:criterionId/:agencyId', requireRole('partner'), async (c) => {
      const body = await readJson(c, AssessmentRequest);
      const a = await services.readiness.assess(c.get('user'), slug(c.req.param('criterionId'), 'criterion'), slug(c.req.param('agencyId'), 'agency'), body, optionalIfMatch(c), writeContext(c));
      c.header('ETag', etagFor(a.version));
      return c.json(a);
    })
    .post('/api/readiness/:criterionId/:agencyId/validate', requireRole('lead'), async (c) => {
      const body = await readJson(c, ValidateRequest);
      const a = await services.readiness.validate(c.get('user'), slug(c.req.param('criterionId'), 'criterion'), slug(c.req.param('agencyId'), 'agency'), body, optionalIfMatch(c), writeContext(c));
      c.header('ETag', etagFor(a.version));
      return c.json(a);
    });
}
