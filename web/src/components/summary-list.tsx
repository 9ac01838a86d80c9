import { For, Show, type JSX } from 'solid-js';
import { RouteLink } from './link-line.js';
import './multiline.css';

/*
 * The kit's GOV.UK summary list: `SummaryList` holds `SummaryRow`s (a key, its value and optionally
 * a Change link whose hidden words say which answer). `CheckAnswers` is the "check your answers"
 * list built from data, every row with its Change link. A Change link is a route (`href`) or,
 * on a page that keeps the answers in memory, a handler (`onClick`) with `href` as its fallback.
 */

export interface ChangeAction {
  /** visually hidden end of the link text: "Change <what>" */
  what: string;
  href: string;
  onClick?: () => void;
  /** the link text, when it is not "Change" */
  text?: string;
  /** show the "what" words too (for a link outside a summary list) */
  visible?: boolean;
}

/** GOV.UK "Change" link: to a route, or a handler that takes the person back to the answer. */
export function ChangeLink(props: ChangeAction) {
  return (
    <RouteLink class="govuk-link" href={props.href} onClick={props.onClick}>
      {props.text ?? 'Change'}
      <span class={props.visible ? undefined : 'govuk-visually-hidden'}> {props.what}</span>
    </RouteLink>
  );
}

export function SummaryList(props: { children: JSX.Element; id?: string; class?: string; noBorder?: boolean; testId?: string }) {
  return (
    <dl class={`govuk-summary-list${props.noBorder ? ' govuk-summary-list--no-border' : ''}${props.class ? ` ${props.class}` : ''}`} id={props.id} data-testid={props.testId}>
      {props.children}
    </dl>
  );
}

/**
 * One row. `actions: false` marks a row without a link in a list where other rows have one. With
 * `when`, the row is there only when there is something to say (an answer that may be missing).
 */
export function SummaryRow(props: {
  key: JSX.Element;
  children: JSX.Element;
  when?: unknown;
  action?: ChangeAction | undefined;
  actions?: boolean;
  valueClass?: string;
  valueTestId?: string;
}) {
  return (
    <Show when={!('when' in props) || props.when}>
      <div class="govuk-summary-list__row" classList={{ 'govuk-summary-list__row--no-actions': props.actions === false && !props.action }}>
        <dt class="govuk-summary-list__key">{props.key}</dt>
        <dd class={`govuk-summary-list__value${props.valueClass ? ` ${props.valueClass}` : ''}`} data-testid={props.valueTestId}>
          {props.children}
        </dd>
        <Show when={props.action}>
          {(a) => (
            <dd class="govuk-summary-list__actions">
              <ChangeLink {...a()} />
            </dd>
          )}
        </Show>
      </div>
    </Show>
  );
}

/** A row of facts shown only when there is something to say (`when`), in a list without Change links. */
export function FactRow(props: { key: string; when: unknown; children: JSX.Element }) {
  return (
    <SummaryRow key={props.key} when={props.when} actions={false}>
      {props.children}
    </SummaryRow>
  );
}

export interface CheckAnswer {
  key: string;
  value: JSX.Element;
  change: ChangeAction;
}

/** "Check your answers": every answer with its Change link. */
export function CheckAnswers(props: { answers: CheckAnswer[]; id?: string; class?: string; testId?: string }) {
  return (
    <SummaryList id={props.id} class={`app-check-answers${props.class ? ` ${props.class}` : ''}`} testId={props.testId}>
      <For each={props.answers}>
        {(a) => (
          <SummaryRow key={a.key} action={a.change}>
            {a.value}
          </SummaryRow>
        )}
      </For>
    </SummaryList>
  );
}

/** Rows of numbered items ("Risk 2"), each with its text on as many lines as it has (no Change links). */
export function NumberedRows<T>(props: { noun: string; items: T[]; text: (item: T) => string }) {
  return (
    <For each={props.items}>
      {(item, i) => (
        <SummaryRow key={`${props.noun} ${i() + 1}`} actions={false} valueClass="app-multiline">
          {props.text(item)}
        </SummaryRow>
      )}
    </For>
  );
}
