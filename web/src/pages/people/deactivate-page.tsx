import { A, useNavigate } from '@solidjs/router';
import { deactivatePerson, type PersonDetail, peopleChanged } from '../../api/people.js';
import { createFormState, FormErrors } from '../../components/form-state.js';
import { Page } from '../../components/page.js';
import { WarningText } from '../../components/warning-text.js';
import { PersonLoader } from './people-access.js';

/** `/people/:id/deactivate`: the check before someone loses access (it can be undone by reactivating them). */
export default function DeactivatePage() {
  return <PersonLoader>{(d) => <Confirm person={d().person} />}</PersonLoader>;
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
        await peopleChanged();
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
