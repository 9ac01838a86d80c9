import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { IssueVersionRequest, SignOffRequest, ThresholdConfigRequest } from '../../shared/threshold/schema.js';
import type { Services } from '../app.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole, writeContext } from '../http/auth-middleware.js';
import { BadRequest, NotFound, PayloadTooLarge, UnsupportedMediaType, ValidationFailed } from '../http/errors.js';
import { describeRoute } from '../http/openapi.js';
import { fieldErrors, problemResponse } from '../http/problem.js';
import { readJson, guardPersonalData } from '../http/validate.js';
import { etagFor, ifMatch } from '../http/etag.js';

const ALL = ['lead', 'executive', 'partner'] as const;
/** PDFs travel through API Gateway and Lambda, whose synchronous payload limit is 6 MB. */
export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024;

describeRoute({ method: 'get', path: '/api/threshold-documents', summary: 'Threshold document versions, newest first, with sign-off decisions', tag: 'Threshold', roles: ALL });
describeRoute({ method: 'get', path: '/api/threshold-config', summary: 'Which agencies must sign new versions', tag: 'Threshold', roles: ALL, etag: 'read' });
describeRoute({ method: 'put', path: '/api/threshold-config', summary: 'Set which agencies must sign versions issued from now on', tag: 'Threshold', roles: ['lead'], body: ThresholdConfigRequest, etag: 'write' });
describeRoute({ method: 'get', path: '/api/threshold-documents/{versionId}', summary: 'One version with its decisions', tag: 'Threshold', roles: ALL, statuses: [404] });
describeRoute({ method: 'get', path: '/api/threshold-documents/{versionId}/content', summary: 'The document itself (markdown or PDF) with its SHA-256', tag: 'Threshold', roles: ALL, statuses: [404] });
describeRoute({ method: 'post', path: '/api/threshold-documents', summary: 'Issue a new version (markdown content); If-Match is the ETag of /api/threshold-config', tag: 'Threshold', roles: ['lead'], body: IssueVersionRequest, etag: 'write', statuses: [201, 409] });
describeRoute({ method: 'post', path: '/api/threshold-documents/upload', summary: 'Issue a new version from an uploaded PDF (multipart/form-data: title, versionLabel, summaryOfChanges, effectiveFrom, file); If-Match is the ETag of /api/threshold-config', tag: 'Threshold', roles: ['lead'], etag: 'write', statuses: [201, 409, 413, 415] });
describeRoute({ method: 'post', path: '/api/threshold-documents/{versionId}/sign-offs', summary: "Record the agency's decision on the current version (signatories of required agencies)", tag: 'Threshold', roles: ['partner'], body: SignOffRequest, statuses: [201, 404, 409] });

const versionParam = (id: string) => {
  if (!/^[a-z0-9-]{1,40}$/.test(id)) throw new NotFound(`There is no threshold document version ${id.slice(0, 40)}.`);
  return id;
};

export function thresholdRoutes(services: Services) {
  return new Hono<AppEnv>()
    .get('/api/threshold-documents', async (c) => c.json(await services.threshold.list()))
    .get('/api/threshold-config', async (c) => {
      const config = await services.threshold.config();
      c.header('ETag', etagFor(config.version));
      return c.json(config);
    })
    .put('/api/threshold-config', requireRole('lead'), ifMatch(), async (c) => {
      const body = await readJson(c, ThresholdConfigRequest);
      const agencies = (await services.partnership.getPartnershipData()).agencies.map((a) => a.id);
      const config = await services.threshold.setRequiredAgencies(c.get('user'), body.requiredAgencyIds, agencies, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(config.version));
      return c.json(config);
    })
    .get('/api/threshold-documents/:versionId', async (c) => c.json(await services.threshold.get(versionParam(c.req.param('versionId')))))
    .get('/api/threshold-documents/:versionId/content', async (c) => {
      const { version, body } = await services.threshold.content(versionParam(c.req.param('versionId')));
      c.header('X-Content-SHA256', version.sha256);
      c.header('ETag', `"${version.sha256}"`);
      if (typeof body === 'string') return c.json({ versionId: version.id, versionLabel: version.versionLabel, contentType: version.contentType, sha256: version.sha256, content: body });
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `inline; filename="threshold-document-${version.id}.pdf"`);
      return c.body(body as Uint8Array<ArrayBuffer>);
    })
    .post('/api/threshold-documents', requireRole('lead'), ifMatch(), async (c) => {
      const body = await readJson(c, IssueVersionRequest);
      const v = await services.threshold.issue(c.get('user'), body, null, c.var.ifMatch, writeContext(c));
      c.header('Location', `/api/threshold-documents/${v.id}`);
      return c.json(v, 201);
    })
    .post(
      '/api/threshold-documents/upload',
      requireRole('lead'),
      ifMatch(),
      bodyLimit({ maxSize: MAX_UPLOAD_BYTES + 64 * 1024, onError: (c) => problemResponse(c, new PayloadTooLarge(MAX_UPLOAD_BYTES)) }),
      async (c) => {
        if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data')) throw new UnsupportedMediaType();
        let form: Record<string, string | File>;
        try {
          form = (await c.req.parseBody()) as Record<string, string | File>;
        } catch {
          throw new BadRequest('The upload could not be read. Send it as multipart/form-data.');
        }
        const { file, ...fields } = form;
        const parsed = IssueVersionRequest.omit({ content: true }).strict().safeParse(fields);
        const errors = parsed.success ? [] : fieldErrors(parsed.error);
        if (!(file instanceof File)) errors.push({ path: 'file', message: 'Choose a PDF file to upload' });
        else if (file.size > MAX_UPLOAD_BYTES) throw new PayloadTooLarge(MAX_UPLOAD_BYTES);
        let bytes: Uint8Array | null = null;
        if (file instanceof File) {
          bytes = new Uint8Array(await file.arrayBuffer());
          // Check the bytes, not the declared type: a PDF starts with "%PDF-".
          if (bytes.length < 5 || new TextDecoder().decode(bytes.slice(0, 5)) !== '%PDF-') errors.push({ path: 'file', message: 'The file must be a PDF' });
        }
        if (errors.length || !parsed.success || !bytes) throw new ValidationFailed(errors);
        // The form's text fields follow the same personal-data rule as every JSON body.
        guardPersonalData(c, parsed.data);
        const v = await services.threshold.issue(c.get('user'), { ...parsed.data, content: '-' }, { bytes, contentType: 'application/pdf' }, c.var.ifMatch, writeContext(c));
        c.header('Location', `/api/threshold-documents/${v.id}`);
        return c.json(v, 201);
      },
    )
    .post('/api/threshold-documents/:versionId/sign-offs', requireRole('partner'), async (c) => {
      const id = versionParam(c.req.param('versionId'));
      const body = await readJson(c, SignOffRequest);
      return c.json(await services.threshold.decide(c.get('user'), id, body, writeContext(c)), 201);
    });
}
