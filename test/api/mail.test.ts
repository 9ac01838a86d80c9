import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/config.js';
import { readMailbox, type SesLocal, startSesLocal } from '../../functions/local/ses-local.js';
import { MailUnavailableError } from '../../functions/mail/mailer.js';
import { createSesClient, SesMailer } from '../../functions/mail/ses-mailer.js';

/**
 * The mail path: the portal's SES v2 client sends to aws-ses-v2-local (as `npm start` does) and
 * the message is read back from the emulator's store. A mail service that does not answer gives a
 * MailUnavailableError within the deadline, never a hang.
 */
let ses: SesLocal;
beforeAll(async () => {
  ses = await startSesLocal();
});
afterAll(async () => {
  await ses.stop();
});

const mailConfig = (endpoint: string, timeoutMs = 5_000) => ({
  from: 'Medway Safeguarding Children Partnership <no-reply@portal.localhost>',
  region: 'eu-west-2',
  endpoint,
  timeoutMs,
});

describe('sending email through SES (the local emulator)', () => {
  it('when a message is sent, the mailbox holds it with both parts, the sender, the recipients and the headers', async () => {
    const mailer = new SesMailer(createSesClient(mailConfig(ses.endpoint)), mailConfig(ses.endpoint));
    const { messageId } = await mailer.send({
      to: ['police.partner@mscp.example'],
      cc: ['lead@mscp.example'],
      subject: 'Your quarterly return is due in 5 working days',
      text: 'Kent Police’s return for July to September 2026 is due on 14 October 2026.\n\nhttp://localhost:3000/our-return',
      html: '<p>Kent Police’s return for July to September 2026 is due on 14 October 2026.</p>',
      headers: { 'List-Unsubscribe': '<http://localhost:3000/settings/notifications>' },
    });
    expect(messageId).not.toBe('');

    const mail = (await readMailbox(ses.endpoint)).find((m) => m.messageId === messageId);
    expect(mail).toBeDefined();
    expect(mail!.from).toBe('Medway Safeguarding Children Partnership <no-reply@portal.localhost>');
    expect(mail!.destination.to).toEqual(['police.partner@mscp.example']);
    expect(mail!.destination.cc).toEqual(['lead@mscp.example']);
    expect(mail!.subject).toBe('Your quarterly return is due in 5 working days');
    expect(mail!.body.text).toContain('due on 14 October 2026');
    expect(mail!.body.html).toContain('<p>Kent Police’s return');
    expect(mail!.headers).toContainEqual({ name: 'List-Unsubscribe', value: '<http://localhost:3000/settings/notifications>' });
  });

  it('when a message has no recipient, it is refused before anything is sent', async () => {
    const before = (await readMailbox(ses.endpoint)).length;
    const mailer = new SesMailer(createSesClient(mailConfig(ses.endpoint)), mailConfig(ses.endpoint));
    await expect(mailer.send({ to: [], subject: 'x', text: 'x', html: 'x' })).rejects.toThrow(/at least one recipient/);
    expect((await readMailbox(ses.endpoint)).length).toBe(before);
  });

  describe('when the mail service accepts connections but never answers', () => {
    let silent: Server;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      silent = createServer((s) => void sockets.push(s));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });

    it('sending fails with MailUnavailableError at the deadline instead of hanging', async () => {
      const endpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const config = mailConfig(endpoint, 500);
      const mailer = new SesMailer(createSesClient(config), config);
      await expect(mailer.send({ to: ['lead@mscp.example'], subject: 'x', text: 'x', html: 'x' })).rejects.toBeInstanceOf(MailUnavailableError);
      expect(sockets.length).toBeGreaterThan(0);
    });
  });
});

describe('mail settings', () => {
  it('when nothing is set, mail comes from the portal address with a 5 second deadline; SES_ENDPOINT and MAIL_FROM are read', () => {
    expect(loadConfig({}).mail).toEqual({ from: 'Partnership Reform Portal <no-reply@portal.localhost>', region: 'eu-west-2', timeoutMs: 5000 });
    const set = loadConfig({ SES_ENDPOINT: 'http://127.0.0.1:8005', MAIL_FROM: 'MSCP <no-reply@mscp.example>', SES_CONFIGURATION_SET: 'portal' }).mail;
    expect(set).toEqual({ from: 'MSCP <no-reply@mscp.example>', region: 'eu-west-2', timeoutMs: 5000, endpoint: 'http://127.0.0.1:8005', configurationSet: 'portal' });
  });

  it('when SES_ENDPOINT is not an address, start-up names it', () => {
    expect(() => loadConfig({ SES_ENDPOINT: 'not a url' })).toThrow(/SES_ENDPOINT/);
  });
});
