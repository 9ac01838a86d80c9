import type { FieldError } from '../http/problem.js';
import { blockingWarnings, type Warning } from '../pii/detect.js';
import { sectionAt } from './paths.js';
import { submitErrors, type SectionLike } from './rules.js';

/*
 * What stops a return being submitted, checked in the browser with the server's own rules before
 * it is sent: every section complete, no personal details, and possible ones confirmed. Each
 * problem keeps its path in the return, so a page can link it to the section to fix.
 */

export interface SubmitStop {
  title: string;
  errors: FieldError[];
}

export function submitStop(
  view: { sections: readonly SectionLike[]; requiredWorkstreamIds?: readonly string[] | undefined; warnings: readonly Warning[] },
  workstreamName: (id: string) => string,
  acknowledged: boolean,
): SubmitStop | null {
  const required = view.requiredWorkstreamIds ?? view.sections.map((s) => s.workstreamId);
  const names = Object.fromEntries(view.sections.map((s) => [s.workstreamId, workstreamName(s.workstreamId)]));
  const incomplete = submitErrors(view.sections, required, names);
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
