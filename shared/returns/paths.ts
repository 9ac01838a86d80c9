import type { Warning } from '../pii/detect.js';

/*
 * Field paths in a return, as zod and the API's problem+json name them (`sections[2].risks[0].title`):
 * the form field each one belongs to, and which section it points into.
 */

/** `risks[1].title` (a path inside a section) -> `risks-1-title`, the field's id. */
export function fieldId(path: string): string {
  return path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-');
}

/** A whole-return path as a path inside its section; a section-wide error belongs to the narrative. */
export const pathInSection = (path: string): string => path.replace(/^sections\[\d+\]\.?/, '') || 'narrative';

/** The section a whole-return path points into, and the first field inside it (`risks` for `sections[0].risks[1].title`). */
export function sectionAt<S>(view: { sections: readonly S[] }, path: string): { section: S; field: string | undefined } | undefined {
  const m = /^sections\[(\d+)\]\.?([^[.]*)/.exec(path);
  const section = m ? view.sections[Number(m[1])] : undefined;
  return m && section ? { section, field: m[2] || undefined } : undefined;
}

/** Warnings for one section of a return (paths `sections[i]...`), with paths made relative to the section. */
export function sectionWarnings(warnings: readonly Warning[], index: number): Warning[] {
  const prefix = `sections[${index}].`;
  return warnings.filter((w) => w.path.startsWith(prefix)).map((w) => ({ ...w, path: w.path.slice(prefix.length) }));
}

/** The warnings about one answer of a section (`risks` covers `risks[0].title`). */
export function warningsFor(warnings: readonly Warning[], field: string): Warning[] {
  return warnings.filter((w) => w.path === field || w.path.startsWith(`${field}[`) || w.path.startsWith(`${field}.`));
}
