import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isIdentifierKey, type PiiKind } from '../../shared/pii/detect.js';
import { checkPersonalData, CONTACT_KINDS } from '../../shared/pii/policy.js';
import { entityOfItem, KEY_ATTRIBUTES } from '../repositories/erasure-repository.js';

/** One piece of stored text the detector flags: where it is and what kind, never the text. */
export interface StoredFinding {
  table: 'record' | 'audit';
  entityType: string;
  entityId: string;
  /** The field inside the stored item, e.g. `narrative` or `changes.summary.to`. */
  path: string;
  kind: PiiKind;
  /** Definite identifiers (NHS, NI numbers) must be erased; the rest need a person to look. */
  definite: boolean;
}

const skipKey = (key: string) => KEY_ATTRIBUTES.has(key) || isIdentifierKey(key) || key === 'actor' || key === 'personalDataConfirmed';

/**
 * Lists stored text that the personal-data detector flags, across both tables, so an existing
 * deployment can clean up with the lead's erasure. An offline command: it reads every item with
 * Scan, which no request path ever does.
 */
export async function scanStoredPersonalData(doc: DynamoDBDocumentClient, tables: { main: string; audit: string }, now = new Date()): Promise<StoredFinding[]> {
  const out: StoredFinding[] = [];
  for (const [table, name] of [
    ['record', tables.main],
    ['audit', tables.audit],
  ] as const) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(new ScanCommand({ TableName: name, ExclusiveStartKey: start }));
      for (const item of page.Items ?? []) {
        const owner = table === 'audit' ? { entityType: String(item.entityType ?? ''), entityId: String(item.entityId ?? '') } : entityOfItem(item);
        if (!owner) continue;
        const { refused, toConfirm } = checkPersonalData(item, {}, { now, skipKey });
        for (const w of refused) out.push({ table, ...owner, path: w.path, kind: w.kind, definite: true });
        for (const w of toConfirm) {
          // A kinship item's contact field publishes a service's phone, email and office: expected there.
          if (/(?:^|\.)contact$/.test(w.path) && CONTACT_KINDS.includes(w.kind)) continue;
          out.push({ table, ...owner, path: w.path, kind: w.kind, definite: false });
        }
      }
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return out;
}

/** The findings as lines for a terminal, definite identifiers first. */
export function formatFindings(findings: StoredFinding[]): string {
  if (!findings.length) return 'No stored text looks like personal data.';
  const sorted = [...findings].sort((a, b) => Number(b.definite) - Number(a.definite) || a.entityType.localeCompare(b.entityType) || a.entityId.localeCompare(b.entityId));
  const lines = sorted.map((f) => `${f.definite ? 'ERASE ' : 'check '} ${f.table.padEnd(6)} ${`${f.entityType} ${f.entityId}`.padEnd(52)} ${f.path.padEnd(36)} ${f.kind}`);
  const definite = findings.filter((f) => f.definite).length;
  return [
    `${findings.length} stored field(s) look like personal data; ${definite} hold an NHS or National Insurance number and must be erased.`,
    'The text itself is not shown here: open the record in the portal. The lead erases it with POST /api/erasures (record type, id, field, the exact text and why).',
    '',
    `${'action'.padEnd(6)} ${'where'.padEnd(6)} ${'record'.padEnd(52)} ${'field'.padEnd(36)} kind`,
    ...lines,
  ].join('\n');
}
