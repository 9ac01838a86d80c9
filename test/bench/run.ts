/**
 * `npm run bench`: seeds a large partnership (20 agencies, 8 workstreams, 12 periods of returns,
 * 40 criteria) into an in-memory DynamoDB Local and reports the latency of `GET /api/p/{partnershipId}/tracker`
 * (p50/p95), the p50 of a single DynamoDB Local Query in the same run, and how many DynamoDB calls
 * one tracker request makes, and the same for one return and one workstream's outcome measures
 * (five indicators with a value every period); then again with 50 more partnerships of
 * the same size in the table (issue 13: the same calls, a p50 within 1.2x); then the daily reminder
 * job on a partnership of 200 people, run twice (its DynamoDB calls, time and emails; the second run
 * sends none). Not a test: it prints figures for the closing notes.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import autocannon from 'autocannon';
import { createApp } from '../../functions/app.js';
import { startServer } from '../../functions/local/server.js';
import { generateLocalKeys, LocalTokenIssuer } from '../../functions/auth/tokens.js';
import { loadConfig } from '../../functions/config.js';
import { createClient, createDocumentClient } from '../../functions/db/client.js';
import { ensureTables } from '../../functions/db/create-tables.js';
import { milestoneKeys, partnershipKeys, trackerKeys } from '../../functions/db/keys.js';
import { batchGet } from '../../functions/db/query.js';
import { startDynamoDbLocal } from '../../functions/local/dynamodb-local.js';
import { PeriodRepository } from '../../functions/repositories/period-repository.js';
import { ReadinessRepository } from '../../functions/repositories/readiness-repository.js';
import { UserRepository } from '../../functions/repositories/user-repository.js';
import { MeasureRepository } from '../../functions/repositories/measure-repository.js';
import type { Indicator } from '../../shared/measures/schema.js';
import { ReturnRepository, type ReturnHeader, type StoredSection } from '../../functions/repositories/return-repository.js';
import { workingDaysBefore } from '../../functions/domain/working-days.js';
import { runOutbox } from '../../functions/jobs/outbox.js';
import { runReminders } from '../../functions/jobs/reminders.js';
import { OutboxRepository } from '../../functions/repositories/outbox-repository.js';
import type { Mailer } from '../../functions/mail/mailer.js';
import { periodBounds, previousPeriodId } from '../../shared/periods/period.js';
import { IMPACTS, LIKELIHOODS } from '../../shared/returns/schema.js';
import { CONFIDENCE_SCALE } from '../../shared/tracker/compute.js';

const AGENCIES = 20;
const WORKSTREAMS = 8;
const PERIODS = 12;
const CRITERIA = 40;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
/** Issue 13: how many more partnerships of the same size share the table for the second measurement. */
const OTHER_PARTNERSHIPS = Number(process.env.BENCH_PARTNERSHIPS ?? 50);
/** The load step (issue 16 part 4): this many connections at once, for this long, on each path. */
const LOAD_CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 200);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 20);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function put(doc: DynamoDBDocumentClient, table: string, items: Record<string, unknown>[]) {
  for (let i = 0; i < items.length; i += 25) {
    let req: Record<string, unknown> | undefined = { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) };
    while (req && Object.keys(req).length) {
      const res: { UnprocessedItems?: Record<string, unknown> } = await doc.send(new BatchWriteCommand({ RequestItems: req as never }));
      req = res.UnprocessedItems && Object.keys(res.UnprocessedItems).length ? res.UnprocessedItems : undefined;
    }
  }
}

