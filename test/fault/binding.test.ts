import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateLocalKeys, type LocalKeys } from '../../functions/auth/tokens.js';
import { startServer } from '../../functions/local/server.js';
import { createSeededTables, testConfig } from '../support/tables.js';

/** Whether a TCP connection to host:port is accepted ('open') or refused ('refused'). */
function probe(host: string, port: number): Promise<'open' | 'refused' | string> {
  return new Promise((done) => {
    const s = connect({ host, port, timeout: 5000 });
    s.once('connect', () => {
      s.destroy();
      done('open');
    });
    s.once('timeout', () => {
      s.destroy();
      done('timeout');
    });
    s.once('error', (e: NodeJS.ErrnoException) => done(e.code === 'ECONNREFUSED' ? 'refused' : (e.code ?? e.message)));
  });
}

/** This machine's addresses that other machines could use to reach it. */
const externalAddresses = () =>
  Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal && !a.address.startsWith('fe80:'))
    .map((a) => a!.address);

/** Local addresses of the sockets listening on `port`, from the kernel's own tables (Linux). */
function listeningAddresses(port: number): string[] {
  const out: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== '0A') continue; // 0A: LISTEN
      const [hexIp, hexPort] = local.split(':');
      if (parseInt(hexPort!, 16) !== port) continue;
      out.push(
        hexIp!.length === 8
          ? hexIp!
              .match(/../g)!
              .reverse()
              .map((b) => parseInt(b, 16))
              .join('.')
          : `ipv6:${hexIp}`,
      );
    }
  }
  return out;
}

describe('what listens on the network', () => {
  let keys: LocalKeys;
  let tables: Awaited<ReturnType<typeof createSeededTables>>;
  beforeAll(async () => {
    keys = await generateLocalKeys();
    tables = await createSeededTables(testConfig());
  });
  afterAll(async () => {
    await tables?.drop();
  });

  it('when the local server starts without HOST, it listens on 127.0.0.1 only', async () => {
    expect(tables.config.host).toBe('127.0.0.1');
    const server = await startServer({ config: tables.config, doc: tables.doc, keys, webDist: resolve('web/dist'), port: 0 });
    try {
      expect(server.host).toBe('127.0.0.1');
      expect(server.server.address()).toMatchObject({ address: '127.0.0.1', port: server.port });
      expect(await probe('127.0.0.1', server.port)).toBe('open');
      for (const address of externalAddresses()) expect(await probe(address, server.port), address).not.toBe('open');
    } finally {
      await server.close();
    }
  });

  it.runIf(process.platform === 'linux')('when HOST names another address, the local server listens there and not on 127.0.0.1', async () => {
    // All of 127.0.0.0/8 is loopback on Linux, so 127.0.0.2 shows HOST at work without opening anything.
    const server = await startServer({ config: { ...tables.config, host: '127.0.0.2' }, doc: tables.doc, keys, webDist: resolve('web/dist'), port: 0 });
    try {
      expect(server.server.address()).toMatchObject({ address: '127.0.0.2' });
      expect(await probe('127.0.0.2', server.port)).toBe('open');
      expect(await probe('127.0.0.1', server.port)).toBe('refused');
    } finally {
      await server.close();
    }
  });

  it('when DynamoDB Local runs, it listens on 127.0.0.1 only and other machines cannot reach it', async () => {
    const port = Number(new URL(inject('dynamoEndpoint')).port);
    expect(await probe('127.0.0.1', port)).toBe('open');
    if (process.platform === 'linux') expect(listeningAddresses(port)).toEqual(['127.0.0.1']);
    for (const address of externalAddresses()) expect(await probe(address, port), address).not.toBe('open');
  });
});
