import { AttentionView } from '../../shared/attention/schema.js';
import { ALL_ROLES, apiRoutes, declareRoute, json } from '../http/route.js';

const getAttention = declareRoute({
  method: 'get',
  path: '/attention',
  operationId: 'getAttention',
  summary: 'What needs the signed-in person now, most urgent first',
  description:
    "The lead: returns to review, items to publish, assessments to validate, outstanding sign-offs. A partner: their agency's return, sign-off, challenged assessments and items. The executive: overdue returns and red workstreams.",
  tag: 'Auth',
  roles: ALL_ROLES,
  response: json(AttentionView, 'The items, each with a link to where it is dealt with'),
});

export function attentionRoutes() {
  return apiRoutes().openapi(getAttention, async (c) => c.json(await c.var.services.attention.forUser(c.get('user'), c.get('now')), 200));
}
