import type { MailConfig, Mailer } from './mailer.js';

/**
 * SES, loaded on first send: the SDK's SES client stays off the API's start-up path (most requests
 * send no email). Same behaviour as `SesMailer` (ses-mailer.ts).
 */
export function lazySesMailer(config: MailConfig): Mailer {
  let loaded: Promise<Mailer> | undefined;
  const ses = () => {
    loaded ??= import('./ses-mailer.js').then((m) => new m.SesMailer(m.createSesClient(config), config));
    return loaded;
  };
  return { send: async (mail) => (await ses()).send(mail) };
}
