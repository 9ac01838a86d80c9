import { useNavigate } from '@solidjs/router';
import { Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { CreateWorkstreamRequest } from '../../../../shared/partnership/requests.js';
import { periodForDate, periodLabel } from '../../../../shared/periods/period.js';
import { addWorkstream, changeWorkstream, type SetUpWorkstream, setUpChanged } from '../../api/set-up.js';
import { Checkboxes, Choices, fieldOfPath, namedOptions, Select, TextArea, TextField } from '../../components/fields.js';
import { withAny } from '../../components/filter-form.js';
import { FormPage } from '../../components/form.js';
import { createFormState } from '../../components/form-state.js';
import { storeFields } from '../../components/store-fields.js';
import { useApp } from '../../state.js';

/**
 * `/programme/workstreams/new` and `/programme/workstreams/:id/change`: a workstream's name,
 * description, lead agency and the agencies that report on it. Only agencies in use are offered;
 * a retired one that reported on it stays with its history (the server keeps it). The change page
 * also says whether it is the partnership's MACPT workstream (one at most: the server moves the mark).
 */
export function WorkstreamForm(props: { workstream: SetUpWorkstream | null }) {
  const app = useApp();
  const navigate = useNavigate();
  const form = createFormState();
  const w = props.workstream;
  const agencies = () => app.agencies();
  const [v, setV] = createStore({
    name: w?.name ?? '',
    description: w?.description ?? '',
    leadAgencyId: w?.leadAgencyId ?? '',
    contributingAgencyIds: (w?.contributingAgencyIds ?? []).filter((id) => agencies().some((a) => a.id === id)),
    macpt: w?.macpt === true,
  });
  // The workstream that sets up the MACPTs now, if another one does: it stops when this one is ticked.
  const otherMacpt = () => (app.partnership.state === 'ready' ? app.partnership()?.workstreams.find((x) => x.macpt === true && x.id !== w?.id) : undefined);
  const { text, choice, choices } = storeFields({ values: v, set: setV, err: form.err });

  const submit = () => {
    const order = agencies().map((a) => a.id);
    const { macpt, ...fields } = v;
    const answers = { ...fields, contributingAgencyIds: [...v.contributingAgencyIds].sort((a, b) => order.indexOf(a) - order.indexOf(b)) };
    const body = form.check(CreateWorkstreamRequest.safeParse(answers), fieldOfPath, (f) => (f === 'leadAgencyId' ? 'Choose the lead agency' : undefined));
    if (!body) return;
    void form.save(
      async () => {
        if (w) await changeWorkstream(w.id, { ...body, macpt }, w.version);
        else await addWorkstream(body);
        await setUpChanged();
        const flash = w
          ? `Your changes to ${body.name} have been saved.`
          : `${body.name} has been added. The agencies that report on it have a section for it in their returns from ${periodLabel(periodForDate(new Date()))}.`;
        navigate('/programme', { state: { flash } });
      },
      {
        field: fieldOfPath,
        stale: 'Someone else changed this workstream while you were editing it. Go back to Programme set-up to see their change, then make yours again.',
        fallback: 'The workstream could not be saved. Try again.',
      },
    );
  };

  return (
    <FormPage
      title={w ? `Change ${w.name}` : 'Add a workstream'}
      caption="Programme set-up"
      form={form}
      onSubmit={submit}
      submit={w ? 'Save changes' : 'Add workstream'}
      cancelHref="/programme"
    >
      <TextField {...text('name')} label="Name" maxlength={200} />
      <TextArea {...text('description')} label="Description (optional)" hint="What the workstream is for. Agencies see it on their home page." maxlength={2000} rows={4} />
      <Select {...choice('leadAgencyId')} label="Lead agency" options={withAny('Choose an agency', namedOptions(agencies()))} />
      <Choices
        {...choices('contributingAgencyIds')}
        legend="Agencies that report on it"
        hint={
          w
            ? 'An agency you add reports on it from this quarter. An agency you take off keeps its sections in the returns it has already made.'
            : 'Each one has a section for this workstream in its quarterly return. Select all that apply.'
        }
        options={namedOptions(agencies())}
        legendClass="govuk-fieldset__legend--s"
      />
      <Show when={w}>
        <Checkboxes
          id="macpt"
          legend="Multi-agency child protection teams"
          hint={`Its readiness is shown as MACPT readiness, first on the readiness pages and highlighted on the tracker. Only one workstream can do this${
            otherMacpt() ? `: ${otherMacpt()!.name} does now, and stops if you save this one ticked` : ''
          }.`}
          options={[{ value: 'macpt', label: 'This workstream sets up the multi-agency child protection teams (MACPTs)' }]}
          selected={v.macpt ? ['macpt'] : []}
          onChange={(s) => setV('macpt', s.includes('macpt'))}
          error={form.err('macpt')}
          legendClass="govuk-fieldset__legend--s"
        />
      </Show>
    </FormPage>
  );
}
