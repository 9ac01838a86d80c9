import type { JSX } from 'solid-js';

let bannerCount = 0;

/** GOV.UK notification banner: "important" (blue) for information, "success" (green) after an action. */
export function NotificationBanner(props: { type?: 'important' | 'success'; title?: string; children: JSX.Element }) {
  const id = `notification-banner-title-${++bannerCount}`;
  const success = () => props.type === 'success';
  return (
    <div
      class="govuk-notification-banner"
      classList={{ 'govuk-notification-banner--success': success() }}
      role={success() ? 'alert' : 'region'}
      aria-labelledby={id}
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id={id}>
          {props.title ?? (success() ? 'Success' : 'Important')}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">{props.children}</div>
    </div>
  );
}
