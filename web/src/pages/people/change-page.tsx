import { useNavigate, useParams } from '@solidjs/router';
import { getPerson, type PersonDetail, updatePerson } from '../../api/people.js';
import { createKeyedResource, invalidate, QUERY } from '../../api/queries.js';
import { Loaded } from '../../components/loaded.js';
import { Page } from '../../components/page.js';
import { ErrorPage } from '../../components/problem-page.js';
import { useApp } from '../../state.js';
import { PeopleManagersOnly } from './people-access.js';
import { type PersonAnswers, PersonForm } from './person-form.js';

/** `/people/:id/change`: change a person's name, role, agency and what they do for it. */
export default function ChangePersonPage() {
  const params = useParams<{ id: string }>();
  const [detail] = createKeyedResource(QUERY.person, () => params.id, getPerson);
  return (
    <PeopleManagersOnly>
      <Loaded
        data={detail}
        loading="Loading the person…"
        error={
          <ErrorPage title="Sorry, there is a problem with the service" notFoundTitle="Person not found" error={detail.error} back={{ href: '/people', text: 'Back to people' }} />
        }
      >
        {(d) => <ChangeForm person={d().person} />}
      </Loaded>
    </PeopleManagersOnly>
  );
}

function ChangeForm(props: { person: PersonDetail['person'] }) {
  const app = useApp();
  const navigate = useNavigate();
  const p = props.person;
  const lead = () => app.me()?.role === 'lead';
  const self = () => app.me()?.id === p.id;
  const back = `/people/${p.id}`;
  const save = async (a: PersonAnswers) => {
    const fixed = self() || !lead();
    await updatePerson(
      p.id,
      {
        name: a.name,
        signatory: a.role === 'partner' && a.signatory,
        ...(fixed ? {} : { role: a.role, agencyId: a.role === 'executive' ? null : a.agencyId, agencyAdmin: a.role === 'partner' && a.agencyAdmin }),
      },
      p.version,
    );
    await invalidate(QUERY.people, QUERY.person, QUERY.auditPeople);
    navigate(back, { state: { flash: `Your changes to ${a.name} have been saved.` } });
  };
  return (
    <Page title={`Change ${p.name}’s details`} caption="People">
      <PersonForm
        invite={false}
        initial={{ name: p.name, email: p.email, role: p.role, agencyId: p.agencyId ?? '', signatory: p.signatory, agencyAdmin: p.agencyAdmin }}
        fixedRole={self() || !lead()}
        canGrantAdmin={lead() && !self()}
        submit="Save changes"
        cancelHref={back}
        onSave={save}
      />
    </Page>
  );
}
