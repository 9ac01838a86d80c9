import { useLocation, useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { partnershipPath } from '../../../../shared/partnership/paths.js';
import { type CreatePartnershipResult, useHostedPartnerships } from '../../api/platform.js';
import { ConfirmationPage } from '../../components/confirmation-page.js';
import { formatDateTime } from '../../components/format.js';
import { LinkLine, PageLoadLink } from '../../components/link-line.js';
import { Loaded } from '../../components/loaded.js';
import { ProblemPage } from '../../components/problem-page.js';
import { WarningText } from '../../components/warning-text.js';

/**
 * `/platform/created/:id`: the partnership has been created. What creating it did (the invitation
 * to its lead) comes with the navigation from the form; opened any other way, the page says what
 * the list knows of it.
 */
export default function PartnershipCreatedPage() {
  const params = useParams<{ id: string }>();
  const location = useLocation<{ created?: CreatePartnershipResult }>();
  const [hosted] = useHostedPartnerships();
  const created = () => (location.state?.created?.partnership.id === params.id ? location.state.created : undefined);
  const partnership = (list: { partnerships: CreatePartnershipResult['partnership'][] }) => created()?.partnership ?? list.partnerships.find((p) => p.id === params.id) ?? null;
  return (
    <Loaded
      data={hosted}
      pick={partnership}
      failed={{ back: { href: '/platform', text: 'Go to the list of partnerships' } }}
      notFound={
        <ProblemPage title="Page not found" back={{ href: '/platform', text: 'Go to the list of partnerships' }}>
          <p class="govuk-body">The portal hosts no partnership with this address id.</p>
        </ProblemPage>
      }
    >
      {(p) => (
        <ConfirmationPage
          title="Partnership created"
          body={
            <>
              <strong>{p().name}</strong>
              <Show when={created()?.invitationSent}>
                <br />
                An invitation has been emailed to {created()!.firstLead.name}
              </Show>
            </>
          }
        >
          <Show when={created()} fallback={<p class="govuk-body">Its first programme lead was invited when it was created.</p>}>
            {(c) => <LeadInvited result={c()} />}
          </Show>
          <p class="govuk-body">
            Its pages are at <span class="app-code">{partnershipPath(p().id)}</span>. Its public Kinship Local Offer is at{' '}
            <PageLoadLink href={`${partnershipPath(p().id)}/kinship-offer`}>{`${partnershipPath(p().id)}/kinship-offer`}</PageLoadLink>: it is empty until the partnership publishes
            its first items.
          </p>
          <LinkLine href="/platform">Go to the list of partnerships</LinkLine>
        </ConfirmationPage>
      )}
    </Loaded>
  );
}

/** What happened to the first lead's invitation, and what to do when it could not be sent. */
function LeadInvited(props: { result: CreatePartnershipResult }) {
  const lead = () => props.result.firstLead;
  const omitted = () => props.result.omittedCriterionIds.length;
  return (
    <>
      <Show
        when={props.result.invitationSent}
        fallback={
          <WarningText
            lines={[
              `The invitation email to ${lead().name} (${lead().email}) could not be sent. Their account has been created and waits for them. Check the address with them, then ask the portal’s technical support team to send the invitation again.`,
            ]}
          />
        }
      >
        <p class="govuk-body">
          We have emailed {lead().name} at {lead().email} an invitation to run the partnership as its programme lead. The link in it lets them set a password and open the
          partnership
          <Show when={lead().invitationExpiresAt}>{(at) => <>, until {formatDateTime(at())}</>}</Show>. They can then invite its people.
        </p>
      </Show>
      <Show when={omitted() > 0}>
        <p class="govuk-body">
          {omitted()} of the template’s readiness criteria {omitted() === 1 ? 'was' : 'were'} left out: no agency of the partnership can assess {omitted() === 1 ? 'it' : 'them'}.
        </p>
      </Show>
    </>
  );
}
