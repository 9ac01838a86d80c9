import { Show } from 'solid-js';
import { indicatorSubmitErrors } from '../../../../shared/measures/rules.js';
import { sectionAt } from '../../../../shared/returns/paths.js';
import { type DueIndicator, sectionProgress, sectionToDo } from '../../../../shared/returns/rules.js';
import { indicatorsNeededWords, indicatorsStillNeeded } from '../../../../shared/returns/submit-check.js';
import { taskHint } from '../../../../shared/returns/words.js';
import { listOf } from '../../../../shared/text/plural.js';
import type { ReturnView } from '../../api/returns.js';
import { sectionPath } from './paths.js';
import { WarningText } from '../../components/warning-text.js';
import { ProgressTag } from '../../components/status-tags.js';
import { TaskList } from '../../components/task-list.js';

/*
 * The partner's task list: a section per workstream their agency contributes to, each with its
 * progress and, when it is not complete, why ("Still needed: ..."), so "In progress" always has a reason.
 */

/** A section as the API answers it; `indicatorsDue` is absent from an answer cached before the API said it. */
type Section = ReturnView['sections'][number] & { indicatorsDue?: readonly DueIndicator[] | undefined };

const lowerFirst = (t: string) => `${t.charAt(0).toLowerCase()}${t.slice(1)}`;

/**
 * Why a section is in progress. The server's `progress` also counts the outcome indicators due,
 * which `taskHint` cannot see: with `indicatorsDue` the hint names each indicator still needing a
 * value (or a note), by the server's own rule; without it, it says only that some do.
 */
function hintOf(s: Section): string | null {
  const due = s.indicatorsDue;
  if (!due) {
    if (indicatorsStillNeeded(s).length === 0) return taskHint(s);
    return `Still needed: ${lowerFirst(indicatorsNeededWords())}.`;
  }
  if (sectionProgress(s, due) !== 'in-progress') return null;
  // What else it needs, as `taskHint` says it (last quarter's narrative is said first, on its own).
  const rest = sectionToDo(s).slice(0, s.carriedForward ? -1 : undefined);
  const missing = due.filter((d) => indicatorSubmitErrors(0, [d], s.indicators).length > 0).map((d) => `"${d.name}"`);
  const todo = [...rest.map(lowerFirst), ...(missing.length ? [`a value for ${listOf(missing)}, or a note saying why there is none this quarter`] : [])];
  const needed = todo.length ? `Still needed: ${todo.join('; ')}.` : '';
  if (s.carriedForward) return `Carried forward from last quarter: check and update${needed ? `. ${needed}` : ''}`;
  return needed || null;
}

export function SectionTasks(props: { view: ReturnView; workstreamName: (id: string) => string }) {
  const withWarnings = () => [...new Set(props.view.warnings.map((w) => sectionAt(props.view, w.path)?.section.workstreamId))].filter((id): id is string => !!id);
  return (
    <>
      <Show when={withWarnings().length > 0}>
        <WarningText lines={[`Some answers may contain personal details, in: ${withWarnings().map(props.workstreamName).join('; ')}. Check them before you submit.`]} />
      </Show>
      <TaskList
        tasks={props.view.sections.map((s) => ({
          id: `task-${s.workstreamId}`,
          href: sectionPath(props.view.periodId, s.workstreamId),
          name: props.workstreamName(s.workstreamId),
          hint: hintOf(s),
          status: <ProgressTag progress={s.progress ?? 'not-started'} />,
        }))}
      />
    </>
  );
}
