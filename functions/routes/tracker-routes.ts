import type { Services } from '../services/index.js';
import { z } from 'zod';
import { PeriodId, periodBounds, periodLabel } from '../../shared/periods/period.js';
import { CONFIDENCE_SCALE, dateCell, toCsv } from '../../shared/tracker/compute.js';
import { OverallSettingView, TrackerView } from '../../shared/tracker/views.js';
import { writeContext } from '../http/auth-middleware.js';
import { etagFor } from '../http/etag.js';
import { apiRoutes, declareRoute, file, json, pathParam } from '../http/route.js';
import { buildXlsx } from '../services/xlsx.js';
import { formatPoint, ragFor } from '../../shared/measures/rules.js';
import { DIRECTION_LABELS, MEASURE_RAG_LABELS, UNIT_LABELS } from '../../shared/measures/schema.js';
import type { Principal } from '../auth/tokens.js';

const PeriodQuery = z.object({ periodId: PeriodId.optional() }).strict();
const OverallRequest = z.object({ confidence: z.enum(CONFIDENCE_SCALE).nullable(), note: z.string().trim().max(1000).default('') }).strict();
const EXPORTS = ['returns', 'risks', 'readiness', 'milestones', 'measures'] as const;
type Export = (typeof EXPORTS)[number];
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

type Tracker = Awaited<ReturnType<Services['tracker']['tracker']>>;

/** The export tables, built from the same tracker response the page shows. */
function tables(t: Tracker) {
  const wsNames = t.workstreams.map((w) => w.name);
  return {
    returns: {
      header: ['Period', 'Agency', 'Status', 'Overdue', 'Due date', 'Submitted at', 'Accepted at', ...wsNames.map((n) => `Confidence: ${n}`)],
      rows: t.returns.map((r) => [
        t.period.id,
        r.agencyName,
        r.status,
        r.overdue ? 'yes' : 'no',
        r.dueDate,
        r.submittedAt ?? '',
        r.acceptedAt ?? '',
        ...t.matrix.map((m) => {
          const cell = m.cells.find((c) => c.agencyId === r.agencyId);
          return cell ? (cell.confidence ? `${cell.confidence}${cell.state === 'submitted' ? ' (submitted)' : ''}` : 'not reported') : 'n/a';
        }),
      ]),
    },
    risks: {
      header: ['Period', 'Rating', 'Likelihood', 'Impact', 'Title', 'Description', 'Mitigation', 'Owner', 'Agency', 'Workstream'],
      rows: t.risks.map((r) => [t.period.id, r.rating, r.likelihood, r.impact, r.title, r.description, r.mitigation, r.owner, r.agencyName, r.workstreamName]),
    },
    readiness: {
      header: ['Workstream', 'Agency', 'Applicable criteria', 'Self-assessed ready', 'Confirmed ready', 'Self-assessed %', 'Confirmed %', 'Overdue'],
      rows: t.readiness.flatMap((w) => [
        ...w.agencies.map((a) => [
          w.name,
          t.agencies.find((x) => x.id === a.agencyId)?.name ?? a.agencyId,
          a.applicable,
          a.selfAssessed,
          a.confirmed,
          a.selfAssessedPercent,
          a.confirmedPercent,
          a.overdue,
        ]),
        [w.name, 'All agencies', w.overall.applicable, w.overall.selfAssessed, w.overall.confirmed, w.overall.selfAssessedPercent, w.overall.confirmedPercent, w.overall.overdue],
      ]),
    },
    milestones: {
      header: ['Workstream', 'Milestone', 'Owner', 'Due date', 'Status', 'Overdue', 'Due next quarter'],
      rows: [...t.milestones.overdue, ...t.milestones.nextQuarter.items.filter((m) => !t.milestones.overdue.some((o) => o.id === m.id))].map((m) => [
        m.workstreamName,
        m.title,
        m.ownerName,
        m.dueDate,
        m.status,
        t.milestones.overdue.some((o) => o.id === m.id) ? 'yes' : 'no',
        t.milestones.nextQuarter.items.some((o) => o.id === m.id) ? 'yes' : 'no',
      ]),
    },
    measures: measuresTable(t),
  };
}

