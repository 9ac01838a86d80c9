import type { FieldError } from '../http/problem.js';
import { indicatorSubmitErrors } from '../measures/rules.js';
import { blockingWarnings, type Warning } from '../pii/detect.js';
import { sectionAt } from './paths.js';
import { type DueIndicator, type SectionLike, sectionProgress, submitErrors } from './rules.js';
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

/**
 * A section as the API answers it: with its `progress`, which counts the outcome indicators due,
 * and `indicatorsDue`, the indicators due from the agency in it this quarter (absent from an
 * answer cached before the API said them).
 */
export type SectionWithProgress = SectionLike & { progress?: SectionProgress | undefined; indicatorsDue?: readonly DueIndicator[] | undefined };

/**
 * What a section (the return's `sections[index]`) still needs of its outcome indicators before
 * the return can be submitted: a value, "fewer than N" or a note saying why there is none, for
 * each indicator due. With `indicatorsDue` it is the server's own rule, exact (carried-forward
 * sections too). Without it, a guess from `progress`: "in progress" though every other rule is
 * met means indicators are missing (one error for the section, naming the workstream when
 * `name` is given); a carried-forward section cannot be judged that way, so it is left out.
 */
export function indicatorsStillNeeded(s: SectionWithProgress, index = 0, name?: string): FieldError[] {
  if (s.indicatorsDue) return indicatorSubmitErrors(index, s.indicatorsDue, s.indicators ?? []);
  const guessed = s.progress === 'in-progress' && sectionProgress(s) === 'completed';
  return guessed ? [{ path: `sections[${index}].indicators`, message: indicatorsNeededWords(name) }] : [];
}

/** What a section needs when the page cannot tell which indicators, in words; `name` names the workstream for a list of the whole return's problems. */
export const indicatorsNeededWords = (name?: string) => `Enter a value for each outcome indicator${name ? ` in ${name}` : ''}, or say why there is none this quarter`;

export function submitStop(
  view: { sections: readonly SectionWithProgress[]; requiredWorkstreamIds?: readonly string[] | undefined; warnings: readonly Warning[] },
  workstreamName: (id: string) => string,
  acknowledged: boolean,
): SubmitStop | null {
  const required = view.requiredWorkstreamIds ?? view.sections.map((s) => s.workstreamId);
  const names = Object.fromEntries(view.sections.map((s) => [s.workstreamId, workstreamName(s.workstreamId)]));
  const incomplete = [...submitErrors(view.sections, required, names), ...view.sections.flatMap((s, i) => indicatorsStillNeeded(s, i, workstreamName(s.workstreamId)))];
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
