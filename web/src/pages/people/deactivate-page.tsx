import { A, useNavigate, useParams } from '@solidjs/router';
import { deactivatePerson, getPerson, type PersonDetail } from '../../api/people.js';
import { createKeyedResource, invalidate, QUERY } from '../../api/queries.js';
import { createFormState, FormErrors } from '../../components/form-state.js';
import { Loaded } from '../../components/loaded.js';
import { Page } from '../../components/page.js';
import { ErrorPage } from '../../components/problem-page.js';
import { WarningText } from '../../components/warning-text.js';
import { PeopleManagersOnly } from './people-access.js';

/** `/people/:id/deactivate`: the check before someone loses access (it can be undone by reactivating them). */
export default function DeactivatePage() {
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
        {(d) => <Confirm person={d().person} />}
      </Loaded>
    </PeopleManagersOnly>
  );
}

function Confirm(props: { person: PersonDetail['person'] }) {
  const navigate = useNavigate();
  const form = createFormState();
  const p = props.person;
  const back = `/people/${p.id}`;
  const deactivate = (e: Event) => {
    e.preventDefault();
    return form.save(
      async () => {
        await deactivatePerson(p.id, p.version);
        await invalidate(QUERY.people, QUERY.person, QUERY.auditPeople);
        navigate(back, { state: { flash: `${p.name} has been deactivated. They will be signed out within a minute.` } });
      },
      { stale: 'Someone else changed this person since you opened the page. Go back to their page, then try again.', fallback: 'They could not be deactivated. Try again.' },
    );
  };
  return (
    <Page title={`Deactivate ${p.name}?`} caption="People" hasErrors={form.errors().length > 0}>
      <FormErrors errors={form.errors()} />
      <WarningText lines={[`${p.name} will be signed out within a minute and will not be able to sign in again.`]} />
      <p class="govuk-body">Their name stays on the returns, sign-offs and other records they worked on. You can reactivate them later if they need access again.</p>
      <form onSubmit={deactivate} novalidate>
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button govuk-button--warning" disabled={form.busy()}>
            Deactivate {p.name}
          </button>
          <A href={back} class="govuk-link">
            Cancel
          </A>
        </div>
      </form>
    </Page>
  );
}
