import { Slug } from '../../shared/partnership/schema.js';
import { AssessmentRequest, CreateCriterionRequest, UpdateCriterionRequest, ValidateRequest } from '../../shared/readiness/schema.js';
import { AssessmentView, CriterionView, ReadinessMatrixView } from '../../shared/readiness/views.js';
import { writeContext } from '../http/auth-middleware.js';
import { etagFor } from '../http/etag.js';
import { ALL_ROLES, apiRoutes, declareRoute, json, pathParam } from '../http/route.js';
import { ukDate } from '../../shared/periods/period.js';

const workstream = { id: pathParam(Slug, 'workstream') };
const assessment = { criterionId: pathParam(Slug, 'criterion'), agencyId: pathParam(Slug, 'agency') };

const getReadinessMatrix = declareRoute({
  method: 'get',
  path: '/workstreams/{id}/readiness',
  operationId: 'getReadinessMatrix',
  summary: 'Criteria x agencies matrix with statuses and scores',
  tag: 'Readiness',
  roles: ALL_ROLES,
  params: workstream,
  response: json(ReadinessMatrixView, "The workstream's readiness"),
});

const createCriterion = declareRoute({
  method: 'post',
  path: '/workstreams/{id}/criteria',
  operationId: 'createCriterion',
  summary: 'Add a readiness criterion',
  tag: 'Readiness',
  roles: ['lead'],
  params: workstream,
  body: { schema: CreateCriterionRequest },
  status: 201,
  response: json(CriterionView, 'The new criterion', { etag: true }),
  errors: [409],
});

const updateCriterion = declareRoute({
  method: 'patch',
  path: '/workstreams/{id}/criteria/{criterionId}',
  operationId: 'updateCriterion',
  summary: 'Edit a readiness criterion (only the fields sent change)',
  tag: 'Readiness',
  roles: ['lead'],
  ifMatch: 'required',
  params: { ...workstream, criterionId: pathParam(Slug, 'criterion') },
  body: { schema: UpdateCriterionRequest },
  response: json(CriterionView, 'The criterion as saved', { etag: true }),
});

const saveAssessment = declareRoute({
  method: 'put',
  path: '/readiness/{criterionId}/{agencyId}',
  operationId: 'saveAssessment',
  summary: "The agency's self-assessment (If-Match once it exists)",
  tag: 'Readiness',
  roles: ['partner'],
  // The first save creates the assessment: If-Match may be left out only while it does not exist (then 428).
  ifMatch: 'until-created',
  params: assessment,
  body: { schema: AssessmentRequest },
  response: json(AssessmentView, 'The assessment as saved', { etag: true }),
  errors: [409],
});

const validateAssessment = declareRoute({
  method: 'post',
  path: '/readiness/{criterionId}/{agencyId}/validate',
  operationId: 'validateAssessment',
  summary: 'Confirm or challenge an assessment',
  tag: 'Readiness',
  roles: ['lead'],
  ifMatch: 'required',
  params: assessment,
  body: { schema: ValidateRequest },
  response: json(AssessmentView, 'The assessment with the decision', { etag: true }),
  errors: [409],
});

export function readinessRoutes() {
  return apiRoutes()
    .openapi(getReadinessMatrix, async (c) => c.json(await c.var.services.readiness.matrix(c.req.valid('param').id, ukDate(c.get('now'))), 200))
    .openapi(createCriterion, async (c) => {
      const cr = await c.var.services.readiness.createCriterion(c.get('user'), c.req.valid('param').id, c.req.valid('json'), writeContext(c));
      c.header('ETag', etagFor(cr.version));
      return c.json(cr, 201);
    })
    .openapi(updateCriterion, async (c) => {
      const { id, criterionId } = c.req.valid('param');
      const cr = await c.var.services.readiness.updateCriterion(c.get('user'), id, criterionId, c.req.valid('json'), c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(cr.version));
      return c.json(cr, 200);
    })
    .openapi(saveAssessment, async (c) => {
      const { criterionId, agencyId } = c.req.valid('param');
      const a = await c.var.services.readiness.assess(c.get('user'), criterionId, agencyId, c.req.valid('json'), c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(a.version));
      return c.json(a, 200);
    })
    .openapi(validateAssessment, async (c) => {
      const { criterionId, agencyId } = c.req.valid('param');
      const a = await c.var.services.readiness.validate(c.get('user'), criterionId, agencyId, c.req.valid('json'), c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(a.version));
      return c.json(a, 200);
    });
}
