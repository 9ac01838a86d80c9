import { timingSafeEqual } from 'node:crypto';
import type { Me } from '../../shared/auth/roles.js';
import { isOptionalKind, KIND_LABELS, type NotificationChoices, type OptionalKind, withDefaults } from '../../shared/notifications/kinds.js';
import type { WriteContext, Writer } from '../db/transact.js';
import { NotFound } from '../domain/errors.js';
import type { PreferenceRepository } from '../repositories/preference-repository.js';
import type { UserRepository } from '../repositories/user-repository.js';
import { assertVersion, type ExpectedVersion } from '../repositories/version-guard.js';

const LINK_WRONG = 'This link does not work: it may have been copied only in part. Sign in and choose which emails you get on the email settings page.';

/**
 * Each person's choice, per kind of optional email: straight away, in a weekly summary, or never.
 * Changed on the settings page (versioned) or with one click from an email's "Stop emails like
 * this one" link, whose secret is the person's own; both audited, and only real changes.
 */
export class NotificationSettingsService {
  constructor(
    private readonly prefs: PreferenceRepository,
    private readonly users: UserRepository,
    private readonly writer: Writer,
  ) {}

  async get(me: Me) {
    const stored = await this.prefs.get(me.id);
    return { choices: withDefaults(stored?.choices), version: stored?.version ?? 0 };
  }

  async update(me: Me, choices: NotificationChoices, expected: ExpectedVersion, ctx: WriteContext) {
    const stored = await this.prefs.get(me.id);
    assertVersion(stored, expected);
    const before = withDefaults(stored?.choices);
    const after = { ...before, ...choices };
    const changes = Object.fromEntries((Object.keys(after) as OptionalKind[]).filter((k) => after[k] !== before[k]).map((k) => [k, { from: before[k], to: after[k] }]));
    if (Object.keys(changes).length === 0) return { choices: before, version: stored?.version ?? 0 };
    const version = stored?.version ?? 0;
    await this.writer.write(
      [this.prefs.putOp(me.id, after, version)],
      { action: 'user.notifications', entityType: 'user', entityId: me.id, summary: 'Changed which emails they get', changes },
      ctx,
    );
    return { choices: after, version: version + 1 };
  }

  /** One click from an email: that kind of email stops for that person. */
  async unsubscribe(token: string, ctx: { requestId: string; now: Date }): Promise<{ kind: OptionalKind; label: string }> {
    const [userId, kind, key] = token.split('.');
    if (!userId || !kind || !key || !isOptionalKind(kind)) throw new NotFound(LINK_WRONG);
    const user = await this.users.getById(userId);
    const known = user?.unsubscribeKey;
    if (!user || !known || known.length !== key.length || !timingSafeEqual(Buffer.from(known), Buffer.from(key))) throw new NotFound(LINK_WRONG);
    const stored = await this.prefs.get(user.id);
    const before = withDefaults(stored?.choices);
    if (before[kind] !== 'off') {
      await this.writer.write(
        [this.prefs.putOp(user.id, { ...before, [kind]: 'off' }, stored?.version ?? 0)],
        { action: 'user.notifications', entityType: 'user', entityId: user.id, summary: 'Stopped an email from its link', changes: { [kind]: { from: before[kind], to: 'off' } } },
        { actor: { userId: user.id, email: user.email, name: user.name, role: user.role, agencyId: user.agencyId }, requestId: ctx.requestId, now: ctx.now },
      );
    }
    return { kind, label: KIND_LABELS[kind].label };
  }
}
