import { useNavigate } from '@solidjs/router';
import { deactivatePerson, type PersonDetail, peopleChanged } from '../../api/people.js';
import { createFormState } from '../../components/form-state.js';
import { WarningText } from '../../components/warning-text.js';
import { PersonLoader } from './people-access.js';
import { FormPage } from '../../components/form.js';

/** `/people/:id/deactivate`: the check before someone loses access (it can be undone by reactivating them). */
export default function DeactivatePage() {
  return <PersonLoader>{(d) => <Confirm person={d().person} />}</PersonLoader>;
}

function Confirm(props: { person: PersonDetail['person'] }) {
  const navigate = useNavigate();
  const form = createFormState();
  const p = props.person;
  const back = `/people/${p.id}`;
  const deactivate = () =>
    form.save(
      async () => {
        await deactivatePerson(p.id, p.version);
        await peopleChanged();
        navigate(back, { state: { flash: `${p.name} has been deactivated. They will be signed out within a minute.` } });
      },
      { stale: 'Someone else changed this person since you opened the page. Go back to their page, then try again.', fallback: 'They could not be deactivated. Try again.' },
    );
  return (
    <FormPage title={`Deactivate ${p.name}?`} caption="People" form={form} onSubmit={deactivate} submit={`Deactivate ${p.name}`} warning cancelHref={back}>
      <WarningText lines={[`${p.name} will be signed out within a minute and will not be able to sign in again.`]} />
      <p class="govuk-body">Their name stays on the returns, sign-offs and other records they worked on. You can reactivate them later if they need access again.</p>
    </FormPage>
  );
}
