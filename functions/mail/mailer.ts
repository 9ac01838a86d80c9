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