/** One bench partnership's items (agencies, workstreams, milestones, periods, returns, readiness), every key under `pid`. */
function benchPartnershipItems(doc: DynamoDBDocumentClient, t: string, pid: string): Record<string, unknown>[] {
  const agencies = Array.from({ length: AGENCIES }, (_, i) => ({ id: `agency-${i + 1}`, name: `Agency ${i + 1}`, type: 'other', statutory: i < 3 }));
  const workstreams = Array.from({ length: WORKSTREAMS }, (_, i) => ({
    id: `ws-${i + 1}`,
    name: `Workstream ${i + 1}`,
    description: 'Bench workstream',
    leadAgencyId: 'agency-1',
    contributingAgencyIds: agencies.filter((_, a) => (a + i) % 2 === 0 || a < 3).map((a) => a.id),
    order: i,
  }));
  const periodIds: string[] = [];
  let p = '2026-27-Q3';
  for (let i = 0; i < PERIODS; i++) {
    periodIds.unshift(p);
    p = previousPeriodId(p);
  }
  const items: Record<string, unknown>[] = [
    { ...partnershipKeys.partnership(pid), entity: 'Partnership', id: pid, name: 'Bench partnership', shortName: 'BENCH' },
    ...agencies.map((a) => ({ ...partnershipKeys.agency(pid, a.id), entity: 'Agency', ...a })),
    ...workstreams.map((w) => ({ ...partnershipKeys.workstream(pid, w.id), entity: 'Workstream', ...w })),
    ...workstreams.flatMap((w) =>
      Array.from({ length: 5 }, (_, m) => ({
        ...milestoneKeys.milestone(pid, w.id, `m-${m}`),
        entity: 'Milestone',
        id: `m-${m}`,
        workstreamId: w.id,
        title: `Milestone ${m}`,
        description: '',
        ownerAgencyId: 'agency-1',
        dueDate: `2027-0${(m % 6) + 1}-15`,
        status: 'on-track',
        closed: false,
        version: 1,
      })),
    ),
  ];
  // The executive who reads the tracker: every request checks the person still has access.
  items.push(
    new UserRepository(doc, t, pid).userItem({ id: 'exec', email: 'exec@bench.example', name: 'Exec', role: 'executive', agencyId: null, signatory: false, passwordHash: '' }),
    // The partner whose return the load step reads.
    new UserRepository(doc, t, pid).userItem({
      id: 'partner-4',
      email: 'partner4@bench.example',
      name: 'Partner',
      role: 'partner',
      agencyId: 'agency-4',
      signatory: false,
      passwordHash: '',
    }),
  );
  const periods = new PeriodRepository(doc, t, pid);
  for (const [i, id] of periodIds.entries())
    items.push(periods.periodItem({ id, ...periodBounds(id), dueDate: periodBounds(id).end, status: i === periodIds.length - 1 ? 'open' : 'closed' }));
  const returns = new ReturnRepository(doc, t, pid);
  for (const periodId of periodIds) {
    for (const a of agencies) {
      const ws = workstreams.filter((w) => w.contributingAgencyIds.includes(a.id));
      const sections: StoredSection[] = ws.map((w, k) => ({
        periodId,
        agencyId: a.id,
        workstreamId: w.id,
        confidence: CONFIDENCE_SCALE[(k + a.id.length) % 5]!,
        narrative: 'Progress narrative '.repeat(40),
        carriedForward: false,
        milestones: [],
        risks: [{ title: 'Staffing', description: 'Vacancies', likelihood: LIKELIHOODS[k % 4]!, impact: IMPACTS[k % 4]!, mitigation: 'Recruitment', owner: 'Head of Service' }],
        escalations: k === 0 ? [{ summary: 'Escalated item' }] : [],
        metrics: [{ name: 'Children supported', value: 100 + k }],
      }));
      const header: ReturnHeader = {
        periodId,
        agencyId: a.id,
        status: 'accepted',
        version: 3,
        createdAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-01T00:00:00Z',
        updatedBy: 'bench',
        submittedBy: 'bench',
        submittedAt: '2026-01-01T00:00:00Z',
        acceptedBy: 'bench',
        acceptedAt: '2026-01-01T00:00:00Z',
        review: { comments: [] },
        confidence: Object.fromEntries(sections.map((s) => [s.workstreamId, s.confidence])),
      };
      items.push(returns.headerItem(header), ...sections.map((s) => returns.sectionItem(s)));
    }
  }
  // Outcome measures: five indicators a workstream, reported by agency 1, with a value every period.
  const measures = new MeasureRepository(doc, t, pid);
  for (const w of workstreams) {
    const indicators = Array.from(
      { length: 5 },
      (_, k): Indicator => ({
        id: `ind-${k}`,
        workstreamId: w.id,
        name: `Indicator ${k}`,
        definition: '',
        unit: k % 2 ? 'percentage' : 'count',
        countsChildren: false,
        direction: 'higher',
        target: 50,
        targetMax: null,
        tolerance: 5,
        baseline: null,
        reportingAgencyId: 'agency-1',
        frequency: 'quarterly',
        source: '',
        publishedToExecutive: true,
        order: k,
        createdAt: '2026-01-01T00:00:00Z',
        version: 1,
      }),
    );
    items.push(...indicators.map((i) => measures.indicatorItem(i)));
    for (const [n, periodId] of periodIds.entries())
      items.push(
        measures.valuesItem({
          workstreamId: w.id,
          periodId,
          agencyId: 'agency-1',
          status: 'accepted',
          values: indicators.map((i) => ({ indicatorId: i.id, value: 40 + n, belowThreshold: false, note: '', confirmed: true })),
        }),
      );
  }
  const readiness = new ReadinessRepository(doc, t, pid);
  for (let c = 0; c < CRITERIA; c++) {
    const w = workstreams[c % WORKSTREAMS]!;
    items.push(
      readiness.criterionItem({
        id: `crit-${c}`,
        workstreamId: w.id,
        title: `Criterion ${c}`,
        description: '',
        agencyIds: w.contributingAgencyIds,
        evidenceExpected: '',
        targetDate: '2027-03-31',
        derivedFrom: null,
        version: 1,
      }),
    );
    for (const a of w.contributingAgencyIds) {
      items.push(
        readiness.assessmentItem({
          criterionId: `crit-${c}`,
          agencyId: a,
          workstreamId: w.id,
          status: c % 3 === 0 ? 'ready' : 'in-progress',
          evidence: 'Evidence',
          links: [],
          targetDate: null,
          reason: null,
          updatedBy: 'bench',
          updatedAt: '2026-01-01T00:00:00Z',
          validation: null,
          version: 1,
        }),
      );
    }
  }
  return items;
}

