import {
  CreateIndicatorRequest,
  IndicatorView,
  MeasureSettingsRequest,
  MeasureSettingsView,
  MeasuresQuery,
  MeasuresView,
  UpdateIndicatorRequest,
} from '../../shared/measures/schema.js';
import { partnershipApiPath } from '../../shared/partnership/paths.js';
import { Slug } from '../../shared/partnership/schema.js';
import { writeContext } from '../http/auth-middleware.js';
import { etagFor } from '../http/etag.js';
import { ALL_ROLES, apiRoutes, declareRoute, json, leadAction, pathParam } from '../http/route.js';

/*
 * Outcome measures (issue 15): the lead's indicators per workstream, and the view of the values
 * agencies report against them in their returns (values are written through the returns routes).
 */

const LEAD = ['lead'] as const;
const workstream = { id: pathParam(Slug, 'workstream') };
const indicator = { ...workstream, indicatorId: pathParam(Slug, 'indicator') };

const getMeasures = declareRoute({
  method: 'get',
  path: '/measures',
  operationId: 'getMeasures',
  summary: 'Outcome measures: indicators with their values, trend, change and RAG against target',
  description:
    'Values count once their return reaches the lead: `accepted` when the return is accepted, `provisional` while it is submitted. The partnership executive sees the indicators published to them. One workstream is three DynamoDB Queries whatever the number of quarters; all workstreams, two.',
  tag: 'Measures',
  roles: ALL_ROLES,
  query: MeasuresQuery,
  response: json(MeasuresView, 'Indicators by workstream, in the lead’s order'),
  errors: [404],
});

const createIndicator = declareRoute({
  method: 'post',
  path: '/workstreams/{id}/indicators',
  operationId: 'createIndicator',
  summary: 'Add an outcome indicator to a workstream (its id is made from its name)',
  description: 'The reporting agency enters its value in its return for the workstream, from the quarter it is added in.',
  tag: 'Measures',
  roles: LEAD,
  params: workstream,
  body: { schema: CreateIndicatorRequest },
  status: 201,
  response: json(IndicatorView, 'The new indicator', { etag: true, location: true }),
  errors: [409],
});

const updateIndicator = declareRoute({
  method: 'patch',
  path: '/workstreams/{id}/indicators/{indicatorId}',
  operationId: 'updateIndicator',
  summary: 'Change an outcome indicator (only the fields sent change)',
  tag: 'Measures',
  roles: LEAD,
  ifMatch: 'required',
  params: indicator,
  body: { schema: UpdateIndicatorRequest },
  response: json(IndicatorView, 'The indicator as saved', { etag: true }),
});

const retirement = (path: '/workstreams/{id}/indicators/{indicatorId}/retire' | '/workstreams/{id}/indicators/{indicatorId}/restore', retire: boolean) =>
  leadAction({
    path,
    operationId: retire ? 'retireIndicator' : 'restoreIndicator',
    summary: retire ? 'Retire an outcome indicator' : 'Restore a retired outcome indicator',
    description: retire ? 'It is no longer asked for in returns; its values and trend stay.' : 'It is asked for again from the next save of a return.',
    tag: 'Measures',
    params: indicator,
    response: json(IndicatorView, retire ? 'The retired indicator' : 'The indicator, in use again', { etag: true }),
  });
const retireIndicator = retirement('/workstreams/{id}/indicators/{indicatorId}/retire', true);
const restoreIndicator = retirement('/workstreams/{id}/indicators/{indicatorId}/restore', false);

const setMeasureSettings = declareRoute({
  method: 'put',
  path: '/measures/settings',
  operationId: 'setMeasureSettings',
  summary: 'Set the small-number threshold: counts of children below it are not recorded',
  description: 'Send If-Match with the version from `GET /measures` (`settings.version`; 0 when never set).',
  tag: 'Measures',
  roles: LEAD,
  ifMatch: 'required',
  body: { schema: MeasureSettingsRequest },
  response: json(MeasureSettingsView, 'The settings as saved', { etag: true }),
});

export function measureRoutes() {
  return apiRoutes()
    .openapi(getMeasures, async (c) => c.json(await c.var.services.measures.view(c.get('user'), c.req.valid('query')), 200))
    .openapi(createIndicator, async (c) => {
      const { id } = c.req.valid('param');
      const ind = await c.var.services.measures.create(c.get('user'), id, c.req.valid('json'), writeContext(c));
      c.header('ETag', etagFor(ind.version));
      c.header('Location', `${partnershipApiPath(c.get('partnershipId'))}/workstreams/${id}/indicators/${ind.id}`);
      return c.json(ind, 201);
    })
    .openapi(updateIndicator, async (c) => {
      const { id, indicatorId } = c.req.valid('param');
      const ind = await c.var.services.measures.update(c.get('user'), id, indicatorId, c.req.valid('json'), c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(ind.version));
      return c.json(ind, 200);
    })
    .openapi(retireIndicator, async (c) => {
      const { id, indicatorId } = c.req.valid('param');
      const ind = await c.var.services.measures.setRetired(c.get('user'), id, indicatorId, true, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(ind.version));
      return c.json(ind, 200);
    })
    .openapi(restoreIndicator, async (c) => {
      const { id, indicatorId } = c.req.valid('param');
      const ind = await c.var.services.measures.setRetired(c.get('user'), id, indicatorId, false, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(ind.version));
      return c.json(ind, 200);
    })
    .openapi(setMeasureSettings, async (c) => {
      const s = await c.var.services.measures.setSettings(c.get('user'), c.req.valid('json'), c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(s.version));
      return c.json(s, 200);
    });
}
