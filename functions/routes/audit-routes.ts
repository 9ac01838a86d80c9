import { Hono } from 'hono';
import { z } from 'zod';
import type { Services } from '../app.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole } from '../http/auth-middleware.js';
import { describeRoute } from '../http/openapi.js';
import { readQuery } from '../http/validate.js';

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

export function auditRoutes(services: Services) {
  return new Hono<AppEnv>().get('/api/audit', requireRole('lead'), async (c) => {
    const q = readQuery(c, AuditQuery);
    return c.json(await services.audit.listAuditForEntity(q.entityType, q.entityId, { ...(q.limit ? { limit: q.limit } : {}), ...(q.cursor ? { cursor: q.cursor } : {}) }));
  });
}
