import { z } from 'zod';
import { Slug } from '../../shared/partnership/schema.js';
import { PeriodId } from '../../shared/periods/period.js';
import { CONFIRM_PERSONAL_DATA_HEADER, isConfirmation } from '../../shared/pii/policy.js';
import { ReturnReopenRequest, ReturnReturnRequest, SaveReturnRequest, SendBackRequest, SubmitRequest } from '../../shared/returns/schema.js';
import { ReturnListRowView, ReturnSourcesView, ReturnViewDoc } from '../../shared/returns/views.js';
import { writeContext } from '../http/auth-middleware.js';
import { etagFor } from '../http/etag.js';
import { ALL_ROLES, apiRoutes, declareRoute, json, pathParam } from '../http/route.js';

const base = '/returns/{periodId}/{agencyId}';
/** Path ids that are not well-formed name nothing: 404, never 500. */
const ids = { periodId: pathParam(PeriodId, 'reporting period'), agencyId: pathParam(Slug, 'agency') };
const saved = (description: string) => json(ReturnViewDoc, description, { etag: true });

const listReturnsForPeriod = declareRoute({
  method: 'get',
  path: '/returns',
  operationId: 'listReturnsForPeriod',
  summary: "A period's returns, one row per agency (partners: their own)",
  tag: 'Returns',
  roles: ALL_ROLES,
  query: z.object({ periodId: PeriodId }).strict(),
  response: json(z.array(ReturnListRowView), 'One row per reporting agency'),
  errors: [404],
});

const getReturn = declareRoute({
  method: 'get',
  path: base,
  operationId: 'getReturn',
  summary: 'One return with its sections and personal-data warnings',
  description: 'A return not yet saved answers version 0 and no ETag.',
  tag: 'Returns',
  roles: ALL_ROLES,
  params: ids,
  response: saved('The return'),
});

const saveReturn = declareRoute({
  method: 'put',
  path: base,
  operationId: 'saveReturn',
  summary: "Save the agency's draft (whole sections); If-Match once it exists",
  description:
    "With `copy`, one more section starts from your own agency's answer for the same period in another partnership where you are a partner (see `listReturnSources`), as a draft to edit: delivery confidence, narrative, risks, escalations, and milestone updates only for milestones of this workstream; the section's own metrics and its other milestone updates stay. The section then says where it came from (`copiedFrom`, kept when it is saved again). The copied text follows the personal-data rule as if it were sent (Confirm-Personal-Data; errors name `copy.<field>`). Nothing in the other partnership changes; a partnership that is not yours, or a return or section there that does not exist, is 404.",
  tag: 'Returns',
  roles: ['partner'],
  // The first save creates the return: If-Match may be left out only while it does not exist (then 428).
  ifMatch: 'until-created',
  params: ids,
  body: { schema: SaveReturnRequest },
  response: saved('The return as saved'),
  errors: [404, 409],
});

const listReturnSources = declareRoute({
  method: 'get',
  path: `${base}/sources`,
  operationId: 'listReturnSources',
  summary: "Your agency's returns for the same period in your other partnerships, to start a section from",
  description:
    "For each other partnership where you are a partner at an agency: that agency's return for this period, with the workstreams it has answers for and when each was last saved. Names and dates only, never the answers. Refused as saving this return is.",
  tag: 'Returns',
  roles: ['partner'],
  params: ids,
  response: json(ReturnSourcesView, 'The returns you could copy a section from (none: an empty list)'),
});

const submitReturn = declareRoute({
  method: 'post',
  path: `${base}/submit`,
  operationId: 'submitReturn',
  summary: 'Submit the return for review (or, where the partnership requires it, send it for certification)',
  description:
    "Where the partnership requires certification, the return goes to the agency's signatories first (status awaiting-certification); otherwise to the programme lead (submitted).",
  tag: 'Returns',
  roles: ['partner'],
  ifMatch: 'required',
  params: ids,
  // A confirmation flag only; the stored text is checked again at submission.
  body: { schema: SubmitRequest, optional: true },
  response: saved('The submitted return'),
  errors: [409, 422],
});

const certifyReturn = declareRoute({
  method: 'post',
  path: `${base}/certify`,
  operationId: 'certifyReturn',
  summary: 'Certify a return awaiting certification, submitting it to the programme lead',
  description: 'A signatory at the agency who did not send the return for certification.',
  tag: 'Returns',
  roles: ['partner'],
  ifMatch: 'required',
  params: ids,
  response: saved('The certified return, now submitted'),
  errors: [409],
});

