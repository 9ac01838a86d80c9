import { BatchGetCommand, GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../../shared/auth/roles.js';
import type { PartnershipConfiguration } from '../../shared/partnership/template.js';
import { partnershipKeys, platformKeys, userKeys } from '../db/keys.js';
import { queryAll } from '../db/query.js';
import type { WriteOp } from '../db/transact.js';
import type { AppError } from '../http/errors.js';
import { PeriodRepository } from './period-repository.js';
import { ReadinessRepository } from './readiness-repository.js';
import { ThresholdRepository } from './threshold-repository.js';

/** A partnership the service hosts, as its list holds it. */
export interface HostedPartnership {
  id: string;
  name: string;
  shortName: string;
}

/** How a partnership came to be hosted: absent for one loaded as demo data or migrated. */
export interface Creation {
  createdAt: string;
  createdBy: { id: string; name: string };
  templateId: string;
  templateVersion: number;
}

/** A line of the list as platform administration shows it. */
export interface HostedPartnershipRecord extends HostedPartnership {
  createdAt: string | null;
  createdBy: string | null;
  templateId: string | null;
}

/** A person's place in one partnership: what the list of their partnerships shows. */
export interface Membership extends HostedPartnership {
  role: Role;
  agencyId: string | null;
}

/** The person as one partnership's record has them (what that partnership's pages act for). */
export interface MemberRecord extends Membership {
  person: { id: string; email: string; name: string; role: Role; agencyId: string | null; signatory: boolean; agencyAdmin: boolean };
}

/** A platform administrator: the service's own record, in both modes (locally it also holds the password hash). */
export interface PlatformAdminRecord {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'deactivated';
  /** Local sign-in only. */
  passwordHash?: string;
  lastSignInAt?: string;
  createdAt?: string;
}

/** What the check on every platform request reads: never the password hash. */
export type PlatformAdminAccess = { access: 'active'; admin: { id: string; email: string; name: string } } | { access: 'deactivated' | 'none' };

/** BatchGetItem reads at most 100 keys a call. */
const BATCH = 100;

const ADMIN_ACCESS_ATTRIBUTES = { ProjectionExpression: '#id, email, #name, #status', ExpressionAttributeNames: { '#id': 'id', '#name': 'name', '#status': 'status' } };

/**
 * What belongs to the service rather than to one partnership. Access patterns: "partnerships
 * hosted" (one Query of the list's partition), "a person's records in each", "where each address
 * is a person" and "whose is this person id" (BatchGetItem of one key in every partnership: one
 * call per hundred), "a platform administrator" (one GetItem), and "create a partnership" (the
 * write ops of its first items).
 */
export class PlatformRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async listPartnerships(): Promise<HostedPartnership[]> {
    return (await this.listHosted()).map(({ id, name, shortName }) => ({ id, name, shortName }));
  }

  /** The same one Query, with how each partnership came to be hosted. */
  async listHosted(): Promise<HostedPartnershipRecord[]> {
    const items = await queryAll(this.doc, { TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': platformKeys.partnerships } });
    return items.map((i) => ({
      id: String(i.sk),
      name: String(i.name),
      shortName: String(i.shortName),
      createdAt: typeof i.createdAt === 'string' ? i.createdAt : null,
      createdBy: typeof (i.createdBy as { name?: unknown } | undefined)?.name === 'string' ? String((i.createdBy as { name: string }).name) : null,
      templateId: typeof i.templateId === 'string' ? i.templateId : null,
    }));
  }

  /** The item that lists a partnership (written with the partnership itself, last: see `createPartnership`). */
  partnershipItem(p: HostedPartnership, creation?: Creation): Record<string, unknown> {
    return { ...platformKeys.partnership(p.id), entity: 'HostedPartnership', name: p.name, shortName: p.shortName, ...creation };
  }

  /** Whether `pid` is listed or has a partnership record (two GetItems of keys only, in parallel). */
  async isTaken(pid: string): Promise<boolean> {
    const [listed, record] = await Promise.all(
      [platformKeys.partnership(pid), partnershipKeys.partnership(pid)].map((Key) =>
        this.doc.send(new GetCommand({ TableName: this.table, Key, ConsistentRead: true, ProjectionExpression: 'pk' })),
      ),
    );
    return Boolean(listed?.Item || record?.Item);
  }

  /** The partnerships where `email` is active, in the list's order. */
  async membershipsOf(email: string): Promise<Membership[]> {
    return (await this.memberRecordsOf(email)).map(({ person: _p, ...m }) => m);
  }

  /** The same, with the person as each partnership's record has them: one read for both. */
  async memberRecordsOf(email: string): Promise<MemberRecord[]> {
    const hosted = await this.listPartnerships();
    const found = await this.batchGet(
      hosted.map((p) => userKeys.user(p.id, email)),
      // What the list shows and what each partnership's pages act for: never the password hash.
      {
        ProjectionExpression: 'pk, #id, email, #name, #role, agencyId, signatory, agencyAdmin, #status',
        ExpressionAttributeNames: { '#id': 'id', '#name': 'name', '#role': 'role', '#status': 'status' },
      },
    );
    return hosted.flatMap((p) => {
      const r = found.get(userKeys.user(p.id, email).pk);
      // Someone invited who has not set a password yet, or deactivated, has no place to work there now.
      if (!r || r.status === 'deactivated' || r.status === 'invited') return [];
      const role = r.role as Role;
      const agencyId = (r.agencyId as string | null | undefined) ?? null;
      const person = { id: String(r.id), email: String(r.email), name: String(r.name), role, agencyId, signatory: r.signatory === true, agencyAdmin: r.agencyAdmin === true };
      return [{ ...p, role, agencyId, person }];
    });
  }

  /**
   * Access pattern "where each address is a person": for each address, the partnerships (in the
   * list's order) holding a person record for it, whatever its status (invited and deactivated
   * included): where mail to it must stop when it bounces. One Query of the list, then one
   * BatchGetItem per hundred keys reading the key alone, so nothing of the person leaves the table.
   */
  async partnershipsWithPersonRecord(emails: readonly string[]): Promise<Map<string, string[]>> {
    const addresses = [...new Set(emails.map((e) => e.toLowerCase()))];
    if (addresses.length === 0) return new Map();
    const hosted = await this.listPartnerships();
    const found = await this.batchGet(
      addresses.flatMap((email) => hosted.map((p) => userKeys.user(p.id, email))),
      { ProjectionExpression: 'pk' },
    );
    return new Map(addresses.map((email) => [email, hosted.filter((p) => found.has(userKeys.user(p.id, email).pk)).map((p) => p.id)]));
  }

  /**
   * The partnership whose person has this id (ids are random UUIDs, so at most one), or null: how
   * a set-password link, which names only the person, finds its partnership.
   */
  async partnershipOfPerson(personId: string): Promise<string | null> {
    const hosted = await this.listPartnerships();
    const found = await this.batchGet(
      hosted.map((p) => userKeys.byId(p.id, personId)),
      { ProjectionExpression: 'pk' },
    );
    return hosted.find((p) => found.has(userKeys.byId(p.id, personId).pk))?.id ?? null;
  }

  /** Items by key, a hundred a call, unprocessed keys tried again; by `pk`. */
  private async batchGet(all: Record<string, unknown>[], projection: { ProjectionExpression: string; ExpressionAttributeNames?: Record<string, string> }) {
    const found = new Map<string, Record<string, unknown>>();
    for (let i = 0; i < all.length; i += BATCH) {
      let keys: Record<string, unknown>[] | undefined = all.slice(i, i + BATCH);
      for (let attempt = 0; keys?.length && attempt < 5; attempt++) {
        const res = await this.doc.send(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: keys, ...projection } } }));
        for (const item of res.Responses?.[this.table] ?? []) found.set(String(item.pk), item);
        keys = res.UnprocessedKeys?.[this.table]?.Keys as Record<string, unknown>[] | undefined;
      }
    }
    return found;
  }

  // -------------------------------------------------------------------------------------------
  // Platform administrators

  /**
   * Access pattern "platform administrator by email": one strongly consistent GetItem of status,
   * id and name (never the password hash), read on every platform request through a short cache.
   */
  async getAdminAccess(email: string): Promise<PlatformAdminAccess> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: platformKeys.admin(email), ConsistentRead: true, ...ADMIN_ACCESS_ATTRIBUTES }));
    const i = res.Item;
    if (!i) return { access: 'none' };
    if (i.status !== 'active') return { access: 'deactivated' };
    return { access: 'active', admin: { id: String(i.id), email: String(i.email), name: String(i.name) } };
  }

  /** Whether the service has any platform administrator yet (one item read): `npm run bootstrap` asks before naming the first. */
  async hasAnyAdmin(): Promise<boolean> {
    const res = await this.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': platformKeys.admins },
        Limit: 1,
        ProjectionExpression: 'pk',
      }),
    );
    return (res.Items?.length ?? 0) > 0;
  }

  /** The whole record, password hash included: for the local sign-in only. */
  async getAdmin(email: string): Promise<PlatformAdminRecord | null> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: platformKeys.admin(email), ConsistentRead: true }));
    return (res.Item as PlatformAdminRecord | undefined) ?? null;
  }

  /** An administrator's item (for seeding). */
  adminItem(admin: PlatformAdminRecord): Record<string, unknown> {
    return { ...platformKeys.admin(admin.email), entity: 'PlatformAdmin', ...admin, email: admin.email.toLowerCase() };
  }

  /** Write op: record a sign-in, only while the administrator is still active (`onRefused` otherwise). */
  recordAdminSignInOp(email: string, at: string, onRefused: () => AppError): WriteOp {
    return {
      item: {
        Update: {
          TableName: this.table,
          Key: platformKeys.admin(email),
          UpdateExpression: 'SET lastSignInAt = :at',
          ConditionExpression: '#s = :active',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':at': at, ':active': 'active' },
        },
      },
      onConditionFailed: onRefused,
    };
  }

  /**
   * Write op: check, inside the transaction, that the administrator acting is still active, so one
   * deactivated a moment ago (whose access is still remembered for up to a minute) changes nothing.
   */
  adminHoldsOp(email: string, onLost: () => AppError): WriteOp {
    return {
      item: {
        ConditionCheck: {
          TableName: this.table,
          Key: platformKeys.admin(email),
          ConditionExpression: '#s = :active',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':active': 'active' },
        },
      },
      onConditionFailed: onLost,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Creating a partnership

  /**
   * Write ops: the new partnership's configuration (agencies, workstreams, readiness criteria,
   * reporting periods, the threshold document's signatories), each a put that must find its key
   * free (`onTaken` otherwise). None of them makes the partnership exist: see {@link goLiveOps}.
   */
  configurationOps(config: PartnershipConfiguration, onTaken: () => AppError): WriteOp[] {
    const pid = config.partnership.id;
    const readiness = new ReadinessRepository(this.doc, this.table, pid);
    const periods = new PeriodRepository(this.doc, this.table, pid);
    const threshold = new ThresholdRepository(this.doc, this.table, pid);
    const items = [
      ...config.agencies.map((a) => ({ ...partnershipKeys.agency(pid, a.id), entity: 'Agency', ...a })),
      ...config.workstreams.map((w) => ({ ...partnershipKeys.workstream(pid, w.id), entity: 'Workstream', ...w })),
      ...config.readiness.criteria.map((c) => readiness.criterionItem({ ...c, version: 1 })),
      ...config.periods.map((p) => periods.periodItem(p)),
      threshold.configItem({ requiredAgencyIds: config.threshold.requiredAgencyIds, currentVersionId: null, version: 1 }),
    ];
    return items.map((Item) => ({ item: { Put: { TableName: this.table, Item, ConditionExpression: 'attribute_not_exists(pk)' } }, onConditionFailed: onTaken }));
  }

  /**
   * Write ops that make a partnership exist: its record (what `/api/p/{id}/...` checks) and its line
   * in the service's list (what sign-in and platform administration read). Written last, in the
   * transaction that also writes its first lead, so a partnership is usable and listed only once
   * everything it needs is there.
   */
  goLiveOps(config: PartnershipConfiguration, creation: Creation, onTaken: () => AppError): WriteOp[] {
    const p = config.partnership;
    return [{ ...partnershipKeys.partnership(p.id), entity: 'Partnership', ...p }, this.partnershipItem(p, creation)].map((Item) => ({
      item: { Put: { TableName: this.table, Item, ConditionExpression: 'attribute_not_exists(pk)' } },
      onConditionFailed: onTaken,
    }));
  }

  /** Write op: the partnership is not live yet (its record is absent): for each part of a creation written before it goes live. */
  notLiveOp(pid: string, onLive: () => AppError): WriteOp {
    return {
      item: { ConditionCheck: { TableName: this.table, Key: partnershipKeys.partnership(pid), ConditionExpression: 'attribute_not_exists(pk)' } },
      onConditionFailed: onLive,
    };
  }

  /** Write ops that take back items put by earlier ops (a creation that could not finish). */
  undoOps(puts: readonly WriteOp[]): WriteOp[] {
    return puts.flatMap((op) => {
      const item = op.item.Put?.Item;
      return item ? [{ item: { Delete: { TableName: this.table, Key: { pk: item.pk, sk: item.sk } } } }] : [];
    });
  }
}
