import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mailStopKeys } from '../db/keys.js';
import { queryAll } from '../db/query.js';
import type { WriteOp } from '../db/transact.js';

/** Why mail to an address stopped: it bounced for good, or its owner marked our mail as spam. */
export interface MailStop {
  email: string;
  reason: 'bounce' | 'complaint';
  at: string;
  /** SES's words for it, e.g. "Permanent/NoEmail" or "abuse". */
  detail: string;
}

/**
 * The addresses the portal no longer emails (Amazon SES bounce and complaint events). Every job
 * reads the whole list once (one Query) and skips them; the lead sees them to put the address right.
 */
export class MailStopRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly pid: string,
  ) {}

  async list(): Promise<MailStop[]> {
    const items = await queryAll(this.doc, { TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': mailStopKeys.partition(this.pid) } });
    return items.map(({ pk: _p, sk: _s, entity: _e, ...rest }) => rest as unknown as MailStop);
  }

  /** The stopped addresses, lower case, for a job to skip. */
  async addresses(): Promise<Set<string>> {
    return new Set((await this.list()).map((s) => s.email.toLowerCase()));
  }

  stopOp(stop: MailStop): WriteOp {
    return { item: { Put: { TableName: this.table, Item: { ...mailStopKeys.entry(this.pid, stop.email), entity: 'MailStop', ...stop, email: stop.email.toLowerCase() } } } };
  }
}
