import type { NotificationChoices } from '../../../shared/notifications/kinds.js';
import { api, etagOfVersion, ifMatch, publicPartnershipApi, read, type OkOf } from './client.js';
import { createApiQuery, QUERY } from './queries.js';

export type NotificationSettings = OkOf<typeof api.api.me.notifications.$get>;

export const useNotificationSettings = () => createApiQuery(QUERY.notificationSettings, () => read(api.api.me.notifications.$get()));

/** Saves the choices sent, on top of the version shown (0: none saved yet, no If-Match). */
export const saveNotificationSettings = (choices: NotificationChoices, version: number) =>
  read(api.api.me.notifications.$put({ json: { choices } }, ifMatch(etagOfVersion(version))));

/** One click from an email's link (no sign-in). */
export const unsubscribe = (token: string) => read(publicPartnershipApi.unsubscribe.$post({ json: { token } }));
