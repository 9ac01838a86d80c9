import { useNavigate } from '@solidjs/router';
import { createStore } from 'solid-js/store';
import { AGENCY_TYPE_LABELS, AGENCY_TYPES } from '../../../../shared/partnership/schema.js';
import { CreateAgencyRequest } from '../../../../shared/partnership/requests.js';
import { addAgency, changeAgency, type SetUpAgency, setUpChanged } from '../../api/set-up.js';
import { fieldOfPath, optionsOf, Radios, TextField } from '../../components/fields.js';
import { FormPage } from '../../components/form.js';
import { createFormState } from '../../components/form-state.js';
import { storeFields } from '../../components/store-fields.js';

const STATUTORY = [
  { value: 'yes', label: 'Yes', hint: 'The council, the police force or the integrated care board' },
  { value: 'no', label: 'No', hint: 'A relevant agency, such as schools, or a voluntary organisation' },
];

/** `/programme/agencies/new` and `/programme/agencies/:id/change`: an agency's name, type and whether it is a statutory partner. */
export function AgencyForm(props: { agency: SetUpAgency | null }) {
  const navigate = useNavigate();
  const form = createFormState();
  const a = props.agency;
  const [v, setV] = createStore({ name: a?.name ?? '', type: a?.type ?? '', statutory: a ? (a.statutory ? 'yes' : 'no') : '' });
  const { text, choice } = storeFields({ values: v, set: setV, err: form.err });

  const submit = () => {
    const answers = { name: v.name, type: v.type, statutory: v.statutory === '' ? undefined : v.statutory === 'yes' };
    const body = form.check(CreateAgencyRequest.safeParse(answers), fieldOfPath, (f) =>
      f === 'type' ? 'Choose the type of agency' : f === 'statutory' ? 'Say whether it is a statutory safeguarding partner' : undefined,
    );
    if (!body) return;
    void form.save(
      async () => {
        if (a) await changeAgency(a.id, body, a.version);
        else await addAgency(body);
        await setUpChanged();
        const flash = a
          ? `Your changes to ${body.name} have been saved.`
          : `${body.name} has been added. Choose the workstreams it reports on, and invite its people on the People page.`;
        navigate('/programme', { state: { flash } });
      },
      {
        field: fieldOfPath,
        stale: 'Someone else changed this agency while you were editing it. Go back to Programme set-up to see their change, then make yours again.',
        fallback: 'The agency could not be saved. Try again.',
      },
    );
  };

  return (
    <FormPage
      title={a ? `Change ${a.name}` : 'Add an agency'}
      caption="Programme set-up"
      form={form}
      onSubmit={submit}
      submit={a ? 'Save changes' : 'Add agency'}
      cancelHref="/programme"
    >
      <TextField {...text('name')} label="Name" hint="As people know it, for example Kent Police" maxlength={200} />
      <Radios {...choice('type')} legend="Type of agency" options={optionsOf(AGENCY_TYPES, AGENCY_TYPE_LABELS)} legendClass="govuk-fieldset__legend--s" />
      <Radios {...choice('statutory')} legend="Is it a statutory safeguarding partner?" options={STATUTORY} legendClass="govuk-fieldset__legend--s" />
    </FormPage>
  );
}
