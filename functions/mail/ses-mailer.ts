import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { type MailConfig, type Mailer, MailUnavailableError, type OutgoingMail } from './mailer.js';

/** Amazon SES (v2 API); aws-ses-v2-local locally through an endpoint override (see mailer.ts). */
export function createSesClient(mail: MailConfig): SESv2Client {
  return new SESv2Client({
    region: mail.region,
    // One attempt: an SDK retry after a timeout could send the message twice. The job's ledger
    // retries failed sends on its next run instead.
    maxAttempts: 1,
    requestHandler: { connectionTimeout: Math.min(1000, mail.timeoutMs), requestTimeout: mail.timeoutMs },
    ...(mail.endpoint ? { endpoint: mail.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
}

export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly config: MailConfig,
  ) {}

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    if (mail.to.length === 0) throw new Error('A message needs at least one recipient');
    const headers = Object.entries(mail.headers ?? {}).map(([Name, Value]) => ({ Name, Value }));
    const command = new SendEmailCommand({
      FromEmailAddress: this.config.from,
      Destination: { ToAddresses: [...mail.to], ...(mail.cc?.length ? { CcAddresses: [...mail.cc] } : {}) },
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: mail.text, Charset: 'UTF-8' }, Html: { Data: mail.html, Charset: 'UTF-8' } },
          ...(headers.length ? { Headers: headers } : {}),
        },
      },
      ...(this.config.configurationSet ? { ConfigurationSetName: this.config.configurationSet } : {}),
    });
    try {
      const out = await this.client.send(command, { abortSignal: AbortSignal.timeout(this.config.timeoutMs) });
      return { messageId: out.MessageId ?? '' };
    } catch (err) {
      throw new MailUnavailableError(`Email could not be sent: ${err instanceof Error ? err.message : String(err)}`, err);
    }
  }
}
