import type { JSX } from 'solid-js';
import './summary-card.css';

/*
 * The GOV.UK summary card: one part of a long record (a section of a return) under its own
 * heading, with its status beside the title and a summary list inside. A landmark named by its
 * title; `focusable` lets an in-page link move focus to it.
 */
export function SummaryCard(props: { id: string; title: string; status?: JSX.Element; focusable?: boolean; children: JSX.Element }) {
  return (
    <section class="app-summary-card" id={props.id} tabindex={props.focusable ? -1 : undefined} aria-labelledby={`${props.id}-title`}>
      <div class="app-summary-card__title-wrapper">
        <h2 class="app-summary-card__title" id={`${props.id}-title`}>
          {props.title}
        </h2>
        {props.status}
      </div>
      <div class="app-summary-card__content">{props.children}</div>
    </section>
  );
}
