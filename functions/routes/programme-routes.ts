import { Hono } from 'hono';
import { z } from 'zod';
import { Slug } from '../../shared/partnership/schema.js';
import { CreatePeriodRequest } from '../../shared/periods/period.js';
import { CreateMilestoneRequest, UpdateMilestoneRequest } from '../../shared/workstreams/milestone.js';
import type { Services } from '../app.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole, writeContext } from '../http/auth-middleware.js';
import { etagFor, ifMatch } from '../http/etag.js';
import { NotFound } from '../http/errors.js';
import { describeRoute } from '../http/openapi.js';
import { readJson } from '../http/validate.js';

const ALL = ['lead', 'executive', 'partner'] as const;
describeRoute({ method: 'get', path: '/api/workstreams', summary: 'Workstreams with their milestones and contributing agencies', tag: 'Programme', roles: ALL });
describeRoute({ method: 'get', path: '/api/workstreams/{id}', summary: 'One workstream with milestones and contributingAgencyIds', tag: 'Programme', roles: ALL, statuses: [404] });
describeRoute({ method: 'post', path: '/api/workstreams/{id}/milestones', summary: 'Add a milestone', tag: 'Programme', roles: ['lead'], body: CreateMilestoneRequest, statuses: [201, 404, 409] });
describeRoute({ method: 'patch', path: '/api/workstreams/{id}/milestones/{milestoneId}', summary: 'Edit or close a milestone (only the fields sent change)', tag: 'Programme', roles: ['lead'], body: UpdateMilestoneRequest, etag: 'write', statuses: [404] });
describeRoute({ method: 'get', path: '/api/periods', summary: 'Reporting periods, newest first', tag: 'Programme', roles: ALL });
describeRoute({ method: 'post', path: '/api/periods', summary: 'Open a reporting period', tag: 'Programme', roles: ['lead'], body: CreatePeriodRequest, statuses: [201, 409] });

const slugParam = (value: string, what: string) => {
  if (!Slug.safeParse(value).success) throw new NotFound(`There is no ${what} ${value.slice(0, 40)}.`);
  return value;
};

export function programmeRoutes(services: Services) {
  return new Hono<AppEnv>()
    .get('/api/workstreams', async (c) => c.json(await services.programme.listWorkstreams()))
    .get('/api/workstreams/:id', async (c) => c.json(await services.programme.getWorkstream(slugParam(c.req.param('id'), 'workstream'))))
    .post('/api/workstreams/:id/milestones', requireRole('lead'), async (c) => {
      const id = slugParam(c.req.param('id'), 'workstream');
      const body = await readJson(c, CreateMilestoneRequest);
      const m = await services.programme.createMilestone(c.get('user'), id, body, writeContext(c));
      c.header('ETag', etagFor(m.version));
      return c.json(m, 201);
    })
    .patch('/api/workstreams/:id/milestones/:milestoneId', requireRole('lead'), ifMatch(), async (c) => {
      const id = slugParam(c.req.param('id'), 'workstream');
      const mid = slugParam(c.req.param('milestoneId'), 'milestone');
      const body = await readJson(c, UpdateMilestoneRequest);
      const m = await services.programme.updateMilestone(c.get('user'), id, mid, body, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(m.version));
      return c.json(m);
    })
    .get('/api/periods', async (c) => c.json(await services.programme.listPeriods()))
    .post('/api/periods', requireRole('lead'), async (c) => {
      const body = await readJson(c, CreatePeriodRequest);
      const period = await services.programme.createPeriod(c.get('user'), body, writeContext(c));
      c.header('Location', `/api/periods/${period.id}`);
      return c.json(period, 201);
    });
}
