import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { notificationKeys } from '../db/keys.js';

/** Sending attempts before a notification is left as failed (each run of the job is one attempt). */
export const MAX_ATTEMPTS = 5;

/**
 * The notification ledger. Access pattern "claim (event, person)": one conditional UpdateItem that
 * succeeds only if the pair was never claimed, or its last attempt failed and attempts are left.
 * The job claims before it sends, so two overlapping runs never both send, and records the outcome
 * after (sent with the provider's id, or failed with the reason, retried by a later run).
 */
export class NotificationRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly pid: string,
  ) {}

  /** True when this run may send; false when it was sent, is being sent, or has failed too often. */
  async claim(eventKey: string, userId: string, details: { kind: string; email: string; now: Date }): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: notificationKeys.sent(this.pid, eventKey, userId),
          UpdateExpression:
            'SET #status = :sending, attempts = if_not_exists(attempts, :zero) + :one, claimedAt = :now, kind = :kind, email = :email, eventKey = :event, userId = :user, entity = :entity',
          ConditionExpression: 'attribute_not_exists(pk) OR (#status = :failed AND attempts < :max)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':failed': 'failed',
            ':zero': 0,
            ':one': 1,
            ':max': MAX_ATTEMPTS,
            ':now': details.now.toISOString(),
            ':kind': details.kind,
            ':email': details.email.toLowerCase(),
            ':event': eventKey,
            ':user': userId,
            ':entity': 'Notification',
          },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  async markSent(eventKey: string, userId: string, messageId: string, now: Date): Promise<void> {
    await this.setOutcome(eventKey, userId, { status: 'sent', messageId, at: now.toISOString() });
  }

  async markFailed(eventKey: string, userId: string, reason: string, now: Date): Promise<void> {
    await this.setOutcome(eventKey, userId, { status: 'failed', lastError: reason.slice(0, 500), at: now.toISOString() });
  }

  private async setOutcome(eventKey: string, userId: string, outcome: { status: 'sent' | 'failed'; at: string; messageId?: string; lastError?: string }) {
    const { status, at, ...rest } = outcome;
    const sets = Object.keys(rest).map((k) => `${k} = :${k}`);
    await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: notificationKeys.sent(this.pid, eventKey, userId),
        UpdateExpression: `SET #status = :status, outcomeAt = :at${sets.length ? `, ${sets.join(', ')}` : ''}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status, ':at': at, ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [`:${k}`, v])) },
      }),
    );
  }
}
