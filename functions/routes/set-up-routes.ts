import { partnershipApiPath } from '../../shared/partnership/paths.js';
import { CreateAgencyRequest, CreateWorkstreamRequest, MoveRequest, UpdateAgencyRequest, UpdateWorkstreamRequest } from '../../shared/partnership/requests.js';
import { Slug } from '../../shared/partnership/schema.js';
import { AgencyView, WorkstreamBaseView } from '../../shared/partnership/views.js';
import { writeContext } from '../http/auth-middleware.js';
import { etagFor } from '../http/etag.js';
import { apiRoutes, declareRoute, json, leadAction, pathParam } from '../http/route.js';

/*
 * Programme set-up by the lead: the partnership's workstreams and agencies (issue 13). Reading them
 * is `GET /partnership` and `GET /workstreams`; these routes change them. Every change but adding
 * one is guarded by If-Match; retiring keeps the record and its history.
 */

const LEAD = ['lead'] as const;
const workstream = { id: pathParam(Slug, 'workstream') };
const agency = { agencyId: pathParam(Slug, 'agency') };
const RETIREMENT =
  'A retired one stays in the reporting periods it was in use during (past returns, trackers and trends, labelled retired) and is left out of periods from the day it is retired.';

const createWorkstream = declareRoute({
  method: 'post',
  path: '/workstreams',
  operationId: 'createWorkstream',
  summary: 'Add a workstream (its id is made from its name)',
  description: 'Agencies report on it from the quarter it is added in.',
  tag: 'Programme',
  roles: LEAD,
  body: { schema: CreateWorkstreamRequest },
  status: 201,
  response: json(WorkstreamBaseView, 'The new workstream', { etag: true, location: true }),
  errors: [409],
});

const updateWorkstream = declareRoute({
  method: 'patch',
  path: '/workstreams/{id}',
  operationId: 'updateWorkstream',
  summary: 'Change a workstream’s name, description, lead agency, the agencies that report on it or whether it is the MACPT workstream (only the fields sent change)',
  description:
    'An agency that stops reporting on it keeps its sections in the periods it reported in. `macpt: true` makes it the partnership’s one MACPT workstream: the workstream that had the mark loses it in the same write (412 if that one changed meanwhile); a retired workstream cannot take it (422).',
  tag: 'Programme',
  roles: LEAD,
  ifMatch: 'required',
  params: workstream,
  body: { schema: UpdateWorkstreamRequest },
  response: json(WorkstreamBaseView, 'The workstream as saved', { etag: true }),
});

/** A change of one record with no body of its own but a version: move, retire, restore. */
const action = <P extends string, PP extends typeof workstream | typeof agency, R>(path: P, operationId: string, summary: string, params: PP, response: R, description?: string) =>
  leadAction({ path, operationId, summary, ...(description ? { description } : {}), tag: 'Programme', params, response });

const moveWorkstream = declareRoute({
  method: 'post',
  path: '/workstreams/{id}/move',
  operationId: 'moveWorkstream',
  summary: 'Move a workstream one place up or down the programme’s order',
  tag: 'Programme',
  roles: LEAD,
  ifMatch: 'required',
  params: workstream,
  body: { schema: MoveRequest },
  response: json(WorkstreamBaseView, 'The workstream in its new place', { etag: true }),
  errors: [409],
});
const retireWorkstream = action(
  '/workstreams/{id}/retire',
  'retireWorkstream',
  'Retire a workstream',
  workstream,
  json(WorkstreamBaseView, 'The retired workstream', { etag: true }),
  RETIREMENT,
);
const restoreWorkstream = action(
  '/workstreams/{id}/restore',
  'restoreWorkstream',
  'Restore a retired workstream',
  workstream,
  json(WorkstreamBaseView, 'The workstream, in use again', { etag: true }),
);

