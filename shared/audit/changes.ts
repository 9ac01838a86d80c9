/**
 * What an audit event records as changed: only fields whose value really changed. Values are
 * compared in a normalised form, because the same answer can come back from storage in another
 * shape: object keys in another order (DynamoDB maps have no order), an optional field absent in
 * one and empty (null, "" or []) in the other, text with other line endings or trailing spaces.
 */

export type Changes = Record<string, { from: unknown; to: unknown }>;

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The value in a canonical form: keys sorted, empty properties dropped, text trimmed with \n line ends. */
export function normaliseValue(v: unknown): unknown {
  if (typeof v === 'string') return v.replace(/\r\n?/g, '\n').trim();
  if (Array.isArray(v)) return v.map(normaliseValue);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (!isEmpty(x)) out[k] = normaliseValue(x);
    }
    return out;
  }
  return v === undefined ? null : v;
}

/** Whether two values mean the same (see {@link normaliseValue}); empty values are all alike. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  return JSON.stringify(normaliseValue(a)) === JSON.stringify(normaliseValue(b));
}

const MAX_TEXT = 500;
const MAX_ENTRIES = 20;

/** Keeps an audit event well inside DynamoDB's item limit: long text and long lists are cut. */
export function clipForAudit(v: unknown): unknown {
  if (typeof v === 'string') return v.length > MAX_TEXT ? `${v.slice(0, MAX_TEXT)}… (${v.length} characters)` : v;
  if (Array.isArray(v)) return v.length > MAX_ENTRIES ? `${v.length} entries` : v.map(clipForAudit);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clipForAudit(x)]));
  return v;
}

/**
 * The fields of `after` that differ from `before` (a missing `before` means "did not exist"), as
 * `{[prefix + field]: {from, to}}` with long values clipped.
 */
export function changedFields<T extends object>(before: Partial<T> | null | undefined, after: T, fields: readonly (keyof T & string)[], prefix = ''): Changes {
  const out: Changes = {};
  for (const f of fields) {
    const from = before?.[f] ?? null;
    const to = after[f] ?? null;
    if (!sameValue(from, to)) out[`${prefix}${f}`] = { from: clipForAudit(from), to: clipForAudit(to) };
  }
  return out;
}

/** Whether a set of changes is empty, i.e. a write would record nothing. */
export const noChanges = (changes: Changes) => Object.keys(changes).length === 0;
