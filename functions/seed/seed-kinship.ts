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
  /** The agency that keeps the item: its provider when that is one of the partnership's agencies, so the file names it only for the others (a charity's item, kept by the council). */
  ownerAgencyId: z.string().optional(),
  $comment: z.string().optional(),
});

/**
 * Items of the Kinship Local Offer; published ones also get their first published revision. Each
 * belongs to the agency the file says keeps it, or else to its provider; one with neither, or an
 * owner that is not one of `agencyIds`, fails the seed.
 */
export function kinshipSeedItems(doc: DynamoDBDocumentClient, table: string, pid: string, dataDir: URL, agencyIds: readonly string[]): Record<string, unknown>[] {
  const url = new URL('kinship-items.json', dataDir);
  if (!existsSync(url)) return [];
  const repo = new KinshipRepository(doc, table, pid);
  const out: Record<string, unknown>[] = [];
  for (const raw of z.array(SeedItem).parse(JSON.parse(readFileSync(url, 'utf8')))) {
    const { id, status, lastReviewedAt, nextReviewDue, ownerAgencyId, $comment: _c, ...content } = raw;
    const owner = ownerAgencyId ?? content.providerAgencyId;
    if (!owner || !agencyIds.includes(owner)) throw new Error(`Seed kinship item ${id} has no owner among the partnership's agencies: give it an ownerAgencyId`);
    const publishedAt = status === 'published' && lastReviewedAt ? `${lastReviewedAt}T10:00:00.000Z` : null;
    const item: KinshipItem = {
      ...content,
      id,
      ownerAgencyId: owner,
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
