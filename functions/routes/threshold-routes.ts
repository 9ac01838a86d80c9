import { inUse } from '../../shared/partnership/period-scope.js';
import { partnershipApiPath } from '../../shared/partnership/paths.js';
import { z } from 'zod';
import { bodyLimit } from 'hono/body-limit';
import { IssueVersionRequest, SignOffRequest, ThresholdConfigRequest } from '../../shared/threshold/schema.js';
import { ThresholdConfigView, ThresholdContentView, ThresholdVersionView } from '../../shared/threshold/views.js';
import { writeContext } from '../http/auth-middleware.js';
import { BadRequest, PayloadTooLarge, UnsupportedMediaType, ValidationFailed } from '../domain/errors.js';
import { etagFor } from '../http/etag.js';
import { fieldErrors, problemResponse } from '../http/problem.js';
import { ALL_ROLES, apiRoutes, declareRoute, json, pathParam } from '../http/route.js';
import { guardPersonalData } from '../http/validate.js';

/** PDFs travel through API Gateway and Lambda, whose synchronous payload limit is 6 MB. */
export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024;

const version = { versionId: pathParam(z.string().regex(/^[a-z0-9-]{1,40}$/), 'threshold document version') };
/** The upload form: the issue fields but `content`, which is the file. */
const UploadFields = IssueVersionRequest.omit({ content: true }).strict();

const listThresholdVersions = declareRoute({
  method: 'get',
  path: '/threshold-documents',
  operationId: 'listThresholdVersions',
  summary: 'Threshold document versions, newest first, with sign-off decisions',
  tag: 'Threshold',
  roles: ALL_ROLES,
  response: json(z.array(ThresholdVersionView), 'Every version issued'),
});

const getThresholdConfig = declareRoute({
  method: 'get',
  path: '/threshold-config',
  operationId: 'getThresholdConfig',
  summary: 'Which agencies must sign new versions',
  tag: 'Threshold',
  roles: ALL_ROLES,
  response: json(ThresholdConfigView, 'The signatory agencies and the current version', { etag: true }),
});

const setThresholdSignatories = declareRoute({
  method: 'put',
  path: '/threshold-config',
  operationId: 'setThresholdSignatories',
  summary: 'Set which agencies must sign versions issued from now on',
  tag: 'Threshold',
  roles: ['lead'],
  ifMatch: 'required',
  body: { schema: ThresholdConfigRequest },
  response: json(ThresholdConfigView, 'The configuration as saved', { etag: true }),
});

const getThresholdVersion = declareRoute({
  method: 'get',
  path: '/threshold-documents/{versionId}',
  operationId: 'getThresholdVersion',
  summary: 'One version with its decisions',
  tag: 'Threshold',
  roles: ALL_ROLES,
  params: version,
  response: json(ThresholdVersionView, 'The version'),
});

const getThresholdContent = declareRoute({
  method: 'get',
  path: '/threshold-documents/{versionId}/content',
  operationId: 'getThresholdContent',
  summary: 'The document itself (markdown or PDF) with its SHA-256',
  tag: 'Threshold',
  roles: ALL_ROLES,
  params: version,
  response: {
    description: 'Markdown as JSON with its hash, or the PDF itself',
    content: {
      'application/json': { schema: ThresholdContentView },
      'application/pdf': { schema: z.string().meta({ format: 'binary' }) },
    },
    headers: {
      'X-Content-SHA256': { description: 'SHA-256 of the document, hex', schema: { type: 'string' as const } },
      ETag: { description: 'The SHA-256 as a strong validator', schema: { type: 'string' as const } },
    },
  },
});

const issueThresholdVersion = declareRoute({
  method: 'post',
  path: '/threshold-documents',
  operationId: 'issueThresholdVersion',
  summary: 'Issue a new version (markdown content)',
  description: 'If-Match is the ETag of /api/threshold-config: issuing is refused if who must sign, or the current version, changed since you read it.',
  tag: 'Threshold',
  roles: ['lead'],
  ifMatch: 'required',
  body: { schema: IssueVersionRequest },
  status: 201,
  response: json(ThresholdVersionView, 'The new version, awaiting sign-off', { location: true }),
  errors: [409],
});

const uploadThresholdVersion = declareRoute({
  method: 'post',
  path: '/threshold-documents/upload',
  operationId: 'uploadThresholdVersion',
  summary: 'Issue a new version from an uploaded PDF',
  description: `A multipart form: title, versionLabel, summaryOfChanges, effectiveFrom and file (a PDF of at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB). If-Match is the ETag of /api/threshold-config.`,
  tag: 'Threshold',
  roles: ['lead'],
  ifMatch: 'required',
  form: {
    mediaType: 'multipart/form-data',
    schema: (() => {
      const fields = z.toJSONSchema(UploadFields, { io: 'input' }) as { properties: Record<string, unknown>; required: string[] };
      return { type: 'object', properties: { ...fields.properties, file: { type: 'string', format: 'binary', description: 'The PDF' } }, required: [...fields.required, 'file'] };
    })(),
  },
  // Larger than the JSON limit (app.ts skips that one for this path), and checked before the form is read.
  middleware: [bodyLimit({ maxSize: MAX_UPLOAD_BYTES + 64 * 1024, onError: (c) => problemResponse(c, new PayloadTooLarge(MAX_UPLOAD_BYTES)) })],
  status: 201,
  response: json(ThresholdVersionView, 'The new version, awaiting sign-off', { location: true }),
  errors: [409],
});

