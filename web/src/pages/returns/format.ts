import type { Warning } from '../../../../shared/pii/detect.js';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, riskRating, type Impact, type Likelihood } from '../../../../shared/returns/schema.js';
import type { ReturnView } from '../../api/returns.js';

/*
 * Small helpers the returns pages share: field ids from error paths, risk ratings in words, and
 * which section a server path (`sections[2].risks[0].title`) points into.
 */

/** `risks[1].title` (a problem+json or zod path inside a section) -> `risks-1-title`, the field's id. */
export function fieldId(path: string): string {
  return path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-');
}

/** "BII – likely, major". */
export function riskRatingText(likelihood: Likelihood, impact: Impact): string {
  return `${riskRating(likelihood, impact)} – ${riskWords(likelihood, impact)}`;
}

/** "likely, major". */
export function riskWords(likelihood: Likelihood, impact: Impact): string {
  return `${LIKELIHOOD_LABELS[likelihood].toLowerCase()}, ${IMPACT_LABELS[impact].toLowerCase()}`;
}

/** The section a whole-return path points into, and the first field inside it (`risks` for `sections[0].risks[1].title`). */
export function sectionAt(view: ReturnView, path: string) {
  const m = /^sections\[(\d+)\]\.?([^[.]*)/.exec(path);
  const section = m ? view.sections[Number(m[1])] : undefined;
  return section ? { section, field: m![2] || undefined } : undefined;
}

/** Warnings for one section of a return (server paths `sections[i]...`), with paths made relative. */
export function sectionWarnings(warnings: Warning[], index: number): Warning[] {
  const prefix = `sections[${index}].`;
  return warnings.filter((w) => w.path.startsWith(prefix)).map((w) => ({ ...w, path: w.path.slice(prefix.length) }));
}
