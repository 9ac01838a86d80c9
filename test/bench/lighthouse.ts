/**
 * `npm run lighthouse`: Lighthouse (mobile, its default: an emulated mid-range phone with simulated
 * slow 4G and a 4x slower CPU) on the pages issue 11 measures: the public Kinship Local Offer and,
 * signed in, the executive's tracker, the lead's home and a partner's home. Each page runs 3 times
 * (LIGHTHOUSE_RUNS) and the table gives the median of each figure. Not a test: it prints figures
 * for the closing notes, and the machine's load moves them a little.
 *
 * Like the browser tests, it builds web/dist when stale, starts DynamoDB Local (in memory) with the
 * demo seed and the real portal (API + built SPA, strict CSP) on a free port, and drives Debian's
 * Chromium (/usr/bin/chromium, or CHROMIUM). Sign-in goes through the API; the session is put where
 * the SPA reads it (sessionStorage) by a script that runs at the start of every document, so
 * Lighthouse still clears the cache and storage before each run. Everything it starts is stopped.
 *
 * Options (environment): LIGHTHOUSE_RUNS (3), LIGHTHOUSE_WEB_DIST (a built SPA to measure instead of
 * building web/dist, e.g. a build of an earlier commit), LIGHTHOUSE_PAGES (comma-separated names
 * from the table to run only those), LIGHTHOUSE_DETAILS=1 (also list what shifted on each run, the
 * scripts by main-thread time and the main thread's work by kind).
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import lighthouse from 'lighthouse';
import puppeteer, { type Browser } from 'puppeteer-core';
import { generateLocalKeys } from '../../functions/auth/tokens.js';
import { loadConfig } from '../../functions/config.js';
import { createClient, createDocumentClient } from '../../functions/db/client.js';
import { ensureTables } from '../../functions/db/create-tables.js';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../functions/local/dynamodb-local.js';
import { startServer } from '../../functions/local/server.js';
import { seedDemo } from '../../functions/seed/seed.js';
import { ensureWebBuilt } from '../browser/build-web.js';

const PASSWORD = 'demo-password';
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

interface Target {
  name: string;
  path: string;
  /** Who is signed in; none for the public page. */
  email?: string;
}

/**
 * Each page at its partnership's address, as links in email, bookmarks and changing partnership
 * open it (an address naming none costs one small request first, to learn the deployment's own).
 */
const TARGETS: Target[] = [
  { name: 'Kinship Local Offer (public)', path: '/p/mscp/kinship-offer' },
  { name: 'Executive tracker', path: '/p/mscp/', email: 'exec@mscp.example' },
  { name: "Lead's home", path: '/p/mscp/', email: 'lead@mscp.example' },
  { name: "Partner's home (police)", path: '/p/mscp/', email: 'police@mscp.example' },
];

