import { PartnershipView } from '../../shared/partnership/views.js';
import { ALL_ROLES, apiRoutes, declareRoute, json } from '../http/route.js';

const getPartnership = declareRoute({
  method: 'get',
  path: '/partnership',
  operationId: 'getPartnership',
  summary: 'The partnership, its agencies, workstreams, milestones and periods',
  tag: 'Partnership',
  roles: ALL_ROLES,
  response: json(PartnershipView, 'The configuration every page needs'),
});

export function partnershipRoutes() {
  return apiRoutes().openapi(getPartnership, async (c) => c.json(await c.var.services.partnership.getPartnershipData(), 200));
}
