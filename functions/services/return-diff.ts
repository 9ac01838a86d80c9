import type { StoredSection } from '../repositories/return-repository.js';

const MAX = 500;
const clip = (v: unknown): unknown => {
  if (typeof v === 'string') return v.length > MAX ? `${v.slice(0, MAX)}… (${v.length} characters)` : v;
  if (Array.isArray(v)) return v.length > 20 ? `${v.length} entries` : v.map(clip);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clip(x)]));
  return v;
};

const FIELDS = ['confidence', 'narrative', 'milestones', 'risks', 'escalations', 'metrics'] as const;

/**
 * Field-level changes between the sections before and after a save, as `{"family-help.narrative":
 * {from, to}}`. Long values are clipped so an audit event stays well inside DynamoDB's item limit.
 */
export function diffSections(before: StoredSection[], after: StoredSection[]): Record<string, { from: unknown; to: unknown }> {
  const old = new Map(before.map((s) => [s.workstreamId, s]));
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const s of after) {
    const b = old.get(s.workstreamId);
    for (const f of FIELDS) {
      const from = b ? b[f] : undefined;
      if (JSON.stringify(from ?? null) !== JSON.stringify(s[f] ?? null)) out[`${s.workstreamId}.${f}`] = { from: clip(from ?? null), to: clip(s[f]) };
    }
  }
  return out;
}
