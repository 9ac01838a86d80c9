import { A } from '@solidjs/router';
import { unsubscribe } from '../api/notifications.js';
import { EmailLinkPage } from '../components/email-link-page.js';
import { Page } from '../components/page.js';

/** `/unsubscribe#token=…`: one click from an email stops that kind of email; no sign-in. */
export default function UnsubscribePage() {
  return (
    <EmailLinkPage use={unsubscribe} checking="Stopping these emails…" failed="This link does not work">
      {(d) => (
        <Page title="You will not get these emails again">
          <p class="govuk-body">You will no longer get an email when: {d().label.charAt(0).toLowerCase() + d().label.slice(1)}.</p>
          <p class="govuk-body">
            To choose how you get each kind of email, or to get this one again,{' '}
            <A href="/settings/notifications" class="govuk-link">
              change your email settings
            </A>{' '}
            (you will be asked to sign in).
          </p>
        </Page>
      )}
    </EmailLinkPage>
  );
}
