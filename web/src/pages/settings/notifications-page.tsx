import { createStore } from 'solid-js/store';
import { For, Show } from 'solid-js';
import {
  ALWAYS_SENT,
  CHOICE_LABELS,
  KIND_LABELS,
  NOTIFICATION_CHOICES,
  type NotificationChoice,
  OPTIONAL_KINDS,
  type OptionalKind,
} from '../../../../shared/notifications/kinds.js';
import { type NotificationSettings, saveNotificationSettings, useNotificationSettings } from '../../api/notifications.js';
import { invalidate, QUERY } from '../../api/queries.js';
import { createFlashMessage } from '../../components/flash-banner.js';
import { Radios, optionsOf } from '../../components/fields.js';
import { createFormState } from '../../components/form-state.js';
import { Loaded } from '../../components/loaded.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import { Form } from '../../components/form.js';
import { A } from '@solidjs/router';
import { useSecondFactor } from '../../api/second-factor.js';

/** `/settings/notifications`: which optional emails the signed-in person gets, and when. */
export default function NotificationsPage() {
  const [settings, { mutate }] = useNotificationSettings();
  return (
    <Loaded
      data={settings}
      loading="Loading your email settings…"
      error={
        <Page title="Email settings">
          <p class="govuk-body">Your email settings could not be loaded. Reload the page to try again.</p>
        </Page>
      }
    >
      {(s) => <SettingsForm settings={s()} onSaved={(next) => mutate(next)} />}
    </Loaded>
  );
}

function SettingsForm(props: { settings: NotificationSettings; onSaved: (s: NotificationSettings) => void }) {
  const app = useApp();
  const form = createFormState();
  const [flash, show] = createFlashMessage();
  const [choices, setChoices] = createStore<Record<OptionalKind, NotificationChoice>>({ ...props.settings.choices });
  // A person sees the kinds meant for their role (the lead's, or an agency's); the executive gets none of these.
  const role = () => app.me()?.role;
  const kinds = () => OPTIONAL_KINDS.filter((k) => KIND_LABELS[k].for === role());
  const save = () => {
    show(null);
    return form.save(
      async () => {
        const next = await saveNotificationSettings({ ...choices }, props.settings.version);
        props.onSaved(next);
        await invalidate(QUERY.notificationSettings);
        show('Your email settings have been saved.');
      },
      {
        stale: 'Your settings were changed somewhere else (perhaps from an email’s link). Reload the page, then choose again.',
        fallback: 'Your settings could not be saved. Try again.',
      },
    );
  };
  return (
    <Page title="Email settings" hasErrors={form.errors().length > 0} flash={flash()}>
      <p class="govuk-body">Choose how you hear about what happens in the portal. A weekly summary comes on Monday mornings.</p>
      <Show when={kinds().length > 0} fallback={<p class="govuk-body">There are no optional emails for your role.</p>}>
        <Form onSubmit={save} form={form} submit="Save email settings">
          <For each={kinds()}>
            {(kind) => (
              <Radios
                id={`choice-${kind}`}
                legend={KIND_LABELS[kind].label}
                small
                options={optionsOf(NOTIFICATION_CHOICES, CHOICE_LABELS)}
                value={choices[kind]}
                onChange={(v) => setChoices(kind, v as NotificationChoice)}
              />
            )}
          </For>
        </Form>
      </Show>
      <h2 class="govuk-heading-m">Emails you always get</h2>
      <p class="govuk-body">These ask you to act by a date, so they cannot be turned off:</p>
      <ul class="govuk-list govuk-list--bullet">
        <For each={ALWAYS_SENT}>{(line) => <li>{line}</li>}</For>
      </ul>
      <SecondFactorSection />
    </Page>
  );
}

/** Where people find two-step sign-in among their settings: whether it is on, and the page to set it up or turn it off. */
function SecondFactorSection() {
  const app = useApp();
  const [status] = useSecondFactor(() => (app.signedIn() ? 'session' : null));
  return (
    <>
      <h2 class="govuk-heading-m">Two-step sign-in</h2>
      <p class="govuk-body" data-testid="second-factor-setting">
        {status()?.enrolled ? 'Two-step sign-in is on for your account. ' : 'Two-step sign-in is off for your account. '}
        <A class="govuk-link" href="/settings/two-step-sign-in">
          {status()?.enrolled ? 'Manage two-step sign-in' : 'Set up two-step sign-in'}
        </A>
      </p>
    </>
  );
}
