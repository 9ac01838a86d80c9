import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { notificationKeys } from '../db/keys.js';

/** Sending attempts before a notification is given up (each run of the job is one attempt). */
export const MAX_ATTEMPTS = 5;
/**
 * A claim still "sending" after this long was abandoned (the run crashed or timed out between the
 * claim and the outcome): a later run may take it over. Far above a send's deadline.
 */
export const STALE_CLAIM_MS = 15 * 60_000;

/** Why a claim was refused: already sent, being sent by another run now, or given up. */
export type ClaimRefusal = 'sent-before' | 'in-flight' | 'gave-up';
export type Claim = { claimed: true; claimId: string } | { claimed: false; why: ClaimRefusal };

/** The attributes the ledger (and the job's record of its reminders) writes: IAM limits the job's role to these. */
export const LEDGER_ATTRIBUTES = [
  'pk',
  'sk',
  'entity',
  'status',
  'attempts',
  'claimId',
  'claimedAt',
  'kind',
  'email',
  'eventKey',
  'userId',
  'outcomeAt',
  'messageId',
  'lastError',
  // The job's record of when it last reminded an item's people (ChaseRepository.recordReminder).
  'agencyId',
  'at',
  'sentTo',
] as const;

/**
 * The notification ledger. Access pattern "claim (event, person)": one conditional UpdateItem that
 * succeeds only if the pair was never claimed, its last attempt failed with attempts left, or an
 * earlier claim was abandoned. The job claims before it sends, so overlapping runs never both send,
 * and records the outcome after, conditional on its own claim id (a run that lost its claim to a
 * takeover cannot overwrite the newer one).
 */
export class NotificationRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly pid: string,
  ) {}

  /**
   * Access pattern "who has had this event": one Query of the event's partition, returning the
   * people it was sent to. The job skips them without a write, so a run after the first costs a
   * read per event, not a conditional write per person.
   */
  async sentTo(eventKey: string): Promise<Set<string>> {
    const out = new Set<string>();
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': notificationKeys.sent(this.pid, eventKey, '').pk },
          ProjectionExpression: 'userId, #status',
          ExpressionAttributeNames: { '#status': 'status' },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of res.Items ?? []) if (item.status === 'sent') out.add(String(item.userId));
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }

  async claim(eventKey: string, userId: string, details: { kind: string; email: string; now: Date }): Promise<Claim> {
    const claimId = randomUUID();
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: notificationKeys.sent(this.pid, eventKey, userId),
          UpdateExpression:
            'SET #status = :sending, attempts = if_not_exists(attempts, :zero) + :one, claimId = :claim, claimedAt = :now, kind = :kind, email = :email, eventKey = :event, userId = :user, entity = :entity',
          ConditionExpression: 'attribute_not_exists(pk) OR (attempts < :max AND (#status = :failed OR (#status = :sending AND claimedAt < :stale)))',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':failed': 'failed',
            ':zero': 0,
            ':one': 1,
            ':max': MAX_ATTEMPTS,
            ':claim': claimId,
            ':now': details.now.toISOString(),
            ':stale': new Date(details.now.getTime() - STALE_CLAIM_MS).toISOString(),
            ':kind': details.kind,
            ':email': details.email.toLowerCase(),
            ':event': eventKey,
            ':user': userId,
            ':entity': 'Notification',
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { claimed: true, claimId };
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      // The item as it was (marshalled or not, depending on the client).
      const raw = (err as { Item?: Record<string, unknown> }).Item?.status;
      const status = typeof raw === 'string' ? raw : (raw as { S?: string } | undefined)?.S;
      return { claimed: false, why: status === 'sent' ? 'sent-before' : status === 'sending' ? 'in-flight' : 'gave-up' };
    }
  }

  /** Records that the provider accepted the message (only for the run that holds the claim). */
  async markSent(eventKey: string, userId: string, claimId: string, messageId: string, now: Date): Promise<void> {
    await this.setOutcome(eventKey, userId, claimId, { status: 'sent', messageId, at: now.toISOString() });
  }

  /** Records a failed attempt, to be tried again by a later run while attempts are left. */
  async markFailed(eventKey: string, userId: string, claimId: string, reason: string, now: Date): Promise<void> {
    await this.setOutcome(eventKey, userId, claimId, { status: 'failed', lastError: reason.slice(0, 500), at: now.toISOString() });
  }

  private async setOutcome(eventKey: string, userId: string, claimId: string, outcome: { status: 'sent' | 'failed'; at: string; messageId?: string; lastError?: string }) {
    const { status, at, ...rest } = outcome;
    const sets = Object.keys(rest).map((k) => `${k} = :${k}`);
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: notificationKeys.sent(this.pid, eventKey, userId),
          UpdateExpression: `SET #status = :status, outcomeAt = :at${sets.length ? `, ${sets.join(', ')}` : ''}`,
          ConditionExpression: 'claimId = :claim',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': status, ':at': at, ':claim': claimId, ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [`:${k}`, v])) },
        }),
      );
    } catch (err) {
      // Another run took the claim over (this one was presumed dead): its outcome is the one kept.
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
  }
}
