import { resolve } from 'node:path';
import { generateLocalKeys } from '../../functions/auth/tokens.js';
import { startServer } from '../../functions/local/server.js';
import { readMailbox, type StoredMail, startSesLocal } from '../../functions/local/ses-local.js';
import type { SeedFile } from '../../functions/seed/seed.js';
import { createSeededTables, testConfig } from './tables.js';

/**
 * The whole portal as `npm start` runs it (API + built SPA on @hono/node-server), on a free port
 * with its own seeded tables. The SPA must be built (`web/dist`).
 */
export interface TestPortal {
  url: string;
  /** With `mail`: what the local SES emulator has received, oldest first. */
  mailbox(): Promise<StoredMail[]>;
  /** Moves the portal's clock on (e.g. past the 60 s within which a deactivated person is refused). */
  advanceClock(ms: number): void;
  stop(): Promise<void>;
}

/**
 * `mail` also starts the SES emulator (as `npm start` does) and sends the portal's email to it.
 * The portal's clock is the real one plus whatever {@link TestPortal.advanceClock} has added.
 */
export async function startTestPortal(opts: { mail?: boolean; seed?: SeedFile } = {}): Promise<TestPortal> {
  const ses = opts.mail ? await startSesLocal() : null;
  const base = testConfig();
  const tables = await createSeededTables(ses ? { ...base, mail: { ...base.mail, endpoint: ses.endpoint } } : base, opts.seed);
  let offset = 0;
  const server = await startServer({
    config: tables.config,
    doc: tables.doc,
    keys: await generateLocalKeys(),
    webDist: resolve('web/dist'),
    port: 0,
    clock: () => new Date(Date.now() + offset),
  });
  return {
    url: server.url,
    mailbox: () => (ses ? readMailbox(ses.endpoint) : Promise.resolve([])),
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
