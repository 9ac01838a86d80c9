import { existsSync, readFileSync } from 'node:fs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { ItemContent, ITEM_STATUSES, type KinshipItem } from '../../shared/kinship/schema.js';
import { KinshipRepository } from '../repositories/kinship-repository.js';

const SeedItem = ItemContent.extend({
  id: z.string(),
  status: z.enum(ITEM_STATUSES),
  lastReviewedAt: z.string().nullable(),
  nextReviewDue: z.string().nullable(),
  $comment: z.string().optional(),
});

/** Items of the Kinship Local Offer; published ones also get their first published revision. */
export function kinshipSeedItems(
  doc: DynamoDBDocumentClient,
  table: string,
  pid: string,
  dataDir: URL,
  ownerOf: (i: { providerAgencyId: string | null }) => string,
): Record<string, unknown>[] {
  const url = new URL('kinship-items.json', dataDir);
  if (!existsSync(url)) return [];
  const repo = new KinshipRepository(doc, table, pid);
  const out: Record<string, unknown>[] = [];
  for (const raw of z.array(SeedItem).parse(JSON.parse(readFileSync(url, 'utf8')))) {
    const { id, status, lastReviewedAt, nextReviewDue, $comment: _c, ...content } = raw;
    const publishedAt = status === 'published' && lastReviewedAt ? `${lastReviewedAt}T10:00:00.000Z` : null;
    const item: KinshipItem = {
      ...content,
      id,
      ownerAgencyId: ownerOf(content),
      status,
      version: 1,
      published: status === 'published' ? content : null,
      publishedAt,
      revisionPending: false,
      revision: status === 'published' ? 1 : 0,
      reviewComments: [],
      lastReviewedAt,
      nextReviewDue,
      createdBy: 'seed',
      updatedBy: 'seed',
      updatedAt: publishedAt ?? '2026-11-01T10:00:00.000Z',
    };
    out.push(repo.item(item));
    if (publishedAt) out.push(repo.revisionItem(id, 1, content, publishedAt, 'lead@mscp.example'));
  }
  return out;
}
