import { onMount, type JSX } from 'solid-js';

/*
 * GOV.UK notification banner: "important" (blue) for information, "success" (green) after an
 * action. `focus` makes it take focus when it appears (tabindex -1), as GOV.UK does after an
 * action, so screen reader users hear the outcome; `id` lets the page move focus back to it later.
 */

let bannerCount = 0;

export function NotificationBanner(props: { type?: 'important' | 'success'; title?: string; id?: string; focus?: boolean; children: JSX.Element }) {
  const titleId = `notification-banner-title-${++bannerCount}`;
  const success = () => props.type === 'success';
  let banner!: HTMLDivElement;
  onMount(() => {
    if (props.focus) banner.focus();
  });
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: GOV.UK markup: alert (success) or region (important), both named by their title
    <div
      ref={banner}
      id={props.id}
      class="govuk-notification-banner"
      classList={{ 'govuk-notification-banner--success': success() }}
      role={success() ? 'alert' : 'region'}
      aria-labelledby={titleId}
      tabindex={props.focus ? -1 : undefined}
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id={titleId}>
          {props.title ?? (success() ? 'Success' : 'Important')}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">{props.children}</div>
    </div>
  );
}