/**
 * p50/p95 of the tracker and of one return for partnership `pid`, and the DynamoDB calls each makes
 * once warm (the partnership's existence and the person's access are kept for a minute).
 */
/** What Chromium and Firefox send: every browser accepts gzip. */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

async function measureReads(app: ReturnType<typeof createApp>, doc: DynamoDBDocumentClient, pid: string, headers: Record<string, string>, verbose: boolean) {
  const f = (n: number) => n.toFixed(1);
  const paths = { tracker: `/api/p/${pid}/tracker`, return: `/api/p/${pid}/returns/2026-27-Q3/agency-4`, measures: `/api/p/${pid}/measures?workstreamId=ws-1` } as const;
  const out = {} as Record<keyof typeof paths, { p50: number; p95: number; calls: number }>;
  for (const [name, path] of Object.entries(paths) as [keyof typeof paths, string][]) {
    const warm = await app.request(path, { headers });
    if (warm.status !== 200) throw new Error(`${path} answered ${warm.status}: ${await warm.text()}`);
    const bytes = (await warm.arrayBuffer()).byteLength;
    let calls = 0;
    const send = doc.send.bind(doc);
    const timings: string[] = [];
    (doc as { send: typeof doc.send }).send = (async (cmd: never, ...rest: never[]) => {
      calls += 1;
      const s = performance.now();
      const res = await send(cmd, ...rest);
      const input = (cmd as { input: { IndexName?: string; ExpressionAttributeValues?: Record<string, unknown> } }).input;
      timings.push(
        `${String(input.ExpressionAttributeValues?.[':pk'] ?? '?')}${input.IndexName ? ' (gsi1)' : ''}: ${(performance.now() - s).toFixed(1)} ms, ${(res as { Items?: unknown[] }).Items?.length ?? 0} items`,
      );
      return res;
    }) as typeof doc.send;
    await (await app.request(path, { headers })).arrayBuffer();
    (doc as { send: typeof doc.send }).send = send;
    if (verbose) console.log(`calls of one ${name} request:\n  ${timings.join('\n  ')}`);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      await (await app.request(path, { headers })).arrayBuffer();
      times.push(performance.now() - s);
    }
    out[name] = { p50: pct(times, 50), p95: pct(times, 95), calls };
    console.log(`GET ${path}: p50 ${f(out[name].p50)} ms, p95 ${f(out[name].p95)} ms over ${RUNS} requests (response ${Math.round(bytes / 1024)} KiB), ${calls} DynamoDB calls`);
  }
  return out;
}