const signOffThresholdVersion = declareRoute({
  method: 'post',
  path: '/threshold-documents/{versionId}/sign-offs',
  operationId: 'signOffThresholdVersion',
  summary: "Record the agency's decision on the current version (signatories of required agencies)",
  tag: 'Threshold',
  roles: ['partner'],
  params: version,
  body: { schema: SignOffRequest },
  status: 201,
  response: json(ThresholdVersionView, 'The version with the decision recorded'),
  errors: [409],
});

export function thresholdRoutes() {
  return apiRoutes()
    .openapi(listThresholdVersions, async (c) => c.json(await c.var.services.threshold.list(), 200))
    .openapi(getThresholdConfig, async (c) => {
      const config = await c.var.services.threshold.config();
      c.header('ETag', etagFor(config.version));
      return c.json(config, 200);
    })
    .openapi(setThresholdSignatories, async (c) => {
      // Only agencies in use can be asked to sign.
      const agencies = inUse((await c.var.services.partnership.getPartnershipData()).agencies).map((a) => a.id);
      const config = await c.var.services.threshold.setRequiredAgencies(c.get('user'), c.req.valid('json').requiredAgencyIds, agencies, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(config.version));
      return c.json(config, 200);
    })
    .openapi(getThresholdVersion, async (c) => c.json(await c.var.services.threshold.get(c.req.valid('param').versionId), 200))
    .openapi(getThresholdContent, async (c) => {
      const { version, body } = await c.var.services.threshold.content(c.req.valid('param').versionId);
      c.header('X-Content-SHA256', version.sha256);
      c.header('ETag', `"${version.sha256}"`);
      if (typeof body === 'string')
        return c.json({ versionId: version.id, versionLabel: version.versionLabel, contentType: version.contentType, sha256: version.sha256, content: body }, 200);
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `inline; filename="${c.var.partnershipId}-threshold-document-${version.id}.pdf"`);
      return c.body(body as Uint8Array<ArrayBuffer>, 200);
    })
    .openapi(issueThresholdVersion, async (c) => {
      const v = await c.var.services.threshold.issue(c.get('user'), c.req.valid('json'), null, c.var.ifMatch, writeContext(c));
      c.header('Location', `${partnershipApiPath(c.get('partnershipId'))}/threshold-documents/${v.id}`);
      return c.json(v, 201);
    })
    .openapi(uploadThresholdVersion, async (c) => {
      if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data')) throw new UnsupportedMediaType();
      let form: Record<string, string | File>;
      try {
        form = (await c.req.parseBody()) as Record<string, string | File>;
      } catch {
        throw new BadRequest('The upload could not be read. Send it as multipart/form-data.');
      }
      const { file: upload, ...fields } = form;
      const parsed = UploadFields.safeParse(fields);
      const errors = parsed.success ? [] : fieldErrors(parsed.error);
      if (!(upload instanceof File)) errors.push({ path: 'file', message: 'Choose a PDF file to upload' });
      else if (upload.size > MAX_UPLOAD_BYTES) throw new PayloadTooLarge(MAX_UPLOAD_BYTES);
      let bytes: Uint8Array | null = null;
      if (upload instanceof File) {
        bytes = new Uint8Array(await upload.arrayBuffer());
        // Check the bytes, not the declared type: a PDF starts with "%PDF-".
        if (bytes.length < 5 || new TextDecoder().decode(bytes.slice(0, 5)) !== '%PDF-') errors.push({ path: 'file', message: 'The file must be a PDF' });
      }
      if (errors.length || !parsed.success || !bytes) throw new ValidationFailed(errors);
      // The form's text fields follow the same personal-data rule as every JSON body.
      guardPersonalData(c, parsed.data);
      const v = await c.var.services.threshold.issue(c.get('user'), { ...parsed.data, content: '-' }, { bytes, contentType: 'application/pdf' }, c.var.ifMatch, writeContext(c));
      c.header('Location', `${partnershipApiPath(c.get('partnershipId'))}/threshold-documents/${v.id}`);
      return c.json(v, 201);
    })
    .openapi(signOffThresholdVersion, async (c) =>
      c.json(await c.var.services.threshold.decide(c.get('user'), c.req.valid('param').versionId, c.req.valid('json'), writeContext(c)), 201),
    );
}
