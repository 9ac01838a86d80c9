import type { Services } from '../services/index.js';
import { z } from 'zod';
import { PeriodId } from '../../shared/periods/period.js';
import { CONFIDENCE_SCALE, toCsv } from '../../shared/tracker/compute.js';
import { OverallSettingView, TrackerView } from '../../shared/tracker/views.js';
import { writeContext } from '../http/auth-middleware.js';
import { etagFor } from '../http/etag.js';
import { apiRoutes, declareRoute, file, json, pathParam } from '../http/route.js';
import { buildXlsx } from '../services/xlsx.js';
import { EXPORTS, type Export, exportTables } from '../services/tracker-exports.js';
import { jsonOf } from '../services/tracker-service.js';
import { acceptsGzip } from '../http/content-coding.js';
import type { Principal } from '../auth/tokens.js';

const PeriodQuery = z.object({ periodId: PeriodId.optional() }).strict();
const OverallRequest = z.object({ confidence: z.enum(CONFIDENCE_SCALE).nullable(), note: z.string().trim().max(1000).default('') }).strict();
// Lead and executive only: the tracker shows every agency's risks and return status, which a partner may not read for other agencies.
const READERS = ['lead', 'executive'] as const;

const getTracker = declareRoute({
  method: 'get',
  path: '/tracker',
  operationId: 'getTracker',
  summary: 'The shared tracker for a period (default: the current one)',
  tag: 'Tracker',
  roles: READERS,
  query: PeriodQuery,
  response: json(TrackerView, 'Everything the tracker page shows, from a fixed number of reads'),
  errors: [404],
});

const setOverallConfidence = declareRoute({
  method: 'put',
  path: '/tracker/overall/{periodId}/{workstreamId}',
  operationId: 'setOverallConfidence',
  summary: "Set (or clear with null) a workstream's overall confidence",
  description: "If-Match is the setting's version in the tracker (`matrix[].overall.version`) once it has been set.",
  tag: 'Tracker',
  roles: ['lead'],
  // The first setting creates it: If-Match may be left out only while it does not exist (then 428).
  ifMatch: 'until-created',
  params: { periodId: pathParam(PeriodId, 'reporting period'), workstreamId: pathParam(z.string(), 'workstream') },
  body: { schema: OverallRequest },
  response: json(OverallSettingView, 'The setting as saved', { etag: true }),
});

/** One declaration per export: each file has its own path, and clients name each. */
const exportCsv = <N extends Export>(name: N) =>
  declareRoute({
    method: 'get',
    path: `/exports/${name}.csv` as `/exports/${N}.csv`,
    operationId: `export${name[0]!.toUpperCase()}${name.slice(1)}Csv`,
    summary: `Export ${name} as CSV (formula-safe)`,
    tag: 'Exports',
    roles: READERS,
    query: PeriodQuery,
    response: file('text/csv', `The ${name} table of the tracker, UTF-8 with a byte order mark`),
    errors: [404],
  });

const exportTrackerWorkbook = declareRoute({
  method: 'get',
  path: '/exports/tracker.xlsx',
  operationId: 'exportTrackerWorkbook',
  summary: 'Excel workbook with one sheet per export',
  tag: 'Exports',
  roles: READERS,
  query: PeriodQuery,
  response: file('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'The export tables as sheets'),
  errors: [404],
});

/** The workbook's sheets, named as people call them. */
const SHEET_NAMES: Record<Export, string> = {
  returns: 'Returns',
  confidence: 'Delivery confidence',
  risks: 'Risks',
  readiness: 'Readiness',
  milestones: 'Milestones',
  measures: 'Outcome measures',
};

export function trackerRoutes() {
  // The tracker for the period asked for (default: the current one), as the page and the exports see it.
  /** The tracker with the period's sections of the returns that reached the lead (narratives and escalations for the exports). */
  const loadForExport = (c: {
    req: { valid(target: 'query'): z.infer<typeof PeriodQuery> };
    get(key: 'now'): Date;
    var: { services: Services; partnershipId: string; user: Pick<Principal, 'role'> };
  }) => c.var.services.tracker.trackerWithSections(c.req.valid('query').periodId ?? null, c.get('now'), c.var.user);
  // One handler for the CSV files; each is its own declared route, chained so clients see it.
  const csv = <N extends Export>(name: N) =>
    [
      exportCsv(name),
      async (c: Parameters<typeof loadForExport>[0] & { header(name: string, value: string): void; body(data: string, status: 200): Response }) => {
        const t = await loadForExport(c);
        const table = exportTables(t)[name];
        c.header('Content-Type', 'text/csv; charset=utf-8');
        // Named for its partnership too: exports of two partnerships never share a name.
        c.header('Content-Disposition', `attachment; filename="${c.var.partnershipId}-${name}-${t.period.id}.csv"`);
        return c.body(`\uFEFF${toCsv(table.header, table.rows)}`, 200);
      },
    ] as const;
  const routes = apiRoutes()
    .openapi(...csv('returns'))
    .openapi(...csv('confidence'))
    .openapi(...csv('risks'))
    .openapi(...csv('readiness'))
    .openapi(...csv('milestones'))
    .openapi(...csv('measures'))
    // Served as the read model holds it (functions/services/tracker-service.ts trackerBody): its
    // gzipped JSON as it is to a client that accepts gzip (every browser), else as JSON text.
    .openapi(getTracker, async (c) => {
      const body = await c.var.services.tracker.trackerBody(c.req.valid('query').periodId ?? null, c.get('now'), c.var.user);
      const headers = { 'Content-Type': 'application/json; charset=UTF-8', Vary: 'Accept-Encoding' };
      type Answer = ReturnType<typeof c.json<z.infer<typeof TrackerView>, 200>>;
      if ('gzip' in body && acceptsGzip(c.req.header('Accept-Encoding')))
        return c.body(body.gzip as Uint8Array<ArrayBuffer>, 200, { ...headers, 'Content-Encoding': 'gzip' }) as unknown as Answer;
      return c.body(jsonOf(body), 200, headers) as unknown as Answer;
    })
    .openapi(setOverallConfidence, async (c) => {
      const { periodId, workstreamId } = c.req.valid('param');
      const overall = await c.var.services.tracker.setOverall(c.get('user'), periodId, workstreamId, c.req.valid('json'), c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(overall.version));
      return c.json(overall, 200);
    })
    .openapi(exportTrackerWorkbook, async (c) => {
      const t = await loadForExport(c);
      const all = exportTables(t);
      const bytes = buildXlsx(EXPORTS.map((e) => ({ name: SHEET_NAMES[e], header: all[e].header, rows: all[e].rows })));
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      c.header('Content-Disposition', `attachment; filename="${c.var.partnershipId}-tracker-${t.period.id}.xlsx"`);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200);
    });
  return routes;
}
