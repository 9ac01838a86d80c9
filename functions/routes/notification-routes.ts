import { z } from 'zod';
import { NotificationSettingsRequest, NotificationSettingsView, UnsubscribeRequest, UnsubscribeView } from '../../shared/notifications/kinds.js';
import { UnsupportedMediaType, ValidationFailed } from '../domain/errors.js';
import { writeContext } from '../http/auth-middleware.js';
import { etagFor } from '../http/etag.js';
import { ALL_ROLES, apiRoutes, declareRoute, json } from '../http/route.js';

const getSettings = declareRoute({
  method: 'get',
  path: '/me/notifications',
  operationId: 'getNotificationSettings',
  summary: 'Which optional emails the signed-in person gets, and when',
  tag: 'Reminders',
  roles: ALL_ROLES,
  response: json(NotificationSettingsView, 'Their choice for each kind (straight away unless changed)', { etag: true }),
});

const putSettings = declareRoute({
  method: 'put',
  path: '/me/notifications',
  operationId: 'setNotificationSettings',
  summary: 'Change which optional emails the signed-in person gets (only the kinds sent change)',
  tag: 'Reminders',
  roles: ALL_ROLES,
  ifMatch: 'until-created',
  body: { schema: NotificationSettingsRequest },
  response: json(NotificationSettingsView, 'Their choices as saved', { etag: true }),
});

const unsubscribe = declareRoute({
  method: 'post',
  path: '/unsubscribe',
  operationId: 'unsubscribe',
  summary: "Stop one kind of email from its email's link (no sign-in: the link's secret is the person's own)",
  tag: 'Public',
  body: { schema: UnsubscribeRequest, personalData: false },
  response: json(UnsubscribeView, 'Which emails stopped'),
  errors: [404],
});

export function notificationRoutes() {
  return apiRoutes()
    .openapi(getSettings, async (c) => {
      const s = await c.var.services.notificationSettings.get(c.get('user'));
      c.header('ETag', etagFor(s.version));
      return c.json(s, 200);
    })
    .openapi(putSettings, async (c) => {
      const s = await c.var.services.notificationSettings.update(c.get('user'), c.req.valid('json').choices, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(s.version));
      return c.json(s, 200);
    });
}

/**
 * RFC 8058 one-click unsubscribe: the address in an optional email's `List-Unsubscribe` header,
 * which a mail client POSTs `List-Unsubscribe=One-Click` to (form-encoded, no sign-in, no page).
 */
const unsubscribeOneClick = declareRoute({
  method: 'post',
  path: '/unsubscribe/one-click',
  operationId: 'unsubscribeOneClick',
  summary: "Stop one kind of email from a mail client's unsubscribe button (RFC 8058 one-click)",
  tag: 'Public',
  query: z.object({ token: UnsubscribeRequest.shape.token }).strict(),
  form: {
    mediaType: 'application/x-www-form-urlencoded',
    schema: { type: 'object', properties: { 'List-Unsubscribe': { type: 'string', enum: ['One-Click'] } }, required: ['List-Unsubscribe'] },
  },
  response: json(UnsubscribeView, 'Which emails stopped'),
  errors: [404],
});

/** Mounted before sign-in is checked. */
export function publicNotificationRoutes() {
  return apiRoutes()
    .openapi(unsubscribe, async (c) =>
      c.json(await c.var.services.notificationSettings.unsubscribe(c.req.valid('json').token, { requestId: c.get('requestId'), now: c.get('now') }), 200),
    )
    .openapi(unsubscribeOneClick, async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) throw new UnsupportedMediaType();
      const form = await c.req.parseBody();
      if (form['List-Unsubscribe'] !== 'One-Click') throw new ValidationFailed([{ path: 'List-Unsubscribe', message: 'Send List-Unsubscribe=One-Click' }]);
      return c.json(await c.var.services.notificationSettings.unsubscribe(c.req.valid('query').token, { requestId: c.get('requestId'), now: c.get('now') }), 200);
    });
}