/**
 * Outcome measures, one row per reported value up to the tracker's period (a long table, to sort,
 * filter and chart): values as numbers, dates as dates, ratings and units in words.
 */
function measuresTable(t: Tracker) {
  const threshold = t.measuresThreshold;
  return {
    header: [
      'Workstream',
      'Indicator',
      'Reporting agency',
      'Unit',
      'Which is better',
      'Period',
      'Period ends',
      'Value',
      'Value as shown',
      'Final or provisional',
      'Why it moved',
      'Target',
      'Upper end of range',
      'Tolerance',
      'Against target',
      'Baseline',
      'Baseline date',
      'Source',
    ],
    rows: t.measures.flatMap((w) =>
      w.indicators.flatMap((i) =>
        i.points.map((p) => {
          const rag = ragFor(i, p, threshold);
          return [
            w.name,
            i.name,
            i.reportingAgencyName,
            UNIT_LABELS[i.unit],
            DIRECTION_LABELS[i.direction],
            periodLabel(p.periodId),
            dateCell(periodBounds(p.periodId).end),
            p.value,
            formatPoint(i.unit, p, threshold),
            p.state === 'accepted' ? 'Final' : 'Provisional (return not yet accepted)',
            p.note,
            i.target,
            i.targetMax,
            i.tolerance,
            rag ? MEASURE_RAG_LABELS[rag] : 'No target',
            i.baseline?.value ?? null,
            dateCell(i.baseline?.date),
            i.source,
          ];
        }),
      ),
    ),
  };
}

export function trackerRoutes() {
  // The tracker for the period asked for (default: the current one), as the page and the exports see it.
  const load = (c: {
    req: { valid(target: 'query'): z.infer<typeof PeriodQuery> };
    get(key: 'now'): Date;
    var: { services: Services; partnershipId: string; user: Pick<Principal, 'role'> };
  }) => c.var.services.tracker.tracker(c.req.valid('query').periodId ?? null, c.get('now'), c.var.user);
  // One handler for the four CSV files; each is its own declared route, chained so clients see it.
  const csv = <N extends Export>(name: N) =>
    [
      exportCsv(name),
      async (c: Parameters<typeof load>[0] & { header(name: string, value: string): void; body(data: string, status: 200): Response }) => {
        const t = await load(c);
        const table = tables(t)[name];
        c.header('Content-Type', 'text/csv; charset=utf-8');
        // Named for its partnership too: exports of two partnerships never share a name.
        c.header('Content-Disposition', `attachment; filename="${c.var.partnershipId}-${name}-${t.period.id}.csv"`);
        return c.body(`\uFEFF${toCsv(table.header, table.rows)}`, 200);
      },
    ] as const;
  const routes = apiRoutes()
    .openapi(...csv('returns'))
    .openapi(...csv('risks'))
    .openapi(...csv('readiness'))
    .openapi(...csv('milestones'))
    .openapi(...csv('measures'))
    .openapi(getTracker, async (c) => c.json(await load(c), 200))
    .openapi(setOverallConfidence, async (c) => {
      const { periodId, workstreamId } = c.req.valid('param');
      const overall = await c.var.services.tracker.setOverall(c.get('user'), periodId, workstreamId, c.req.valid('json'), c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(overall.version));
      return c.json(overall, 200);
    })
    .openapi(exportTrackerWorkbook, async (c) => {
      const t = await load(c);
      const all = tables(t);
      const bytes = buildXlsx(EXPORTS.map((e) => ({ name: e[0]!.toUpperCase() + e.slice(1), header: all[e].header, rows: all[e].rows })));
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      c.header('Content-Disposition', `attachment; filename="${c.var.partnershipId}-tracker-${t.period.id}.xlsx"`);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200);
    });
  return routes;
}
