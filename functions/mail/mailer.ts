import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';

/**
 * Sending email: one interface, one implementation on Amazon SES (v2 API). In AWS the client talks
 * to SES; locally (`npm start`, tests) the same client talks to aws-ses-v2-local through an
 * endpoint override, exactly as DynamoDB Local stands in for DynamoDB (functions/local/ses-local.ts).
 */

/** One message: plain text and HTML parts (GOV.UK Notify style: short, plain English, a link). */
export interface OutgoingMail {
  to: readonly string[];
  cc?: readonly string[];
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe on mail people can turn off. */
  headers?: Readonly<Record<string, string>>;
}

export interface Mailer {
  /** Sends one message; resolves with the provider's message id, or throws {@link MailUnavailableError}. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}

/** The mail service did not answer in time or refused: the caller records it and retries later. */
export class MailUnavailableError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'MailUnavailableError';
  }
}

export interface MailConfig {
  /** The sender, e.g. `Medway Safeguarding Children Partnership <no-reply@example.org>`. */
  from: string;
  region: string;
  /** aws-ses-v2-local's address locally; unset in AWS. */
  endpoint?: string;
  /** Deadline for one send, retries included. */
  timeoutMs: number;
  /** SES configuration set that publishes bounces and complaints (AWS only). */
  configurationSet?: string;
}

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
