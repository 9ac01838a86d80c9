import { type Accessor, createResource, type JSX, Match, Switch } from 'solid-js';
import { ApiError } from '../api/client.js';
import { Loading } from './loading.js';
import { Page, TwoThirds } from './page.js';

/** The token a link from an email carries in its fragment (`#token=…`): a fragment never reaches a server or its logs. */
export const linkToken = () => new URLSearchParams(location.hash.replace(/^#/, '')).get('token') ?? '';

/**
 * A page opened from a link in an email (an invitation, "stop emails like this one"): while the
 * link's token is checked (`use`), a polite status; if it does not work, why and what to do
 * (not complete, used or expired, or the portal out of reach); otherwise the page.
 */
export function EmailLinkPage<T>(props: {
  use: (token: string) => Promise<T>;
  /** Said while the link is checked, e.g. "Checking your invitation…". */
  checking: string;
  /** The failure page's title, e.g. "This invitation link does not work". */
  failed: string;
  /** More to say on the failure page (where else to go). */
  alsoSay?: JSX.Element;
  children: (value: Accessor<T>, token: string) => JSX.Element;
}) {
  const token = linkToken();
  const [data] = createResource(() => token || false, props.use);
  const why = () => {
    if (!token) return 'The link is not complete. Copy the whole link from the email into the address bar.';
    const err = data.error;
    return err instanceof ApiError && err.status === 404 ? err.detail : 'The portal cannot be reached at the moment. Try the link again in a few minutes.';
  };
  return (
    <TwoThirds>
      <Switch fallback={<Loading label={props.checking} />}>
        <Match when={!token || data.error}>
          <Page title={props.failed}>
            <p class="govuk-body">{why()}</p>
            {props.alsoSay}
          </Page>
        </Match>
        <Match when={data()}>{(v) => props.children(v as Accessor<T>, token)}</Match>
      </Switch>
    </TwoThirds>
  );
}
