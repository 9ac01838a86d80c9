import { AuditPageView } from '../../shared/audit/events.js';
import { AuditPeopleView, AuditQuery } from '../../shared/audit/query.js';
import { EraseRequest, ErasureResult } from '../../shared/pii/erasure.js';
import { writeContext } from '../http/auth-middleware.js';
import { apiRoutes, declareRoute, json } from '../http/route.js';

const searchAudit = declareRoute({
  method: 'get',
  path: '/audit',
  operationId: 'searchAudit',
  summary: 'The audit trail: who changed what and when, by record, by person or for the whole partnership',
  description:
    "Give `entityType` and `entityId` for one record's history (oldest first unless `order=newest`), `person` (a user's id or email) for what one person did, or neither for every event of the partnership (newest first; without `from`, the last 24 months). `action`, `from` and `to` (UK days, inclusive) narrow any of them. Events recorded before the whole-partnership view existed are found by record and by person. A page is a few reads at most: follow `cursor` until it is null (a page can hold fewer events than `limit`).",
  tag: 'Audit',
  roles: ['lead'],
  query: AuditQuery,
  response: json(AuditPageView, 'A page of events; `cursor` fetches the next'),
});

const listAuditPeople = declareRoute({
  method: 'get',
  path: '/audit/people',
  operationId: 'listAuditPeople',
  summary: "The partnership's people by name, to search the audit trail by person",
  tag: 'Audit',
  roles: ['lead'],
  response: json(AuditPeopleView, 'Name, role, agency and id of each person; never an email address or password'),
});

const erasePersonalData = declareRoute({
  method: 'post',
  path: '/erasures',
  operationId: 'erasePersonalData',
  summary: 'Erase personal data from a record, its earlier versions and its audit events (the text is never stored)',
  tag: 'Audit',
  roles: ['lead'],
  // `text` is the personal data to find, so it is exempt from the rule; the reason is not.
  body: { schema: EraseRequest, personalData: { onlyFields: ['reason'] } },
  response: json(ErasureResult.meta({ id: 'ErasureResult' }), 'What was replaced: counts only, never the text'),
  errors: [404, 412],
});

export function auditRoutes() {
  return apiRoutes()
    .openapi(searchAudit, async (c) => c.json(await c.var.services.audit.search(c.req.valid('query'), c.get('now')), 200))
    .openapi(listAuditPeople, async (c) => c.json(await c.var.services.audit.listPeople(), 200))
    .openapi(erasePersonalData, async (c) => {
      return c.json(await c.var.services.erasure.erase(c.get('user'), c.req.valid('json'), writeContext(c)), 200);
    });
}
