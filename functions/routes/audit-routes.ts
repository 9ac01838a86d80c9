import { Hono } from 'hono';
import { z } from 'zod';
import type { Services } from '../app.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole } from '../http/auth-middleware.js';
import { describeRoute } from '../http/openapi.js';
import { guardPersonalData, readJson, readQuery } from '../http/validate.js';
import { writeContext } from '../http/auth-middleware.js';
import { EraseRequest, ErasureResult } from '../../shared/pii/erasure.js';

export const AUDITED_ENTITY_TYPES = ['return', 'period', 'milestone', 'workstream', 'threshold-document', 'kinship-item', 'criterion', 'assessment', 'user', 'partnership'] as const;

const AuditQuery = z
  .object({
    entityType: z.enum(AUDITED_ENTITY_TYPES),
    entityId: z.string().min(1).max(200),
    limit: z.coerce.number().int().min(1).max(500).optional(),
    cursor: z.string().max(2000).optional(),
  })
  .strict();

describeRoute({ method: 'get', path: '/api/audit', summary: 'Every change to one entity: who, when, what changed', tag: 'Audit', roles: ['lead'], query: AuditQuery });
describeRoute({
  method: 'post',
  path: '/api/erasures',
  summary: 'Erase personal data from a record, its earlier versions and its audit events (the text is never stored)',
  tag: 'Audit',
  roles: ['lead'],
  body: EraseRequest,
  response: ErasureResult,
  statuses: [404, 412, 422],
});

export function auditRoutes(services: Services) {
  return new Hono<AppEnv>()
    .get('/api/audit', requireRole('lead'), async (c) => {
      const q = readQuery(c, AuditQuery);
      return c.json(await services.audit.listAuditForEntity(q.entityType, q.entityId, { ...(q.limit ? { limit: q.limit } : {}), ...(q.cursor ? { cursor: q.cursor } : {}) }));
    })
    .post('/api/erasures', requireRole('lead'), async (c) => {
      // `text` is the personal data to find, so the body is exempt from the rule; the reason is not.
      const body = await readJson(c, EraseRequest, { personalData: false });
      guardPersonalData(c, { reason: body.reason });
      return c.json(await services.erasure.erase(c.get('user'), body, writeContext(c)));
    });
}
