/**
 * `npm start`: the embedded default. Boots DynamoDB Local with data under `.data/` (supervised:
 * restarted on the same data if it dies), creates the tables, seeds the demo partnerships on first
 * run and the demo's platform administrator, and serves API and SPA on http://localhost:3000
 * (listening on HOST, 127.0.0.1 by default).
 * It also starts aws-ses-v2-local (the SES v2 emulator) on a free loopback port: the portal's email
 * goes there through the real SES client, readable on its mailbox page.
 * `--reset` (or `npm run reset`) deletes the local data first.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig, ConfigError } from '../config.js';
import { loadOrCreateLocalKeys } from '../auth/tokens.js';
import { createClient, createDocumentClient } from '../db/client.js';
import { ensureTables } from '../db/create-tables.js';
import { createLogger } from '../logger.js';
import { partnershipPath } from '../../shared/partnership/paths.js';
import { everyPartnership, PartnershipJobsFailed } from '../jobs/every-partnership.js';
import { demoSeedNames, loadPlatformAdmins, loadSeed, seedDemo, seedPlatformAdmins } from '../seed/seed.js';
import { JavaMissingError } from './dynamodb-local.js';
import { formatOutcomes, runReminders } from '../jobs/reminders.js';
import { createSesClient, SesMailer } from '../mail/ses-mailer.js';
import { runDaily, runEvery } from './daily.js';
import { runOutbox } from '../jobs/outbox.js';
import { runDigest } from '../jobs/digest.js';
import { isMonday } from '../../shared/periods/period.js';
import { superviseDynamoDbLocal } from './dynamodb-supervisor.js';
import { startSesLocal, type SesLocal } from './ses-local.js';
import { startServer } from './server.js';

const SETUP_TIMEOUT_MS = 60_000;
/** How often `npm start` sends waiting notifications (each minute in AWS). */
const OUTBOX_EVERY_MS = 10_000;