const createAgency = declareRoute({
  method: 'post',
  path: '/agencies',
  operationId: 'createAgency',
  summary: 'Add an agency (its id is made from its name)',
  tag: 'Programme',
  roles: LEAD,
  body: { schema: CreateAgencyRequest },
  status: 201,
  response: json(AgencyView, 'The new agency (listed in `GET /partnership`)', { etag: true }),
  errors: [409],
});

const updateAgency = declareRoute({
  method: 'patch',
  path: '/agencies/{agencyId}',
  operationId: 'updateAgency',
  summary: 'Rename an agency, or change its type or whether it is a statutory partner (only the fields sent change)',
  tag: 'Programme',
  roles: LEAD,
  ifMatch: 'required',
  params: agency,
  body: { schema: UpdateAgencyRequest },
  response: json(AgencyView, 'The agency as saved', { etag: true }),
});

const moveAgency = declareRoute({
  method: 'post',
  path: '/agencies/{agencyId}/move',
  operationId: 'moveAgency',
  summary: 'Move an agency one place up or down the partnership’s order',
  tag: 'Programme',
  roles: LEAD,
  ifMatch: 'required',
  params: agency,
  body: { schema: MoveRequest },
  response: json(AgencyView, 'The agency in its new place', { etag: true }),
  errors: [409],
});
const retireAgency = action(
  '/agencies/{agencyId}/retire',
  'retireAgency',
  'Retire an agency (refused while it leads or alone reports on a workstream in use, or signs the threshold document)',
  agency,
  json(AgencyView, 'The retired agency', { etag: true }),
  `${RETIREMENT} Its people keep their accounts.`,
);
const restoreAgency = action('/agencies/{agencyId}/restore', 'restoreAgency', 'Restore a retired agency', agency, json(AgencyView, 'The agency, in use again', { etag: true }));

export function setUpRoutes() {
  return apiRoutes()
    .openapi(createWorkstream, async (c) => {
      const w = await c.var.services.workstreams.create(c.get('user'), c.req.valid('json'), writeContext(c));
      c.header('ETag', etagFor(w.version));
      c.header('Location', `${partnershipApiPath(c.get('partnershipId'))}/workstreams/${w.id}`);
      return c.json(w, 201);
    })
    .openapi(updateWorkstream, async (c) => {
      const w = await c.var.services.workstreams.update(c.get('user'), c.req.valid('param').id, c.req.valid('json'), c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(w.version));
      return c.json(w, 200);
    })
    .openapi(moveWorkstream, async (c) => {
      const w = await c.var.services.workstreams.move(c.get('user'), c.req.valid('param').id, c.req.valid('json'), c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(w.version));
      return c.json(w, 200);
    })
    .openapi(retireWorkstream, async (c) => {
      const w = await c.var.services.workstreams.retire(c.get('user'), c.req.valid('param').id, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(w.version));
      return c.json(w, 200);
    })
    .openapi(restoreWorkstream, async (c) => {
      const w = await c.var.services.workstreams.restore(c.get('user'), c.req.valid('param').id, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(w.version));
      return c.json(w, 200);
    })
    .openapi(createAgency, async (c) => {
      const a = await c.var.services.agencies.create(c.get('user'), c.req.valid('json'), writeContext(c));
      c.header('ETag', etagFor(a.version));
      return c.json(a, 201);
    })
    .openapi(updateAgency, async (c) => {
      const a = await c.var.services.agencies.update(c.get('user'), c.req.valid('param').agencyId, c.req.valid('json'), c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(a.version));
      return c.json(a, 200);
    })
    .openapi(moveAgency, async (c) => {
      const a = await c.var.services.agencies.move(c.get('user'), c.req.valid('param').agencyId, c.req.valid('json'), c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(a.version));
      return c.json(a, 200);
    })
    .openapi(retireAgency, async (c) => {
      const a = await c.var.services.agencies.retire(c.get('user'), c.req.valid('param').agencyId, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(a.version));
      return c.json(a, 200);
    })
    .openapi(restoreAgency, async (c) => {
      const a = await c.var.services.agencies.restore(c.get('user'), c.req.valid('param').agencyId, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(a.version));
      return c.json(a, 200);
    });
}