async function main() {
  const db = await startDynamoDbLocal();
  try {
    const config = { ...loadConfig({ LOG_LEVEL: 'silent', DYNAMODB_ENDPOINT: db.endpoint, TABLE_NAME: 'bench-main', AUDIT_TABLE_NAME: 'bench-audit' }) };
    await ensureTables(createClient(config.dynamodb), config.tables);
    const doc = createDocumentClient(config.dynamodb);
    const pid = config.partnershipId;
    const t = config.tables.main;
    const started = performance.now();

    const items = benchPartnershipItems(doc, t, pid);
    await put(doc, t, items);
    console.log(
      `Seeded ${items.length} items (${AGENCIES} agencies, ${WORKSTREAMS} workstreams, ${PERIODS} periods, ${CRITERIA} criteria) in ${Math.round(performance.now() - started)} ms.`,
    );

    const keys = await generateLocalKeys();
    if (config.auth.mode !== 'local') throw new Error('local mode expected');
    const issuer = new LocalTokenIssuer(keys, config.auth.issuer, config.auth.audience, 3600);
    const app = createApp({ config, doc, verifier: issuer.verifier(), localIssuer: issuer });
    const { token } = await issuer.issue({ id: 'exec', email: 'exec@bench.example', name: 'Exec', role: 'executive', agencyId: null, signatory: false });
    // As a browser asks: it accepts gzip, so the tracker's stored JSON is served gzipped as stored.
    const headers = { Authorization: `Bearer ${token}`, 'Accept-Encoding': BROWSER_ACCEPT_ENCODING };

    // A first round warms the process (JIT, connections), so the two measured rounds compare like with like.
    await measureReads(app, doc, pid, headers, false);
    const alone = await measureReads(app, doc, pid, headers, true);
    // The tracker and one Query measured in turn, request by request, so both meet the same moment of
    // the process (JIT, garbage collection) and of DynamoDB Local: measured apart, whichever runs
    // first is slower.
    const single: number[] = [];
    const served: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let s = performance.now();
      await doc.send(new QueryCommand({ TableName: t, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': partnershipKeys.partnership(pid).pk }, Limit: 1 }));
      single.push(performance.now() - s);
      s = performance.now();
      await (await app.request(`/api/p/${pid}/tracker`, { headers })).arrayBuffer();
      served.push(performance.now() - s);
    }
    const f = (n: number) => n.toFixed(1);
    console.log(`single DynamoDB Local Query: p50 ${f(pct(single, 50))} ms, p95 ${f(pct(single, 95))} ms`);
    // What the tracker's one call costs alone (the count and the executive's view), to tell DynamoDB's share from the portal's.
    const modelRead: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      await batchGet(doc, t, [trackerKeys.epoch(pid), trackerKeys.view(pid, 'executive', null)]);
      modelRead.push(performance.now() - s);
    }
    console.log(`the read model's BatchGetItem alone (count and view): p50 ${f(pct(modelRead, 50))} ms, p95 ${f(pct(modelRead, 95))} ms`);
    // Issue 16 part 3: the tracker served from its read model against one Query (target p50 <= 1.5x, <= 2 calls),
    // and the same tracker worked out afresh (what the first read after the model falls behind costs).
    console.log(
      `tracker from its read model, in turn with the Query: p50 ${f(pct(served, 50))} ms, p95 ${f(pct(served, 95))} ms = ${(pct(served, 50) / pct(single, 50)).toFixed(2)}x one Query, ${alone.tracker.calls} DynamoDB call(s)`,
    );
    const afresh: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await doc.send(new UpdateCommand({ TableName: t, Key: trackerKeys.epoch(pid), UpdateExpression: 'ADD epoch :one', ExpressionAttributeValues: { ':one': 1 } }));
      const s = performance.now();
      await (await app.request(`/api/p/${pid}/tracker`, { headers })).arrayBuffer();
      afresh.push(performance.now() - s);
    }
    console.log(`tracker worked out afresh (after a change its refresh did not store): p50 ${f(pct(afresh, 50))} ms, p95 ${f(pct(afresh, 95))} ms`);

    // Issue 13: the same partnership among OTHERS more of the same size in one table.
    const seeding = performance.now();
    for (let n = 2; n <= OTHER_PARTNERSHIPS + 1; n++) await put(doc, t, benchPartnershipItems(doc, t, `bench-${n}`));
    console.log(`Seeded ${OTHER_PARTNERSHIPS} more partnerships of the same size in ${Math.round((performance.now() - seeding) / 1000)} s.`);
    const among = await measureReads(app, doc, pid, headers, false);
    for (const k of ['tracker', 'return', 'measures'] as const)
      console.log(
        `${k}, alone vs among ${OTHER_PARTNERSHIPS + 1} partnerships: p50 ${f(alone[k].p50)} vs ${f(among[k].p50)} ms (x${(among[k].p50 / alone[k].p50).toFixed(2)}), DynamoDB calls ${alone[k].calls} vs ${among[k].calls}`,
      );

    await benchLoad(config, doc, keys, pid);
    await benchReminders(doc, config.tables);
  } finally {
    await db.stop();
  }
}

