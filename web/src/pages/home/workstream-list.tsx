import { For, Show } from 'solid-js';
import type { Workstream } from '../../../../shared/partnership/schema.js';
import { Tag } from '../../components/tag.js';
import { useApp } from '../../state.js';

/** The workstreams in use (retired ones are history), in programme order. */
export function sorted(workstreams: Workstream[]): Workstream[] {
  return workstreams.filter((w) => !w.retiredAt).sort((a, b) => a.order - b.order);
}

/** Workstreams with their lead and contributing agencies; `highlightLeadFor` marks the ones that agency leads. */
export function WorkstreamList(props: { workstreams: Workstream[]; highlightLeadFor?: string | null }) {
  const app = useApp();
  return (
    <ul class="app-workstream-list">
      <For each={props.workstreams}>
        {(w) => (
          <li class="app-workstream">
            <h3 class="govuk-heading-s app-workstream__name">
              {w.name}
              <Show when={props.highlightLeadFor && w.leadAgencyId === props.highlightLeadFor}>
                {' '}
                <Tag colour="blue">Your agency leads</Tag>
              </Show>
            </h3>
            <p class="govuk-body-s app-workstream__description">{w.description}</p>
            <p class="govuk-body-s app-workstream__meta">
              Lead agency: {app.agencyName(w.leadAgencyId)}. Contributing:{' '}
              {app
                .agencies()
                .filter((a) => w.contributingAgencyIds.includes(a.id))
                .map((a) => a.name)
                .join(', ')}
              .
            </p>
          </li>
        )}
      </For>
    </ul>
  );
}
