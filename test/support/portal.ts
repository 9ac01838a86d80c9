import { resolve } from 'node:path';
import { generateLocalKeys } from '../../functions/auth/tokens.js';
import { startServer } from '../../functions/local/server.js';
import { createSeededTables, testConfig } from './tables.js';

/**
 * The whole portal as `npm start` runs it (API + built SPA on @hono/node-server), on a free port
 * with its own seeded tables. The SPA must be built (`web/dist`).
 */
export async function startTestPortal(): Promise<{ url: string; stop(): Promise<void> }> {
  const tables = await createSeededTables(testConfig());
  const server = await startServer({ config: tables.config, doc: tables.doc, keys: await generateLocalKeys(), webDist: resolve('web/dist'), port: 0 });
  return {
    url: server.url,
    async stop() {
      await server.close();
      await tables.drop();
    },
  };
}