async function main() {
  const started = performance.now();
  const args = new Set(process.argv.slice(2));
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  if (config.auth.mode !== 'local') throw new ConfigError('npm start runs the local mode. Unset PORTAL_MODE or set it to local.');
  const dataDir = resolve(config.dataDir);
  if (args.has('--reset')) {
    rmSync(dataDir, { recursive: true, force: true });
    console.log(`Removed local data in ${dataDir}.`);
    if (args.has('--only')) return;
  }

  const db = await superviseDynamoDbLocal({
    dbPath: join(dataDir, 'dynamodb'),
    ...(process.env.DYNAMODB_LOCAL_PORT ? { port: Number(process.env.DYNAMODB_LOCAL_PORT) } : {}),
    onGiveUp: () => void stop(1),
  });
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the portal, the mail emulator and DynamoDB Local...');
    await server?.close().catch(() => undefined);
    daily?.stop();
    outbox?.stop();
    rmSync(endpointsFile, { force: true });
    await ses?.stop().catch(() => undefined);
    await db.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGHUP', () => void stop(0));

  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let ses: SesLocal | undefined;
  let daily: { stop(): void } | undefined;
  let outbox: { stop(): void } | undefined;
  // Where `npm run reminders` finds this portal's database and mail emulator while it runs.
  const endpointsFile = join(dataDir, 'local-endpoints.json');
  try {
    ses = await startSesLocal(process.env.SES_LOCAL_PORT ? { port: Number(process.env.SES_LOCAL_PORT) } : {});
    const cfg = { ...config, dynamodb: { ...config.dynamodb, endpoint: db.endpoint }, mail: { ...config.mail, endpoint: ses.endpoint } };
    const doc = createDocumentClient(cfg.dynamodb);
    // Setting up (tables, the demo seed) is not a request: a busy machine gets a minute per call,
    // not the seconds that make a stalled database a quick 503 for people.
    const setup = { ...cfg.dynamodb, timeoutMs: Math.max(cfg.dynamodb.timeoutMs, SETUP_TIMEOUT_MS) };
    await ensureTables(createClient(setup), cfg.tables);
    const seed = loadSeed(cfg.partnershipId);
    const { seeded } = await seedDemo(createDocumentClient(setup), cfg.tables, { password: config.auth.demoPassword, seed });
    // The other demo partnerships share the tables (Kent's police and NHS people work in Medway's too).
    const others = demoSeedNames()
      .filter((n) => n !== cfg.partnershipId)
      .map((n) => loadSeed(n));
    for (const other of others) await seedDemo(createDocumentClient(setup), cfg.tables, { password: config.auth.demoPassword, seed: other });
    // The demo's platform administrators belong to no partnership: added once, whatever the seed version.
    await seedPlatformAdmins(createDocumentClient(setup), cfg.tables, { password: config.auth.demoPassword });
    const admins = loadPlatformAdmins();
    const keys = await loadOrCreateLocalKeys(dataDir);
    server = await startServer({ config: cfg, doc, keys, webDist: resolve('web/dist'), logger: createLogger(config.logLevel) });
    writeFileSync(endpointsFile, JSON.stringify({ dynamodb: db.endpoint, ses: ses.endpoint, portalUrl: cfg.portalUrl }));
    // The daily reminder job, as EventBridge Scheduler runs it in AWS: once a day, safe to repeat.
    const mailer = new SesMailer(createSesClient(cfg.mail), cfg.mail);
    // The jobs run for every partnership the portal hosts, each in its own records; one that fails does not stop the others.
    const jobs = { doc, tables: cfg.tables, mailer, portalUrl: cfg.portalUrl };
    daily = runDaily(
      async (date) => {
        const { failed } = await everyPartnership(jobs, async (reminders) => {
          const outcomes = await runReminders(reminders, date);
          if (outcomes.some((o) => o.result !== 'sent-before')) console.log(`${reminders.partnershipId}: ${formatOutcomes(date, outcomes)}`);
          // Weekly summaries go on Mondays, with the morning's reminders.
          if (isMonday(date)) await runDigest(reminders);
        });
        if (failed.length) throw new PartnershipJobsFailed(`The reminders of ${date}`, failed);
      },
      { onError: (err) => console.error(`The daily reminders did not run: ${err instanceof Error ? err.message : String(err)}. They are tried again in a few minutes.`) },
    );
    // Notifications of changes (a return submitted, a version issued…), sent within seconds.
    outbox = runEvery(
      async () => {
        const runs = await everyPartnership(jobs, (deps) => runOutbox(deps));
        const sent = runs.done.flatMap((r) => r.value);
        if (sent.length)
          console.log(`Notifications: ${sent.filter((o) => o.result === 'sent').length} sent, ${sent.filter((o) => o.result === 'failed').length} failed (tried again).`);
        if (runs.failed.length) throw new PartnershipJobsFailed('Sending notifications', runs.failed);
      },
      OUTBOX_EVERY_MS,
      (err) => console.error(`Notifications were not sent: ${err instanceof Error ? err.message : String(err)}. They are tried again shortly.`),
    );
    const ms = Math.round(performance.now() - started);
    console.log(`
Partnership Reform Portal is running at ${server.url}  (ready in ${ms} ms)
${['127.0.0.1', '::1', 'localhost'].includes(server.host) ? 'It listens on this machine only (set HOST to change that).' : `It listens on ${server.host}: other machines that can reach this address can use it.`} DynamoDB Local listens on 127.0.0.1 only and is restarted if it stops.
Email the portal sends is caught by the local SES emulator: read it at ${ses.mailboxUrl}
Return reminders run each day; to see them for another day: npm run reminders -- --date YYYY-MM-DD
${seeded ? 'Loaded the demo partnership: ' : 'Using saved data for: '}${seed.partnership.name}. Data is kept in ${dataDir} (npm run reset starts clean).

Demo sign-ins (password: ${process.env.DEMO_PASSWORD ? 'the DEMO_PASSWORD you set' : config.auth.demoPassword}):
${seed.users.map((u) => `  ${u.email.padEnd(30)} ${u.role.padEnd(10)} ${u.agencyId ?? '-'}${u.signatory ? ' (signatory)' : ''}`).join('\n')}
${others
  .map(
    (o) =>
      `\nAlso ${o.partnership.name}, at ${server!.url}${partnershipPath(o.partnership.id)}/ (people in both see each):\n${o.users
        .map(
          (u) =>
            `  ${u.email.padEnd(30)} ${u.role.padEnd(10)} ${u.agencyId ?? '-'}${u.signatory ? ' (signatory)' : ''}${seed.users.some((m) => m.email === u.email) ? `, also in ${seed.partnership.shortName}` : ''}`,
        )
        .join('\n')}`,
  )
  .join('\n')}

Platform administration (creates partnerships from templates; belongs to no partnership):
${admins.map((a) => `  ${a.email.padEnd(30)} platform administrator (${a.name})`).join('\n')}

${secondFactorNote(config.secondFactor)}

Press Ctrl-C to stop.`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    await stop(1);
  }
}

/** What the demo says about two-step sign-in (SECOND_FACTOR): optional for the demo unless started otherwise. */
function secondFactorNote(policy: 'required-for-roles' | 'optional'): string {
  return policy === 'optional'
    ? 'Two-step sign-in is optional in this demonstration (SECOND_FACTOR=optional), so the demo accounts sign in with a password alone.\nAnyone can turn it on from Email settings > Set up two-step sign-in. Start with SECOND_FACTOR=required-for-roles to require it\nof leads, signatories and administrators, as the portal in AWS does.'
    : 'Two-step sign-in is required of leads, signatories and administrators (SECOND_FACTOR=required-for-roles): each is asked to\nset up an authenticator app when they first sign in.';
}

main().catch((err: unknown) => {
  if (err instanceof JavaMissingError || err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
