import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../../shared/auth/roles.js';
import { platformKeys, userKeys } from '../db/keys.js';
import { queryAll } from '../db/query.js';

/** A partnership the service hosts, as its list holds it. */
export interface HostedPartnership {
  id: string;
  name: string;
  shortName: string;
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

/** BatchGetItem reads at most 100 keys a call. */
const BATCH = 100;

/**
 * The service's list of partnerships and, through it, the partnerships a person works in. Access
 * patterns: "partnerships hosted" (one Query of the list's partition) and "a person's records in
 * each" (BatchGetItem of their record's key in every partnership: one call per hundred).
 */
export class PlatformRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async listPartnerships(): Promise<HostedPartnership[]> {
    const items = await queryAll(this.doc, { TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': platformKeys.partnerships } });
    return items.map((i) => ({ id: String(i.sk), name: String(i.name), shortName: String(i.shortName) }));
  }

  /** The item that lists a partnership (written with the partnership itself). */
  partnershipItem(p: HostedPartnership): Record<string, unknown> {
    return { ...platformKeys.partnership(p.id), entity: 'HostedPartnership', name: p.name, shortName: p.shortName };
  }

  /** The partnerships where `email` is active, in the list's order. */
  async membershipsOf(email: string): Promise<Membership[]> {
    return (await this.memberRecordsOf(email)).map(({ person: _p, ...m }) => m);
  }

  /** The same, with the person as each partnership's record has them: one read for both. */
  async memberRecordsOf(email: string): Promise<MemberRecord[]> {
    const hosted = await this.listPartnerships();
    const found = new Map<string, Record<string, unknown>>();
    for (let i = 0; i < hosted.length; i += BATCH) {
      let keys: Record<string, unknown>[] | undefined = hosted.slice(i, i + BATCH).map((p) => userKeys.user(p.id, email));
      for (let attempt = 0; keys?.length && attempt < 5; attempt++) {
        const res = await this.doc.send(
          new BatchGetCommand({
            RequestItems: {
              [this.table]: {
                Keys: keys,
                // What the list shows and what each partnership's pages act for: never the password hash.
                ProjectionExpression: 'pk, #id, email, #name, #role, agencyId, signatory, agencyAdmin, #status',
                ExpressionAttributeNames: { '#id': 'id', '#name': 'name', '#role': 'role', '#status': 'status' },
              },
            },
          }),
        );
        for (const item of res.Responses?.[this.table] ?? []) found.set(String(item.pk), item);
        keys = res.UnprocessedKeys?.[this.table]?.Keys as Record<string, unknown>[] | undefined;
      }
    }
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
}
