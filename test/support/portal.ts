import { resolve } from 'node:path';
import { generateLocalKeys } from '../../functions/auth/tokens.js';
import { runOutbox } from '../../functions/jobs/outbox.js';
import { runReminders } from '../../functions/jobs/reminders.js';
import { createSesClient, SesMailer } from '../../functions/mail/ses-mailer.js';
import { startServer } from '../../functions/local/server.js';
import { readMailbox, type StoredMail, startSesLocal } from '../../functions/local/ses-local.js';
import { seedDemo, seedPlatformAdmins, type SeedFile } from '../../functions/seed/seed.js';
import { createDocumentClient } from '../../functions/db/client.js';
import { createSeededTables, DEMO_PASSWORD, testConfig } from './tables.js';

/**
 * The whole portal as `npm start` runs it (API + built SPA on @hono/node-server), on a free port
 * with its own seeded tables. The SPA must be built (`web/dist`).
 */
export interface TestPortal {
  url: string;
  /** The partnership the portal serves by default (its first seed's). */
  partnershipId: string;
  /** With `mail`: what the local SES emulator has received, oldest first. */
  mailbox(): Promise<StoredMail[]>;
  /** Moves the portal's clock on (e.g. past the 60 s within which a deactivated person is refused). */
  advanceClock(ms: number): void;
  /** Runs the daily reminder job for a UK day, as `npm run reminders -- --date` does against `npm start`. */
  reminders(date: string): ReturnType<typeof runReminders>;
  /** Runs the outbox job once, as `npm start` does every few seconds. */
  outbox(): ReturnType<typeof runOutbox>;
  stop(): Promise<void>;
}

/**
 * `mail` also starts the SES emulator (as `npm start` does) and sends the portal's email to it.
 * The portal's clock is the real one plus whatever {@link TestPortal.advanceClock} has added.
 */
export async function startTestPortal(opts: { mail?: boolean; seed?: SeedFile; alsoSeed?: SeedFile[] } = {}): Promise<TestPortal> {
  const ses = opts.mail ? await startSesLocal() : null;
  const base = testConfig();
  const tables = await createSeededTables(ses ? { ...base, mail: { ...base.mail, endpoint: ses.endpoint } } : base, opts.seed);
  // Other partnerships in the same tables (`alsoSeed`), as npm start loads every demo partnership.
  for (const other of opts.alsoSeed ?? [])
    await seedDemo(createDocumentClient({ ...tables.config.dynamodb, timeoutMs: 60_000 }), tables.config.tables, { password: DEMO_PASSWORD, seed: other });
  // The demo's platform administrators (who belong to no partnership), as npm start adds them.
  await seedPlatformAdmins(createDocumentClient({ ...tables.config.dynamodb, timeoutMs: 60_000 }), tables.config.tables, { password: DEMO_PASSWORD });
  let offset = 0;
  const server = await startServer({
    config: tables.config,
    doc: tables.doc,
    keys: await generateLocalKeys(),
    webDist: resolve('web/dist'),
    port: 0,
    clock: () => new Date(Date.now() + offset),
  });
  const config = tables.config;
  const jobs = {
    doc: tables.doc,
    tables: config.tables,
    partnershipId: config.partnershipId,
    mailer: new SesMailer(createSesClient(config.mail), config.mail),
    portalUrl: server.url,
  };
  return {
    url: server.url,
    partnershipId: config.partnershipId,
    mailbox: () => (ses ? readMailbox(ses.endpoint) : Promise.resolve([])),
    reminders: (date) => runReminders(jobs, date, new Date(Date.now() + offset)),
    outbox: () => runOutbox(jobs, new Date(Date.now() + offset)),
    advanceClock(ms) {
      offset += ms;
    },
    async stop() {
      await server.close();
      await tables.drop();
      await ses?.stop();
    },
  };
}
