import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** What a request's environment may carry: @hono/node-server's `incoming`, or a Lambda event's request context. */
interface RequestBindings {
  incoming?: { socket?: { remoteAddress?: string } };
  requestContext?: { http?: { sourceIp?: string }; identity?: { sourceIp?: string } };
}

/**
 * The address a sign-in attempt comes from, for throttling.
 *
 * - Under @hono/node-server: the connection's peer address.
 * - In Lambda: the source address API Gateway saw (`requestContext.http.sourceIp`).
 * - `X-Forwarded-For` only when `trustProxy` is set, and then only the right-most entry: the
 *   address our one trusted proxy saw and appended. Entries to its left were sent by the client
 *   and can be anything, so trusting them would let a sprayer pick a fresh address per attempt.
 *
 * Returns `unknown` when no address is known (e.g. in-process test requests): those share one
 * bucket, which errs on the side of slowing attempts down.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const hop = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (hop && isIP(hop)) return addressKey(hop);
  }
  const env = c.env as RequestBindings | undefined;
  const lambda = env?.requestContext?.http?.sourceIp ?? env?.requestContext?.identity?.sourceIp;
  if (lambda && isIP(lambda)) return addressKey(lambda);
  if (env?.incoming?.socket) {
    const address = getConnInfo(c).remote.address;
    if (address && isIP(address)) return addressKey(address);
  }
  return 'unknown';
}

/**
 * The throttling key of an address: IPv4 as is (also when IPv4-mapped in IPv6), IPv6 by its /64
 * network, since one home or office line gets a whole /64 and could otherwise rotate addresses.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
