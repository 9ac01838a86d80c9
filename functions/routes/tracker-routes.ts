import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { PeriodId } from '../../shared/periods/period.js';
import { CONFIDENCE_SCALE, toCsv } from '../../shared/tracker/compute.js';
import type { Services } from '../app.js';
import type { AppEnv } from '../http/app-env.js';
import { requireRole, writeContext } from '../http/auth-middleware.js';
import { etagFor, ifMatch } from '../http/etag.js';
import { NotFound } from '../http/errors.js';
import { describeRoute } from '../http/openapi.js';
import { readJson, readQuery } from '../http/validate.js';
import { buildXlsx } from '../services/xlsx.js';

const PeriodQuery = z.object({ periodId: PeriodId.optional() }).strict();
const OverallRequest = z.object({ confidence: z.enum(CONFIDENCE_SCALE).nullable(), note: z.string().trim().max(1000).default('') }).strict();
const EXPORTS = ['returns', 'risks', 'readiness', 'milestones'] as const;

// Lead and executive only: the tracker shows every agency's risks and return status, which a partner may not read for other agencies.
describeRoute({ method: 'get', path: '/api/tracker', summary: 'The shared tracker for a period (default: the current one)', tag: 'Tracker', roles: ['lead', 'executive'], query: PeriodQuery, statuses: [404] });
describeRoute({ method: 'put', path: '/api/tracker/overall/{periodId}/{workstreamId}', summary: "Set (or clear with null) a workstream's overall confidence; If-Match is its version in the tracker once set", tag: 'Tracker', roles: ['lead'], body: OverallRequest, etag: 'upsert', statuses: [404] });
for (const e of EXPORTS) describeRoute({ method: 'get', path: `/api/exports/${e}.csv`, summary: `Export ${e} as CSV (formula-safe)`, tag: 'Exports', roles: ['lead', 'executive'], query: PeriodQuery });
describeRoute({ method: 'get', path: '/api/exports/tracker.xlsx', summary: 'Excel workbook with one sheet per export', tag: 'Exports', roles: ['lead', 'executive'], query: PeriodQuery });

type Tracker = Awaited<ReturnType<Services['tracker']['tracker']>>;

/** The four export tables, built from the same tracker response the page shows. */
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
        ...w.agencies.map((a) => [w.name, t.agencies.find((x) => x.id === a.agencyId)?.name ?? a.agencyId, a.applicable, a.selfAssessed, a.confirmed, a.selfAssessedPercent, a.confirmedPercent, a.overdue]),
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
  };
}

export function trackerRoutes(services: Services) {
  const load = async (c: Context<AppEnv>) => services.tracker.tracker(readQuery(c, PeriodQuery).periodId ?? null, c.get('now'));
  return new Hono<AppEnv>()
    .get('/api/tracker', requireRole('lead', 'executive'), async (c) => c.json(await load(c)))
    // The first setting creates it: If-Match may be left out only while it does not exist (then 428).
    .put('/api/tracker/overall/:periodId/:workstreamId', requireRole('lead'), ifMatch({ mayCreate: true }), async (c) => {
      const { periodId, workstreamId } = c.req.param();
      if (!PeriodId.safeParse(periodId).success) throw new NotFound(`There is no reporting period ${periodId.slice(0, 40)}.`);
      const body = await readJson(c, OverallRequest);
      const overall = await services.tracker.setOverall(c.get('user'), periodId, workstreamId, body, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(overall.version));
      return c.json(overall);
    })
    .get('/api/exports/:name{(returns|risks|readiness|milestones)\\.csv}', requireRole('lead', 'executive'), async (c) => {
      const name = c.req.param('name').replace('.csv', '') as (typeof EXPORTS)[number];
      const t = await load(c);
      const table = tables(t)[name];
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${name}-${t.period.id}.csv"`);
      return c.body('\uFEFF' + toCsv(table.header, table.rows));
    })
    .get('/api/exports/tracker.xlsx', requireRole('lead', 'executive'), async (c) => {
      const t = await load(c);
      const all = tables(t);
      const bytes = buildXlsx(EXPORTS.map((e) => ({ name: e[0]!.toUpperCase() + e.slice(1), header: all[e].header, rows: all[e].rows })));
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      c.header('Content-Disposition', `attachment; filename="tracker-${t.period.id}.xlsx"`);
      return c.body(bytes as Uint8Array<ArrayBuffer>);
    });
}
