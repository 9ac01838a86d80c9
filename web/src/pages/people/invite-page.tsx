import { useNavigate } from '@solidjs/router';
import { invitePerson, peopleChanged } from '../../api/people.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import { PeopleManagersOnly } from './people-access.js';
import { PersonForm } from './person-form.js';
import { NOT_SENT } from './person-page.js';

/** `/people/invite`: invite someone; they get an email saying how to sign in. */
export default function InvitePage() {
  const app = useApp();
  const navigate = useNavigate();
  const me = () => app.me()!;
  const lead = () => me().role === 'lead';
  return (
    <PeopleManagersOnly>
      <Page title="Invite someone" caption="People">
        <p class="govuk-body">
          {lead()
            ? 'They will get an email inviting them to the portal, with a link to set their password. The link works for 7 days.'
            : `Invite a colleague at ${app.agencyName(me().agencyId) ?? 'your agency'} as a partner agency officer. They will get an email with a link to set their password, which works for 7 days.`}
        </p>
        <PersonForm
          invite
          initial={{ name: '', email: '', role: 'partner', agencyId: lead() ? '' : (me().agencyId ?? ''), signatory: false, agencyAdmin: false }}
          fixedRole={!lead()}
          canGrantAdmin={lead()}
          submit="Send invitation"
          cancelHref="/people"
          onSave={async (a) => {
            const { person, invitationSent } = await invitePerson({
              name: a.name,
              email: a.email,
              role: a.role,
              agencyId: a.role === 'executive' ? null : a.agencyId,
              signatory: a.signatory,
              agencyAdmin: a.agencyAdmin,
            });
            await peopleChanged();
            navigate(`/people/${person.id}`, {
              state: { flash: invitationSent ? `An invitation has been sent to ${person.email}.` : `${person.name} has been added. ${NOT_SENT}` },
            });
          }}
        />
      </Page>
    </PeopleManagersOnly>
  );
}
