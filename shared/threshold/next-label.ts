import { versionIdFor } from './schema.js';

/**
 * The labels that could follow the current one: a revision ("v3.0" -> "v3.1") and a major version
 * ("v3.0" -> "v4.0"), skipping any label already issued (labels that make the same version id clash,
 * as the server sees it). Null when the current label has no number to count on from.
 */
export function nextVersionLabels(current: string, issued: readonly string[] = []): { revision: string; major: string } | null {
  const m = /^(\D*?)(\d+)(?:\.(\d+))?$/.exec(current.trim());
  if (!m) return null;
  const [, prefix = '', majorText = '0', minorText] = m;
  const taken = new Set(issued.map(versionIdFor));
  const free = (make: (n: number) => string, from: number) => {
    let n = from;
    while (taken.has(versionIdFor(make(n)))) n++;
    return make(n);
  };
  const major = Number(majorText);
  const minor = Number(minorText ?? 0);
  const dotted = minorText !== undefined;
  return {
    revision: free((n) => `${prefix}${major}.${n}`, minor + 1),
    major: free((n) => (dotted ? `${prefix}${n}.0` : `${prefix}${n}`), major + 1),
  };
}
