import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { addressKey, clientAddress } from './client-address.js';

function ask(opts: { trustProxy?: boolean; headers?: Record<string, string>; env?: unknown }) {
  const app = new Hono().get('/', (c) => c.text(clientAddress(c, opts.trustProxy ?? false)));
  return Promise.resolve(app.request('/', { headers: opts.headers ?? {} }, opts.env)).then((r) => r.text());
}
const socket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress, remotePort: 50000, remoteFamily: remoteAddress.includes(':') ? 'IPv6' : 'IPv4' } } });

describe('client address for sign-in throttling', () => {
  it('when no proxy is trusted (the default), X-Forwarded-For is ignored and the connection decides', async () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(await ask({ env: socket('203.0.113.7'), headers: { 'X-Forwarded-For': '198.51.100.1' } })).toBe('203.0.113.7');
    expect(await ask({ headers: { 'X-Forwarded-For': '198.51.100.1' } })).toBe('unknown');
  });

  it('when a proxy is trusted, the hop it added (the right-most) is used and client-written hops are not', async () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    const headers = { 'X-Forwarded-For': '1.2.3.4, 198.51.100.23' };
    expect(await ask({ trustProxy: true, env: socket('127.0.0.1'), headers })).toBe('198.51.100.23');
  });

  it('when a trusted proxy sends no usable address, the connection decides', async () => {
    expect(await ask({ trustProxy: true, env: socket('127.0.0.1'), headers: { 'X-Forwarded-For': 'not-an-address' } })).toBe('127.0.0.1');
    expect(await ask({ trustProxy: true, env: socket('127.0.0.1') })).toBe('127.0.0.1');
  });

  it('when running in Lambda, the source address API Gateway saw is used, not the header', async () => {
    const env = { requestContext: { http: { sourceIp: '203.0.113.9' } } };
    expect(await ask({ env, headers: { 'X-Forwarded-For': '198.51.100.1' } })).toBe('203.0.113.9');
  });

  it('when the address is IPv6, the /64 network is the key; IPv4-mapped addresses are plain IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
  });

  it('when TRUST_PROXY has another value, configuration refuses it', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });
});
