import type { AddressInfo } from 'node:net';
import sesEmulator from 'aws-ses-v2-local';

// A CommonJS package compiled from ES modules: Node hands its whole exports object to a default
// import, bundlers (Vitest) hand its `default`. Either way, the server function.
const startSesEmulator: typeof sesEmulator = typeof sesEmulator === 'function' ? sesEmulator : (sesEmulator as unknown as { default: typeof sesEmulator }).default;

/**
 * aws-ses-v2-local, the SES v2 API emulator, started in this process on a free loopback port: the
 * portal sends through the real SES client with an endpoint override, and sent mail is kept in
 * memory, readable at `/store` (JSON) and on the mailbox page at `/`.
 */
export interface SesLocal {
  /** The endpoint for the SES client. */
  endpoint: string;
  /** The mailbox page people open in a browser. */
  mailboxUrl: string;
  stop(): Promise<void>;
}

export async function startSesLocal(opts: { port?: number } = {}): Promise<SesLocal> {
  const server = await startSesEmulator({ host: '127.0.0.1', port: opts.port ?? 0 });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    mailboxUrl: `${endpoint}/`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** One message as the emulator keeps it (`GET /store`). */
export interface StoredMail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  headers?: { name: string; value: string }[];
  at: number;
}

/** The mail the emulator holds, oldest first. */
export async function readMailbox(endpoint: string): Promise<StoredMail[]> {
  const res = await fetch(`${endpoint}/store`, { signal: AbortSignal.timeout(5_000) });
  if (!res.ok) throw new Error(`The local mailbox answered ${res.status}`);
  const body = (await res.json()) as { emails: StoredMail[] };
  return body.emails;
}
