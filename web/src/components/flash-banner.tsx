import { useLocation } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { NotificationBanner } from './notification-banner.js';

/*
 * The success banner after an action: the message carried from the page before (a flash from
 * ./flash.ts, taken on arrival) or one shown on this page after an action done in place.
 */

/** The green banner with one message; nothing when there is none. */
export function FlashBanner(props: { message: string | null | undefined }) {
  return (
    <Show when={props.message}>
      {(message) => (
        <NotificationBanner type="success">
          <p class="govuk-notification-banner__heading">{message()}</p>
        </NotificationBanner>
      )}
    </Show>
  );
}

/**
 * The message a page's FlashBanner shows: first what `take` carried here, then whatever `show` is
 * given (null hides it). Showing a message scrolls the banner into view, where the outcome is read.
 */
export function createFlashMessage(take?: () => string | null): [message: () => string | null, show: (message: string | null) => void] {
  const [message, setMessage] = createSignal<string | null>(take?.() ?? null);
  const show = (next: string | null) => {
    setMessage(next);
    if (next) queueMicrotask(() => document.querySelector<HTMLElement>('.govuk-notification-banner--success')?.scrollIntoView({ block: 'start' }));
  };
  return [message, show];
}

/** The message this page was navigated to with (`navigate(href, { state: { flash } })`, after a save), which the page can replace. */
export function useLocationFlash() {
  const loc = useLocation<{ flash?: string }>();
  return createFlashMessage(() => loc.state?.flash ?? null);
}

/** The outcome of an action that may leave things to do: a heading, what happened, and what is still needed. */
export interface OutcomeMessage {
  title: string;
  body: string;
  todo: string[];
}

/** An OutcomeMessage as a banner: success when nothing is left to do, otherwise an important banner listing what is. */
export function OutcomeBanner(props: { message: OutcomeMessage }) {
  const incomplete = () => props.message.todo.length > 0;
  return (
    <NotificationBanner type={incomplete() ? 'important' : 'success'}>
      <h3 class="govuk-notification-banner__heading">{props.message.title}</h3>
      <p class="govuk-body">{props.message.body}</p>
      <Show when={incomplete()}>
        <ul class="govuk-list govuk-list--bullet">
          <For each={props.message.todo}>{(item) => <li>{item}</li>}</For>
        </ul>
      </Show>
    </NotificationBanner>
  );
}
