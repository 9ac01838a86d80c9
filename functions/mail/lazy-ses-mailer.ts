import { onFirstUse } from '../on-first-use.js';
import { type MailConfig, type Mailer, MailUnavailableError } from './mailer.js';

/**
 * SES, loaded on first send: the SDK's SES client stays off the API's start-up path (most requests
 * send no email). Same behaviour as `SesMailer` (ses-mailer.ts).
 */
export function lazySesMailer(config: MailConfig): Mailer {
  const ses = onFirstUse(
    () => import('./ses-mailer.js').then((m): Mailer => new m.SesMailer(m.createSesClient(config), config)),
    (err) => new MailUnavailableError(`Email could not be sent: ${err instanceof Error ? err.message : String(err)}`, err),
  );
  return { send: async (mail) => (await ses()).send(mail) };
}
