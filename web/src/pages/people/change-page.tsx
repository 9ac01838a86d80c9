import { useNavigate } from '@solidjs/router';
import { type PersonDetail, peopleChanged, updatePerson } from '../../api/people.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import { PersonLoader } from './people-access.js';
import { type PersonAnswers, PersonForm } from './person-form.js';

/** `/people/:id/change`: change a person's name, role, agency and what they do for it. */
export default function ChangePersonPage() {
  return <PersonLoader>{(d) => <ChangeForm person={d().person} />}</PersonLoader>;
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
    await peopleChanged();
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
