import { A } from '@solidjs/router';
import { For, type JSX, Show } from 'solid-js';

/** One task: where it is done, its name, why it is not done yet (`hint`) and its status. */
export interface Task {
  /** unique in the list: the start of the ids its link is described by */
  id: string;
  href: string;
  name: string;
  hint?: string | null | undefined;
  status: JSX.Element;
}

/**
 * The GOV.UK task list: one row a task, its name linking to where it is done, with a hint and its
 * status, both read with the link (aria-describedby) so screen reader users hear where it stands.
 */
export function TaskList(props: { tasks: Task[] }) {
  return (
    <ul class="govuk-task-list">
      <For each={props.tasks}>
        {(task) => (
          <li class="govuk-task-list__item govuk-task-list__item--with-link">
            <div class="govuk-task-list__name-and-hint">
              <A class="govuk-link govuk-task-list__link" href={task.href} aria-describedby={`${task.hint ? `${task.id}-hint ` : ''}${task.id}-status`}>
                {task.name}
              </A>
              <Show when={task.hint}>
                <div class="govuk-task-list__hint" id={`${task.id}-hint`}>
                  {task.hint}
                </div>
              </Show>
            </div>
            <div class="govuk-task-list__status" id={`${task.id}-status`}>
              {task.status}
            </div>
          </li>
        )}
      </For>
    </ul>
  );
}
