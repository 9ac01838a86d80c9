import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { ROLE_LABELS } from '../../../../shared/auth/roles.js';
import { type PersonDetail, peopleChanged, reactivatePerson, resendInvitation } from '../../api/people.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { useLocationFlash } from '../../components/flash-banner.js';
import { createFormState } from '../../components/form-state.js';
import { formatDate, formatDateTime } from '../../components/format.js';
import { Page } from '../../components/page.js';
import { SummaryList, SummaryRow } from '../../components/summary-list.js';
import { Tag } from '../../components/tag.js';
import { WarningText } from '../../components/warning-text.js';
import { useApp } from '../../state.js';
import { PersonLoader } from './people-access.js';
import { PersonStatusTag } from '../../components/status-tags.js';
import './people.css';
import { ButtonLink, LinkLine } from '../../components/link-line.js';

type History = PersonDetail['history'][number];
export const NOT_SENT = 'The invitation email could not be sent. Use “Resend invitation” to try again.';

/** `/people/:id`: one person, what they may do, what has happened to their account, and the actions on it. */
export default function PersonPage() {
  return <PersonLoader>{(d, mutate) => <PersonDetailView detail={d()} onChanged={mutate} />}</PersonLoader>;
}

function PersonDetailView(props: { detail: PersonDetail; onChanged: (d: PersonDetail) => void }) {
  const app = useApp();
  const navigate = useNavigate();
  const [flash, show] = useLocationFlash();
  const [warning, setWarning] = createSignal<string | null>(null);
  const form = createFormState();
  const p = () => props.detail.person;
  const self = () => p().id === app.me()?.id;
  const partner = () => p().role === 'partner';
  const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

  const act = (run: () => Promise<PersonDetail['person'] | { person: PersonDetail['person']; invitationSent: boolean }>, done: string) =>
    form.save(
      async () => {
        const answer = await run();
        const person = 'person' in answer ? answer.person : answer;
        setWarning('invitationSent' in answer && !answer.invitationSent ? NOT_SENT : null);
        show(done);
        props.onChanged({ ...props.detail, person });
        await peopleChanged();
      },
      { stale: 'Someone else changed this person since you opened the page. Reload the page, then try again.', fallback: 'That did not work. Try again.' },
    );

  const columns: Column<History>[] = [
    { key: 'at', header: 'When', cell: (h) => formatDateTime(h.at) },
    { key: 'what', header: 'What happened', cell: (h) => h.summary },
    { key: 'by', header: 'Who', cell: (h) => h.by },
  ];

  return (
    <Page title={p().name} caption="People" flash={flash()} errors={form.errors()}>
      <Show when={warning()}>{(w) => <WarningText lines={[w()]} />}</Show>
      <SummaryList id="person-summary">
        <SummaryRow key="Email address" valueClass="app-break-words">
          {p().email}
          <Show when={p().emailStopped}>
            {(stop) => (
              <p class="govuk-body app-email-stopped">
                <Tag colour="red">Email not delivered</Tag>{' '}
                {stop().reason === 'bounce'
                  ? `Email to this address bounced on ${formatDate(stop().at)}, so the portal no longer sends to it. Check the address with them.`
                  : `They reported the portal’s email as spam on ${formatDate(stop().at)}, so the portal no longer sends to them.`}
              </p>
            )}
          </Show>
        </SummaryRow>
        <SummaryRow key="Role">{ROLE_LABELS[p().role]}</SummaryRow>
        <SummaryRow key="Agency" when={p().agencyId}>
          {app.agencyName(p().agencyId) ?? p().agencyId}
        </SummaryRow>
        <Show when={partner()}>
          <SummaryRow key="Signs documents for the agency">{yesNo(p().signatory)}</SummaryRow>
          <SummaryRow key="Manages the agency’s people">{yesNo(p().agencyAdmin)}</SummaryRow>
        </Show>
        <SummaryRow key="Status">
          <PersonStatusTag status={p().status} />
          <Show when={p().status === 'invited' && p().invitationExpiresAt}>
            {(at) => <span class="govuk-!-margin-left-2">The invitation link works until {formatDateTime(at())}.</span>}
          </Show>
        </SummaryRow>
        <Show when={p().invitedAt}>
          {(at) => (
            <SummaryRow key="Invited">
              {formatDate(at())}
              {p().invitedBy ? ` by ${p().invitedBy}` : ''}
            </SummaryRow>
          )}
        </Show>
        <SummaryRow key="Last signed in">{p().lastSignInAt ? formatDateTime(p().lastSignInAt) : 'Never'}</SummaryRow>
      </SummaryList>

      <Show
        when={!self()}
        fallback={<p class="govuk-inset-text">This is you. Another programme lead can change your role or deactivate your account; you can change neither yourself.</p>}
      >
        <div class="govuk-button-group">
          <Show when={p().status !== 'deactivated'}>
            <ButtonLink href={`/people/${p().id}/change`} secondary>
              Change details
            </ButtonLink>
          </Show>
          <Show when={p().status === 'invited'}>
            <button
              type="button"
              class="govuk-button govuk-button--secondary"
              disabled={form.busy()}
              onClick={() => act(() => resendInvitation(p().id, p().version), `A new invitation has been sent to ${p().email}.`)}
            >
              Resend invitation
            </button>
          </Show>
          <Show
            when={p().status === 'deactivated'}
            fallback={
              <button type="button" class="govuk-button govuk-button--warning" onClick={() => navigate(`/people/${p().id}/deactivate`)}>
                Deactivate
              </button>
            }
          >
            <button
              type="button"
              class="govuk-button"
              disabled={form.busy()}
              onClick={() => act(() => reactivatePerson(p().id, p().version), `${p().name} can use the portal again.`)}
            >
              Reactivate
            </button>
          </Show>
        </div>
      </Show>

      <h2 class="govuk-heading-m">History</h2>
      <DataTable
        caption={`What has happened to ${p().name}’s account, newest first`}
        columns={columns}
        rows={props.detail.history}
        id="person-history"
        empty={<p class="govuk-body">Nothing has been recorded yet.</p>}
      />
      <LinkLine href="/people">Back to people</LinkLine>
    </Page>
  );
}
