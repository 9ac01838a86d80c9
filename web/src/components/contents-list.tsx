import { For } from 'solid-js';
import { jumpTo } from './jump-to.js';

/**
 * The GOV.UK contents list of a long page: a numbered list of links to its sections, each moving
 * focus to the section's heading (`id`, with tabindex -1) rather than going through the router.
 * Spaced: on a phone, links one line apart are too close to tap (WCAG 2.5.8 target size).
 */
export function ContentsList(props: { sections: readonly { id: string; label: string }[]; class?: string }) {
  return (
    <nav class={props.class} aria-labelledby="contents-heading">
      <h2 class="govuk-heading-s" id="contents-heading">
        Contents
      </h2>
      <ol class="govuk-list govuk-list--number govuk-list--spaced">
        <For each={props.sections}>
          {(s) => (
            <li>
              <a href={`#${s.id}`} class="govuk-link" onClick={(e) => jumpTo(e, s.id)}>
                {s.label}
              </a>
            </li>
          )}
        </For>
      </ol>
    </nav>
  );
}
