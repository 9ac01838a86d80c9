import { ChasesQuery, ChasesView, ChaseView } from '../../shared/chase/schema.js';
import { Slug } from '../../shared/partnership/schema.js';
import { PeriodId } from '../../shared/periods/period.js';
import { writeContext } from '../http/auth-middleware.js';
import { apiRoutes, declareRoute, json, pathParam } from '../http/route.js';

/*
 * The lead's chase buttons: one reminder now about an outstanding return or sign-off (at most once
 * a UK day per item; 429 with Retry-After until tomorrow), and when each was last chased.
 */

const agency = pathParam(Slug, 'agency');

const chaseReturn = declareRoute({
  method: 'post',
  path: '/returns/{periodId}/{agencyId}/chase',
  operationId: 'chaseReturn',
  summary: "Email the agency's preparers now about a return that is not in (once a day)",
  tag: 'Reminders',
  roles: ['lead'],
  params: { periodId: pathParam(PeriodId, 'reporting period'), agencyId: agency },
  status: 201,
  response: json(ChaseView, 'Who was emailed'),
  errors: [422, 429],
});

const chaseSignOff = declareRoute({
  method: 'post',
  path: '/threshold-documents/{versionId}/sign-offs/{agencyId}/chase',
  operationId: 'chaseSignOff',
  summary: "Email the agency's signatories now about a sign-off still outstanding (once a day)",
  tag: 'Reminders',
  roles: ['lead'],
  params: { versionId: pathParam(Slug, 'threshold document version'), agencyId: agency },
  status: 201,
  response: json(ChaseView, 'Who was emailed'),
  errors: [422, 429],
});

const listChases = declareRoute({
  method: 'get',
  path: '/chases',
  operationId: 'listChases',
  summary: 'When the returns of a period, or the sign-offs of a version, were last chased',
  tag: 'Reminders',
  roles: ['lead'],
  query: ChasesQuery,
  response: json(ChasesView, 'The last chase of each item that has been chased'),
});

export function chaseRoutes() {
  return apiRoutes()
    .openapi(chaseReturn, async (c) => {
      const { periodId, agencyId } = c.req.valid('param');
      return c.json(await c.var.services.chase.chaseReturn(c.get('user'), periodId, agencyId, writeContext(c)), 201);
    })
    .openapi(chaseSignOff, async (c) => {
      const { versionId, agencyId } = c.req.valid('param');
      return c.json(await c.var.services.chase.chaseSignOff(c.get('user'), versionId, agencyId, writeContext(c)), 201);
    })
    .openapi(listChases, async (c) => {
      const { kind, of } = c.req.valid('query');
      return c.json(await c.var.services.chase.list(kind, of), 200);
    });
}