/**
 * The daily reminder job on a partnership of 20 agencies and 200 people (10 partners each), where
 * 12 agencies have not sent the open period's return: its DynamoDB calls, time and emails, run
 * twice (the second run must send nothing). Email goes to a counting mailer: the figure is the
 * job's own cost, not SES's.
 */
async function benchReminders(doc: DynamoDBDocumentClient, tables: { main: string; audit: string }) {
  const pid = 'bench-reminders';
  const t = tables.main;
  const agencies = Array.from({ length: 20 }, (_, i) => ({ id: `agency-${i + 1}`, name: `Agency ${i + 1}`, type: 'other', statutory: i < 3 }));
  const users = new UserRepository(doc, t, pid);
  const returns = new ReturnRepository(doc, t, pid);
  const periodId = '2026-27-Q3';
  const items: Record<string, unknown>[] = [
    { ...partnershipKeys.partnership(pid), entity: 'Partnership', id: pid, name: 'Reminder bench partnership', shortName: 'RB' },
    ...agencies.map((a) => ({ ...partnershipKeys.agency(pid, a.id), entity: 'Agency', ...a })),
    {
      ...partnershipKeys.workstream(pid, 'ws-1'),
      entity: 'Workstream',
      id: 'ws-1',
      name: 'Workstream 1',
      description: '',
      leadAgencyId: 'agency-1',
      contributingAgencyIds: agencies.map((a) => a.id),
      order: 0,
    },
    new PeriodRepository(doc, t, pid).periodItem({ id: periodId, ...periodBounds(periodId), dueDate: '2027-01-29', status: 'open' }),
    ...agencies.flatMap((a) =>
      Array.from({ length: 10 }, (_, n) =>
        users.userItem({
          id: `${a.id}-p${n}`,
          email: `p${n}@${a.id}.example`,
          name: `Person ${n} of ${a.name}`,
          role: 'partner',
          agencyId: a.id,
          signatory: false,
          passwordHash: '',
        }),
      ),
    ),
    users.userItem({ id: 'lead', email: 'lead@bench.example', name: 'Lead', role: 'lead', agencyId: null, signatory: false, passwordHash: '' }),
    // Eight agencies have sent theirs; twelve have not.
    ...agencies.slice(0, 8).map((a) =>
      returns.headerItem({
        periodId,
        agencyId: a.id,
        status: 'submitted',
        version: 2,
        createdAt: '2026-12-01T00:00:00Z',
        updatedAt: '2026-12-01T00:00:00Z',
        updatedBy: 'bench',
        submittedBy: 'bench',
        submittedAt: '2026-12-01T00:00:00Z',
        acceptedBy: null,
        acceptedAt: null,
        review: { comments: [] },
        confidence: {},
      } as ReturnHeader),
    ),
  ];
  await put(doc, t, items);

  let calls = 0;
  const send = doc.send.bind(doc);
  (doc as { send: typeof doc.send }).send = (async (cmd: never, ...rest: never[]) => {
    calls += 1;
    return send(cmd, ...rest);
  }) as typeof doc.send;
  let emails = 0;
  const mailer: Mailer = {
    send: async () => {
      emails += 1;
      return { messageId: `bench-${emails}` };
    },
  };
  const deps = { doc, tables, partnershipId: pid, mailer, portalUrl: 'https://portal.example' };
  const day = workingDaysBefore('2027-01-29', 5);
  for (const run of ['first', 'second']) {
    calls = 0;
    const before = emails;
    const s = performance.now();
    const outcomes = await runReminders(deps, day);
    console.log(
      `reminder job (${run} run, ${day}, 20 agencies, 200 people, 12 returns not in): ${(performance.now() - s).toFixed(0)} ms, ${calls} DynamoDB calls, ${emails - before} emails sent, ${outcomes.filter((o) => o.result === 'sent-before').length} already sent`,
    );
  }

  // The notification outbox: the lead returns the eight submitted returns at once (each agency's
  // ten partners are told), queued as the changes' transactions queue them; run twice.
  const outbox = new OutboxRepository(doc, t, pid);
  const lead = { userId: 'lead', email: 'lead@bench.example', name: 'Lead', role: 'lead', agencyId: null };
  await put(
    doc,
    t,
    agencies.slice(0, 8).map((a, i) =>
      outbox.item('return-returned', {
        eventId: `bench-event-${i}`,
        at: new Date(Date.now() - 60_000 + i).toISOString(),
        actor: lead,
        requestId: 'bench',
        action: 'return.return',
        entityType: 'return',
        entityId: `${periodId}/${a.id}`,
        summary: 'Returned the return',
      }),
    ),
  );
  for (const run of ['first', 'second']) {
    calls = 0;
    const before = emails;
    const s = performance.now();
    const outcomes = await runOutbox(deps);
    console.log(
      `notification outbox (${run} run, 8 returns returned, 10 partners each): ${(performance.now() - s).toFixed(0)} ms, ${calls} DynamoDB calls, ${emails - before} emails sent, ${outcomes.length} outcomes`,
    );
  }
  (doc as { send: typeof doc.send }).send = send;
}

