import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { sectionAt } from '../../../../shared/returns/paths.js';
import { taskHint } from '../../../../shared/returns/words.js';
import type { ReturnView } from '../../api/returns.js';
import { sectionPath } from './paths.js';
import { WarningText } from '../../components/warning-text.js';
import { ProgressTag } from './tags.js';

/*
 * The partner's task list: a section per workstream their agency contributes to, each with its
 * progress and, when it is not complete, why ("Still needed: ..."), so "In progress" always has a reason.
 */

export function TaskList(props: { view: ReturnView; workstreamName: (id: string) => string }) {
  const withWarnings = () => [...new Set(props.view.warnings.map((w) => sectionAt(props.view, w.path)?.section.workstreamId))].filter((id): id is string => !!id);
  return (
    <>
      <Show when={withWarnings().length > 0}>
        <WarningText lines={[`Some answers may contain personal details, in: ${withWarnings().map(props.workstreamName).join('; ')}. Check them before you submit.`]} />
      </Show>
      <ul class="govuk-task-list">
        <For each={props.view.sections}>
          {(s) => {
            const idBase = `task-${s.workstreamId}`;
            return (
              <li class="govuk-task-list__item govuk-task-list__item--with-link">
                <div class="govuk-task-list__name-and-hint">
                  <A
                    class="govuk-link govuk-task-list__link"
                    href={sectionPath(props.view.periodId, s.workstreamId)}
                    aria-describedby={`${taskHint(s) ? `${idBase}-hint ` : ''}${idBase}-status`}
                  >
                    {props.workstreamName(s.workstreamId)}
                  </A>
                  <Show when={taskHint(s)}>
                    {(hint) => (
                      <div class="govuk-task-list__hint" id={`${idBase}-hint`}>
                        {hint()}
                      </div>
                    )}
                  </Show>
                </div>
                <div class="govuk-task-list__status">
                  <ProgressTag progress={s.progress ?? 'not-started'} id={`${idBase}-status`} />
                </div>
              </li>
            );
          }}
        </For>
      </ul>
    </>
  );
}
