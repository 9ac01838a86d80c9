import { createResource, For, Show } from 'solid-js';
import { ROLE_LABELS } from '../../../../shared/auth/roles.js';
import { partnershipPath } from '../../../../shared/partnership/paths.js';
import { currentPartnership } from '../../api/client.js';
import { type Membership, useMyPartnerships } from '../../api/partnerships.js';
import { Loaded } from '../../components/loaded.js';
import { Page } from '../../components/page.js';
import { Tag } from '../../components/tag.js';

/**
 * `/partnerships`: the partnerships the signed-in person works in (one sign-in for all), and the
 * way into each. Each opens at its own address (`/p/{id}/`), so a bookmark or a link in an email
 * names the partnership it is about.
 */
export default function PartnershipsPage() {
  const [list] = useMyPartnerships();
  const [current] = createResource(() => currentPartnership().catch(() => null));
  return (
    <Page title="Your partnerships">
      <Loaded data={list} loading="Loading your partnerships…" error={<p class="govuk-body">Your partnerships could not be loaded. Reload the page to try again.</p>}>
        {(l) => (
          <Show
            when={l().partnerships.length > 1}
            fallback={<p class="govuk-body">You work in one partnership only. Ask its programme lead if you should have access to another.</p>}
          >
            <p class="govuk-body">
              You work in {l().partnerships.length} safeguarding partnerships. Each keeps its own returns, threshold document, Kinship Local Offer and people. Choose the one to
              work in.
            </p>
            <ul class="govuk-list app-partnership-list">
              <For each={l().partnerships}>{(p) => <PartnershipChoice membership={p} current={current() === p.id} />}</For>
            </ul>
          </Show>
        )}
      </Loaded>
    </Page>
  );
}

function PartnershipChoice(props: { membership: Membership; current: boolean }) {
  return (
    <li>
      {/* A whole page load: the partnership's pages start afresh, with its own data. */}
      <a class="govuk-link govuk-!-font-weight-bold" href={partnershipPath(props.membership.id)} target="_self">
        {props.membership.name}
      </a>{' '}
      <Show when={props.current}>
        <Tag colour="green">Working in now</Tag>
      </Show>
      <br />
      <span class="app-secondary-text">{ROLE_LABELS[props.membership.role]}</span>
    </li>
  );
}
