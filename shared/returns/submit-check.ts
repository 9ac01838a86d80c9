import type { FieldError } from '../http/problem.js';
import { blockingWarnings, type Warning } from '../pii/detect.js';
import { sectionAt } from './paths.js';
import { type SectionLike, sectionProgress, submitErrors } from './rules.js';
import type { SectionProgress } from './schema.js';

/*
 * What stops a return being submitted, checked in the browser with the server's own rules before
 * it is sent: every section complete, no personal details, and possible ones confirmed. Each
 * problem keeps its path in the return, so a page can link it to the section to fix.
 */

export interface SubmitStop {
  title: string;
  errors: FieldError[];
}

/** A section as the API answers it: with its `progress`, which counts the outcome indicators due. */
export type SectionWithProgress = SectionLike & { progress?: SectionProgress | undefined };

/**
 * Whether a section still needs outcome indicator values (or notes saying why there are none) and
 * nothing else: the server's `progress` says "in progress" though every other rule is met. The
 * server knows which indicators are due; a page with only the return does not, so it reads this.
 */
export const indicatorsStillNeeded = (s: SectionWithProgress) => s.progress === 'in-progress' && sectionProgress(s) === 'completed';

/** What such a section needs, in words; `name` names the workstream for a list of the whole return's problems. */
export const indicatorsNeededWords = (name?: string) => `Enter a value for each outcome indicator${name ? ` in ${name}` : ''}, or say why there is none this quarter`;

export function submitStop(
  view: { sections: readonly SectionWithProgress[]; requiredWorkstreamIds?: readonly string[] | undefined; warnings: readonly Warning[] },
  workstreamName: (id: string) => string,
  acknowledged: boolean,
): SubmitStop | null {
  const required = view.requiredWorkstreamIds ?? view.sections.map((s) => s.workstreamId);
  const names = Object.fromEntries(view.sections.map((s) => [s.workstreamId, workstreamName(s.workstreamId)]));
  const incomplete = [
    ...submitErrors(view.sections, required, names),
    ...view.sections.flatMap((s, i) => (indicatorsStillNeeded(s) ? [{ path: `sections[${i}].indicators`, message: indicatorsNeededWords(workstreamName(s.workstreamId)) }] : [])),
  ];
  if (incomplete.length) return { title: 'Your return is not complete yet', errors: incomplete };
  const blocking = blockingWarnings(view.warnings);
  if (blocking.length) {
    const where = (path: string) => workstreamName(sectionAt(view, path)?.section.workstreamId ?? '');
    return { title: 'Remove the personal details before you submit', errors: blocking.map((w) => ({ path: w.path, message: `${where(w.path)}: ${w.message}` })) };
  }
  if (view.warnings.length && !acknowledged) {
    return {
      title: 'There is a problem',
      errors: [{ path: 'acknowledge', message: 'Check the answers that may contain personal details, then confirm they are not personal details' }],
    };
  }
  return null;
}
