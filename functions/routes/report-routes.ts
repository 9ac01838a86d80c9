import { z } from 'zod';
import { partnershipApiPath } from '../../shared/partnership/paths.js';
import { PeriodId } from '../../shared/periods/period.js';
import { CreateReportRequest, ReportSectionKey, UpdateReportSectionRequest, YearlyReportSummary, YearlyReportView } from '../../shared/reports/schema.js';
import { writeContext } from '../http/auth-middleware.js';
import { etagFor } from '../http/etag.js';
import { apiRoutes, declareRoute, file, json, pathParam } from '../http/route.js';

/*
 * The yearly partnership report (issue 16, part 2): drafted by the portal from its own records,
 * edited by the programme lead, read by the partnership executive, exported as a Word document.
 */

const LEAD = ['lead'] as const;
// The report quotes every agency's narratives and escalations: the lead and the executive read it, as they read the tracker.
const READERS = ['lead', 'executive'] as const;
const report = { reportId: pathParam(PeriodId, 'yearly report') };

const listReports = declareRoute({
  method: 'get',
  path: '/reports',
  operationId: 'listYearlyReports',
  summary: 'Yearly reports drafted so far, newest window first',
  tag: 'Reports',
  roles: READERS,
  response: json(z.array(YearlyReportSummary), 'Every yearly report, without its sections'),
});

const createReport = declareRoute({
  method: 'post',
  path: '/reports',
  operationId: 'createYearlyReport',
  summary: 'Draft the yearly report for the 12 months that end with a quarter',
  description:
    'The draft is written from the records: accepted returns, outcome measures, milestones, readiness, threshold sign-off and the Kinship Local Offer. Every figure carries a marker [n] naming its source. One report per window (409 if it exists: regenerate it instead).',
  tag: 'Reports',
  roles: LEAD,
  body: { schema: CreateReportRequest },
  status: 201,
  response: json(YearlyReportView, 'The draft', { etag: true, location: true }),
  errors: [409, 422],
});

const getReport = declareRoute({
  method: 'get',
  path: '/reports/{reportId}',
  operationId: 'getYearlyReport',
  summary: 'One yearly report with its sections and their sources',
  tag: 'Reports',
  roles: READERS,
  params: report,
  response: json(YearlyReportView, 'The report', { etag: true }),
});

const updateSection = declareRoute({
  method: 'put',
  path: '/reports/{reportId}/sections/{sectionKey}',
  operationId: 'updateYearlyReportSection',
  summary: "Save a section's text as the lead wrote it",
  tag: 'Reports',
  roles: LEAD,
  ifMatch: 'required',
  params: { ...report, sectionKey: pathParam(ReportSectionKey, 'section') },
  body: { schema: UpdateReportSectionRequest },
  response: json(YearlyReportView, 'The report as saved', { etag: true }),
});

const regenerateReport = declareRoute({
  method: 'post',
  path: '/reports/{reportId}/regenerate',
  operationId: 'regenerateYearlyReport',
  summary: 'Write the sections the lead has not edited again, from the records as they are now',
  description: 'Sections the lead edited keep their text and sources.',
  tag: 'Reports',
  roles: LEAD,
  ifMatch: 'required',
  params: report,
  response: json(YearlyReportView, 'The report as saved', { etag: true }),
});

const exportDocx = declareRoute({
  method: 'get',
  path: '/reports/{reportId}/report.docx',
  operationId: 'exportYearlyReportDocx',
  summary: 'The report as a Word document, each figure footnoted with a link to its record',
  tag: 'Reports',
  roles: READERS,
  params: report,
  response: file('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'The report as a .docx file'),
});

export function reportRoutes() {
  return apiRoutes()
    .openapi(listReports, async (c) => c.json(await c.var.services.reports.list(), 200))
    .openapi(createReport, async (c) => {
      const r = await c.var.services.reports.create(c.get('user'), c.req.valid('json'), writeContext(c));
      c.header('ETag', etagFor(r.version));
      c.header('Location', `${partnershipApiPath(c.get('partnershipId'))}/reports/${r.id}`);
      return c.json(r, 201);
    })
    .openapi(getReport, async (c) => {
      const r = await c.var.services.reports.get(c.req.valid('param').reportId);
      c.header('ETag', etagFor(r.version));
      return c.json(r, 200);
    })
    .openapi(updateSection, async (c) => {
      const { reportId, sectionKey } = c.req.valid('param');
      const r = await c.var.services.reports.updateSection(c.get('user'), reportId, sectionKey, c.req.valid('json'), c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(r.version));
      return c.json(r, 200);
    })
    .openapi(regenerateReport, async (c) => {
      const r = await c.var.services.reports.regenerate(c.get('user'), c.req.valid('param').reportId, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(r.version));
      return c.json(r, 200);
    })
    .openapi(exportDocx, async (c) => {
      const { bytes, filename } = await c.var.services.reports.docx(c.req.valid('param').reportId);
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      c.header('Content-Disposition', `attachment; filename="${c.var.partnershipId}-${filename}"`);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200);
    });
}
