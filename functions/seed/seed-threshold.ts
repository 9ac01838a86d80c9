import { readFileSync, existsSync } from 'node:fs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { sha256Hex } from '../documents/document-store.js';
import { ThresholdRepository, type StoredVersion } from '../repositories/threshold-repository.js';
import { Decision } from '../../shared/threshold/schema.js';

const SeedThreshold = z.object({
  requiredAgencyIds: z.array(z.string()).min(1),
  versions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      versionLabel: z.string(),
      summaryOfChanges: z.string(),
      effectiveFrom: z.string(),
      issuedBy: z.string(),
      issuedAt: z.string(),
      content: z.string(),
      decisions: z.array(z.object({ agencyId: z.string(), decision: Decision, comment: z.string(), by: z.string(), at: z.string() })),
    }),
  ),
});

/** Items for the threshold document record: config, versions (oldest first), content, decisions. */
export function thresholdSeedItems(doc: DynamoDBDocumentClient, table: string, pid: string, dataDir: URL, names: Map<string, string>): Record<string, unknown>[] {
  const url = new URL('threshold.json', dataDir);
  if (!existsSync(url)) return [];
  const seed = SeedThreshold.parse(JSON.parse(readFileSync(url, 'utf8')));
  const repo = new ThresholdRepository(doc, table, pid);
  const versions = [...seed.versions].sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
  const items: Record<string, unknown>[] = [
    repo.configItem({ requiredAgencyIds: seed.requiredAgencyIds, currentVersionId: versions.at(-1)?.id ?? null, version: versions.length }),
  ];
  for (const v of versions) {
    const sha256 = sha256Hex(v.content);
    const stored: StoredVersion = {
      id: v.id,
      title: v.title,
      versionLabel: v.versionLabel,
      summaryOfChanges: v.summaryOfChanges,
      effectiveFrom: v.effectiveFrom,
      issuedBy: v.issuedBy,
      issuedByName: names.get(v.issuedBy) ?? v.issuedBy,
      issuedAt: v.issuedAt,
      sha256,
      contentType: 'text/markdown',
      size: Buffer.byteLength(v.content),
      requiredAgencyIds: seed.requiredAgencyIds,
    };
    items.push(repo.versionItem(stored), repo.contentItem(v.id, { content: v.content }));
    for (const d of v.decisions) items.push(repo.decisionItem(v.id, { ...d, byName: names.get(d.by) ?? d.by, sha256 }));
  }
  return items;
}