const sendBackReturn = declareRoute({
  method: 'post',
  path: `${base}/send-back`,
  operationId: 'sendBackReturn',
  summary: 'Send a return awaiting certification back to its preparer with a comment',
  description: 'A signatory at the agency who did not send the return for certification.',
  tag: 'Returns',
  roles: ['partner'],
  ifMatch: 'required',
  params: ids,
  body: { schema: SendBackRequest },
  response: saved('The return, a draft again'),
  errors: [409],
});

const acceptReturn = declareRoute({
  method: 'post',
  path: `${base}/accept`,
  operationId: 'acceptReturn',
  summary: 'Accept a submitted return (locks it)',
  tag: 'Returns',
  roles: ['lead'],
  ifMatch: 'required',
  params: ids,
  response: saved('The accepted return'),
  errors: [409],
});

const returnReturnToAgency = declareRoute({
  method: 'post',
  path: `${base}/return`,
  operationId: 'returnReturnToAgency',
  summary: 'Return a submitted return to the agency with a comment',
  tag: 'Returns',
  roles: ['lead'],
  ifMatch: 'required',
  params: ids,
  body: { schema: ReturnReturnRequest },
  response: saved('The return, back with the agency'),
  errors: [409],
});

const reopenReturn = declareRoute({
  method: 'post',
  path: `${base}/reopen`,
  operationId: 'reopenReturn',
  summary: 'Reopen an accepted return for a correction, saying why (the agency is told)',
  tag: 'Returns',
  roles: ['lead'],
  ifMatch: 'required',
  params: ids,
  body: { schema: ReturnReopenRequest },
  response: saved('The return, back with the agency and marked reopened'),
  errors: [409, 422],
});

export function returnRoutes() {
  return apiRoutes()
    .openapi(listReturnsForPeriod, async (c) => c.json(await c.var.services.returns.list(c.get('user'), c.req.valid('query').periodId, c.get('now')), 200))
    .openapi(getReturn, async (c) => {
      const { periodId, agencyId } = c.req.valid('param');
      const view = await c.var.services.returns.get(c.get('user'), periodId, agencyId, c.get('now'));
      if (view.version > 0) c.header('ETag', etagFor(view.version));
      return c.json(view, 200);
    })
    .openapi(saveReturn, async (c) => {
      const { periodId, agencyId } = c.req.valid('param');
      const confirmed = isConfirmation(c.req.header(CONFIRM_PERSONAL_DATA_HEADER));
      const view = await c.var.services.returns.save(c.get('user'), periodId, agencyId, c.req.valid('json'), c.var.ifMatch, writeContext(c), confirmed);
      c.header('ETag', etagFor(view.version));
      return c.json(view, 200);
    })
    .openapi(listReturnSources, async (c) => {
      const { periodId, agencyId } = c.req.valid('param');
      return c.json(await c.var.services.returns.sources(c.get('user'), periodId, agencyId), 200);
    })
    .openapi(submitReturn, async (c) => {
      const { periodId, agencyId } = c.req.valid('param');
      const view = await c.var.services.returns.submit(c.get('user'), periodId, agencyId, c.req.valid('json'), c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(view.version));
      return c.json(view, 200);
    })
    .openapi(certifyReturn, async (c) => {
      const { periodId, agencyId } = c.req.valid('param');
      const view = await c.var.services.returns.certify(c.get('user'), periodId, agencyId, { action: 'certify' }, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(view.version));
      return c.json(view, 200);
    })
    .openapi(sendBackReturn, async (c) => {
      const { periodId, agencyId } = c.req.valid('param');
      const view = await c.var.services.returns.certify(
        c.get('user'),
        periodId,
        agencyId,
        { action: 'send-back', comment: c.req.valid('json').comment },
        c.var.ifMatch,
        writeContext(c),
      );
      c.header('ETag', etagFor(view.version));
      return c.json(view, 200);
    })
    .openapi(acceptReturn, async (c) => {
      const { periodId, agencyId } = c.req.valid('param');
      const view = await c.var.services.returns.review(c.get('user'), periodId, agencyId, { action: 'accept' }, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(view.version));
      return c.json(view, 200);
    })
    .openapi(reopenReturn, async (c) => {
      const { periodId, agencyId } = c.req.valid('param');
      const view = await c.var.services.returns.review(c.get('user'), periodId, agencyId, { action: 'reopen', reason: c.req.valid('json').reason }, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(view.version));
      return c.json(view, 200);
    })
    .openapi(returnReturnToAgency, async (c) => {
      const { periodId, agencyId } = c.req.valid('param');
      const view = await c.var.services.returns.review(
        c.get('user'),
        periodId,
        agencyId,
        { action: 'return', comment: c.req.valid('json').comment },
        c.var.ifMatch,
        writeContext(c),
      );
      c.header('ETag', etagFor(view.version));
      return c.json(view, 200);
    });
}
