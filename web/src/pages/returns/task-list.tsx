import { Show } from 'solid-js';
import { sectionAt } from '../../../../shared/returns/paths.js';
import { indicatorsNeededWords, indicatorsStillNeeded } from '../../../../shared/returns/submit-check.js';
import { taskHint } from '../../../../shared/returns/words.js';
import type { ReturnView } from '../../api/returns.js';
import { sectionPath } from './paths.js';
import { WarningText } from '../../components/warning-text.js';
import { ProgressTag } from '../../components/status-tags.js';
import { TaskList } from '../../components/task-list.js';

/*
 * The partner's task list: a section per workstream their agency contributes to, each with its
 * progress and, when it is not complete, why ("Still needed: ..."), so "In progress" always has a reason.
 */

type Section = ReturnView['sections'][number];

/** Why a section is in progress. The server's `progress` also counts the outcome indicators due, which `taskHint` cannot see. */
function hintOf(s: Section): string | null {
  if (!indicatorsStillNeeded(s)) return taskHint(s);
  const words = indicatorsNeededWords();
  return `Still needed: ${words.charAt(0).toLowerCase()}${words.slice(1)}.`;
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
