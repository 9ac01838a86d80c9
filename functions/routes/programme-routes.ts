import { partnershipApiPath } from '../../shared/partnership/paths.js';
import { z } from 'zod';
import { Slug } from '../../shared/partnership/schema.js';
import { MilestoneView, PeriodView, WorkstreamView } from '../../shared/partnership/views.js';
import { CreatePeriodRequest } from '../../shared/periods/period.js';
import { CreateMilestoneRequest, UpdateMilestoneRequest } from '../../shared/workstreams/milestone.js';
import { writeContext } from '../http/auth-middleware.js';
import { etagFor } from '../http/etag.js';
import { ALL_ROLES, apiRoutes, declareRoute, json, pathParam } from '../http/route.js';

const workstream = { id: pathParam(Slug, 'workstream') };

const listWorkstreams = declareRoute({
  method: 'get',
  path: '/workstreams',
  operationId: 'listWorkstreams',
  summary: 'Workstreams with their milestones and contributing agencies',
  tag: 'Programme',
  roles: ALL_ROLES,
  response: json(z.array(WorkstreamView), 'Every workstream'),
});

const getWorkstream = declareRoute({
  method: 'get',
  path: '/workstreams/{id}',
  operationId: 'getWorkstream',
  summary: 'One workstream with its milestones and contributing agencies',
  tag: 'Programme',
  roles: ALL_ROLES,
  params: workstream,
  response: json(WorkstreamView, 'The workstream'),
});

const createMilestone = declareRoute({
  method: 'post',
  path: '/workstreams/{id}/milestones',
  operationId: 'createMilestone',
  summary: 'Add a milestone',
  tag: 'Programme',
  roles: ['lead'],
  params: workstream,
  body: { schema: CreateMilestoneRequest },
  status: 201,
  response: json(MilestoneView, 'The new milestone', { etag: true }),
  errors: [409],
});

const updateMilestone = declareRoute({
  method: 'patch',
  path: '/workstreams/{id}/milestones/{milestoneId}',
  operationId: 'updateMilestone',
  summary: 'Edit or close a milestone (only the fields sent change)',
  tag: 'Programme',
  roles: ['lead'],
  ifMatch: 'required',
  params: { ...workstream, milestoneId: pathParam(Slug, 'milestone') },
  body: { schema: UpdateMilestoneRequest },
  response: json(MilestoneView, 'The milestone as saved', { etag: true }),
});

const listPeriods = declareRoute({
  method: 'get',
  path: '/periods',
  operationId: 'listPeriods',
  summary: 'Reporting periods, newest first',
  tag: 'Programme',
  roles: ALL_ROLES,
  response: json(z.array(PeriodView), 'Every reporting period'),
});

const openPeriod = declareRoute({
  method: 'post',
  path: '/periods',
  operationId: 'openPeriod',
  summary: 'Open a reporting period',
  tag: 'Programme',
  roles: ['lead'],
  body: { schema: CreatePeriodRequest },
  status: 201,
  response: json(PeriodView, 'The period, open for returns', { location: true }),
  errors: [409],
});

export function programmeRoutes() {
  return apiRoutes()
    .openapi(listWorkstreams, async (c) => c.json(await c.var.services.programme.listWorkstreams(), 200))
    .openapi(getWorkstream, async (c) => c.json(await c.var.services.programme.getWorkstream(c.req.valid('param').id), 200))
    .openapi(createMilestone, async (c) => {
      const m = await c.var.services.programme.createMilestone(c.get('user'), c.req.valid('param').id, c.req.valid('json'), writeContext(c));
      c.header('ETag', etagFor(m.version));
      return c.json(m, 201);
    })
    .openapi(updateMilestone, async (c) => {
      const { id, milestoneId } = c.req.valid('param');
      const m = await c.var.services.programme.updateMilestone(c.get('user'), id, milestoneId, c.req.valid('json'), c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(m.version));
      return c.json(m, 200);
    })
    .openapi(listPeriods, async (c) => c.json(await c.var.services.programme.listPeriods(), 200))
    .openapi(openPeriod, async (c) => {
      const period = await c.var.services.programme.createPeriod(c.get('user'), c.req.valid('json'), writeContext(c));
      c.header('Location', `${partnershipApiPath(c.get('partnershipId'))}/periods/${period.id}`);
      return c.json(period, 201);
    });
}
