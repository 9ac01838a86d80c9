import { createSignal, Show } from 'solid-js';
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