/**
 * The load step (issue 16 part 4): the portal's own HTTP server (as `npm start` runs it) under
 * LOAD_CONNECTIONS connections at once for LOAD_SECONDS on the tracker (the executive) and on one
 * agency's return (its partner), measured by autocannon in a worker thread so the client does not
 * share the server's event loop. Reports requests a second, p50 and p99 latency, and errors
 * (anything but a 200). Target: no errors, p99 under 2 s, on a 2-core machine.
 */
async function benchLoad(config: ReturnType<typeof loadConfig>, doc: DynamoDBDocumentClient, keys: Awaited<ReturnType<typeof generateLocalKeys>>, pid: string) {
  // The portal's own limits (functions/config.ts), unless the run asks for others to compare.
  const admission = { ...config.admission, ...(process.env.BENCH_MAX_IN_FLIGHT ? { maxInFlight: Number(process.env.BENCH_MAX_IN_FLIGHT) } : {}) };
  const server = await startServer({ config: { ...config, logLevel: 'silent', admission }, doc, keys, webDist: 'web/dist', port: 0 });
  console.log(`load step: at most ${admission.maxInFlight} requests at once, ${admission.maxQueued} waiting, each for at most ${admission.maxWaitMs} ms`);
  try {
    const issuer = new LocalTokenIssuer(keys, `${server.url}/api/auth`, config.auth.audience, 3600);
    const exec = (await issuer.issue({ id: 'exec', email: 'exec@bench.example', name: 'Exec', role: 'executive', agencyId: null, signatory: false })).token;
    const partner = (await issuer.issue({ id: 'partner-4', email: 'partner4@bench.example', name: 'Partner', role: 'partner', agencyId: 'agency-4', signatory: false })).token;
    const runs = [
      { name: 'tracker', path: `/api/p/${pid}/tracker`, token: exec },
      { name: "a partner's return", path: `/api/p/${pid}/returns/2026-27-Q3/agency-4`, token: partner },
    ];
    for (const r of runs) {
      const result = await autocannon({
        url: `${server.url}${r.path}`,
        connections: LOAD_CONNECTIONS,
        duration: LOAD_SECONDS,
        headers: { authorization: `Bearer ${r.token}`, 'accept-encoding': BROWSER_ACCEPT_ENCODING },
        workers: 1,
      });
      const errors = result.errors + result.timeouts + result.non2xx;
      console.log(
        `load, ${r.name}: ${LOAD_CONNECTIONS} connections for ${LOAD_SECONDS} s: ${Math.round(result.requests.average)} requests a second, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${errors} errors of ${result.requests.total} (non-2xx ${result.non2xx}, timeouts ${result.timeouts})`,
      );
    }
  } finally {
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