interface Figures {
  performance: number;
  cls: number;
  lcpMs: number;
  tbtMs: number;
  shifts: string[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function signIn(base: string, email: string): Promise<{ token: string; expiresAt: string }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`Sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { token: string; expiresAt: string };
  return { token: body.token, expiresAt: body.expiresAt };
}

async function measure(browser: Browser, url: string, session: { token: string; expiresAt: string } | undefined): Promise<Figures> {
  const page = await browser.newPage();
  try {
    if (session) {
      // Runs before the SPA's own scripts on every document of this tab (the CSP does not govern it).
      await page.evaluateOnNewDocument(
        (origin: string, value: string) => {
          if (location.origin === origin) sessionStorage.setItem('prp.session', value);
        },
        new URL(url).origin,
        JSON.stringify(session),
      );
    }
    const result = await lighthouse(url, { output: 'json', logLevel: 'error', onlyCategories: ['performance'] }, undefined, page);
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const final = lhr.finalDisplayedUrl;
    if (session && final.includes('/sign-in')) throw new Error(`${url} ended on the sign-in page: the session was not used`);
    const num = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const shiftAudit = lhr.audits['layout-shifts'];
    if (process.env.LIGHTHOUSE_DETAILS && shiftAudit?.errorMessage) console.log(`      layout-shifts audit: ${shiftAudit.errorMessage}`);
    if (process.env.LIGHTHOUSE_DETAILS) {
      // Where the main thread went: scripts by execution time, and the longest tasks.
      const bootup = (lhr.audits['bootup-time']?.details as { items?: { url: string; scripting: number; scriptParseCompile: number }[] } | undefined)?.items ?? [];
      for (const b of bootup.slice(0, 6))
        console.log(`      script ${Math.round(b.scripting)} ms run, ${Math.round(b.scriptParseCompile)} ms parse: ${b.url.replace(/^https?:\/\/[^/]+/, '')}`);
      const work = (lhr.audits['mainthread-work-breakdown']?.details as { items?: { groupLabel: string; duration: number }[] } | undefined)?.items ?? [];
      console.log(`      main thread: ${work.map((w) => `${w.groupLabel} ${Math.round(w.duration)} ms`).join(', ')}`);
    }
    const shiftItems = (shiftAudit?.details as { items?: { node?: { snippet?: string; selector?: string }; score?: number }[] } | undefined)?.items ?? [];
    return {
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      cls: num('cumulative-layout-shift'),
      lcpMs: num('largest-contentful-paint'),
      tbtMs: num('total-blocking-time'),
      shifts: shiftItems.map((i) => `${(i.score ?? 0).toFixed(3)} ${i.node?.selector ?? ''} ${i.node?.snippet ?? ''}`.trim()),
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}

async function main() {
  const only = process.env.LIGHTHOUSE_PAGES?.split(',').map((s) => s.trim().toLowerCase());
  const targets = only ? TARGETS.filter((t) => only.some((o) => t.name.toLowerCase().includes(o))) : TARGETS;
  if (!process.env.LIGHTHOUSE_WEB_DIST) ensureWebBuilt();
  const webDist = resolve(process.env.LIGHTHOUSE_WEB_DIST ?? 'web/dist');

  let db: DynamoDbLocal | undefined;
  let server: { url: string; close(): Promise<void> } | undefined;
  let browser: Browser | undefined;
  const stopAll = async () => {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    await db?.stop().catch(() => undefined);
  };
  const onSignal = () => void stopAll().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    db = await startDynamoDbLocal();
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      DYNAMODB_TIMEOUT_MS: '10000',
      DYNAMODB_ENDPOINT: db.endpoint,
      TABLE_NAME: 'lighthouse-main',
      AUDIT_TABLE_NAME: 'lighthouse-audit',
    });
    await ensureTables(createClient(config.dynamodb), config.tables);
    const doc = createDocumentClient(config.dynamodb);
    await seedDemo(doc, config.tables, { password: PASSWORD });
    server = await startServer({ config, doc, keys: await generateLocalKeys(), webDist, port: 0 });
    const base = server.url;
    const launched = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    browser = launched;

    /**
     * Lighthouse sometimes fails to record a trace (NO_NAVSTART, NO_FCP) on a busy machine: that run
     * measured nothing, so it is run again (said on the console); any other failure stops the bench.
     */
    const measureOrRetry = async (run: () => Promise<Figures>, name: string): Promise<Figures> => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await run();
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          if (attempt >= 3 || !/NO_NAVSTART|NO_FCP|NO_LCP/.test(message)) throw err;
          console.log(`  ${name}: Lighthouse recorded no trace (${message.split(' ')[1] ?? message}); measuring again`);
        }
      }
    };

    const { version } = createRequire(import.meta.url)('lighthouse/package.json') as { version: string };
    console.log(`Lighthouse ${version}, mobile, ${RUNS} run(s) per page, median; SPA from ${webDist}`);
    const rows: string[][] = [];
    for (const t of targets) {
      const session = t.email ? await signIn(base, t.email) : undefined;
      const runs: Figures[] = [];
      for (let i = 0; i < RUNS; i++) {
        const f = await measureOrRetry(() => measure(launched, `${base}${t.path}`, session), t.name);
        runs.push(f);
        console.log(`  ${t.name} run ${i + 1}: performance ${f.performance}, CLS ${f.cls.toFixed(3)}, LCP ${Math.round(f.lcpMs)} ms, TBT ${Math.round(f.tbtMs)} ms`);
        if (process.env.LIGHTHOUSE_DETAILS) for (const s of f.shifts) console.log(`      shift ${s}`);
      }
      rows.push([
        t.name,
        String(median(runs.map((r) => r.performance))),
        median(runs.map((r) => r.cls)).toFixed(3),
        `${Math.round(median(runs.map((r) => r.lcpMs)))} ms`,
        `${Math.round(median(runs.map((r) => r.tbtMs)))} ms`,
        runs.map((r) => r.performance).join(' / '),
      ]);
    }
    const header = ['Page', 'Performance', 'CLS', 'LCP', 'TBT', 'Runs (performance)'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
    console.log();
    console.log(line(header));
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const r of rows) console.log(line(r));
  } finally {
    await stopAll();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
