import { A } from '@solidjs/router';
import { createResource, Match, Switch } from 'solid-js';
import { ApiError } from '../api/client.js';
import { unsubscribe } from '../api/notifications.js';
import { Loading } from '../components/loading.js';
import { Page } from '../components/page.js';

/** The link's token, from its fragment (`#token=…`): a fragment never reaches a server or its logs. */
const tokenOf = (hash: string) => new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';

/** `/unsubscribe#token=…`: one click from an email stops that kind of email; no sign-in. */
export default function UnsubscribePage() {
  const token = tokenOf(location.hash);
  const [done] = createResource(() => token || false, unsubscribe);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <Switch fallback={<Loading label="Stopping these emails…" />}>
          <Match when={!token || done.error}>
            <Page title="This link does not work">
              <p class="govuk-body">
                {done.error instanceof ApiError && done.error.status === 404
                  ? done.error.detail
                  : token
                    ? 'The portal cannot be reached at the moment. Try the link again in a few minutes.'
                    : 'The link is not complete. Copy the whole link from the email into the address bar.'}
              </p>
            </Page>
          </Match>
          <Match when={done()}>
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
          </Match>
        </Switch>
      </div>
    </div>
  );
}
