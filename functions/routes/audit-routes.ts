import { z } from 'zod';
import { AuditPageView } from '../../shared/audit/events.js';
import { EraseRequest, ErasureResult } from '../../shared/pii/erasure.js';
import { writeContext } from '../http/auth-middleware.js';
import { apiRoutes, declareRoute, json } from '../http/route.js';
import type { Services } from '../services/index.js';

export const AUDITED_ENTITY_TYPES = ['return', 'period', 'milestone', 'workstream', 'threshold-document', 'kinship-item', 'criterion', 'assessment', 'user', 'partnership'] as const;

const listAuditForEntity = declareRoute({
  method: 'get',
  path: '/api/audit',
  operationId: 'listAuditForEntity',
  summary: 'Every change to one entity: who, when, what changed',
  tag: 'Audit',
  roles: ['lead'],
  query: z
    .object({
      entityType: z.enum(AUDITED_ENTITY_TYPES),
      entityId: z.string().min(1).max(200),
      limit: z.coerce.number().int().min(1).max(500).optional(),
      cursor: z.string().max(2000).optional(),
    })
    .strict(),
  response: json(AuditPageView, 'A page of events, oldest first'),
});

const erasePersonalData = declareRoute({
  method: 'post',
  path: '/api/erasures',
  operationId: 'erasePersonalData',
  summary: 'Erase personal data from a record, its earlier versions and its audit events (the text is never stored)',
  tag: 'Audit',
  roles: ['lead'],
  // `text` is the personal data to find, so it is exempt from the rule; the reason is not.
  body: { schema: EraseRequest, personalData: { onlyFields: ['reason'] } },
  response: json(ErasureResult.meta({ id: 'ErasureResult' }), 'What was replaced: counts only, never the text'),
  errors: [404, 412],
});

export function auditRoutes(services: Services) {
  return apiRoutes()
    .openapi(listAuditForEntity, async (c) => {
      const q = c.req.valid('query');
      return c.json(await services.audit.listAuditForEntity(q.entityType, q.entityId, { ...(q.limit ? { limit: q.limit } : {}), ...(q.cursor ? { cursor: q.cursor } : {}) }), 200);
    })
    .openapi(erasePersonalData, async (c) => {
      return c.json(await services.erasure.erase(c.get('user'), c.req.valid('json'), writeContext(c)), 200);
    });
}
