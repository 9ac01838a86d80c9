import { useNavigate } from '@solidjs/router';
import { createSignal, Match, Switch } from 'solid-js';
import { setRequiredAgencies, signatoriesChanged, type ThresholdConfig, useThresholdConfig } from '../../api/threshold.js';
import type { WithEtag } from '../../api/client.js';
import { Loading } from '../../components/loading.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import { setThresholdFlash } from './flash.js';
import { Choices, namedOptions } from '../../components/fields.js';
import { createFormState } from '../../components/form-state.js';
import { LeadOnly } from '../../components/role-guard.js';
import './threshold.css';
import { FormPage } from '../../components/form.js';

const FIELD = 'requiredAgencyIds';

function SignatoriesForm(props: { config: WithEtag<ThresholdConfig> }) {
  const app = useApp();
  const navigate = useNavigate();
  const [selected, setSelected] = createSignal<string[]>([...props.config.data.requiredAgencyIds]);
  const form = createFormState();
  const agencies = () => app.agencies();

  const submit = () => {
    if (selected().length === 0) return form.setErrors([{ field: FIELD, message: 'Choose at least one agency to sign the threshold document' }]);
    const order = agencies().map((a) => a.id);
    void form.save(
      async () => {
        const saved = await setRequiredAgencies(
          [...selected()].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
          props.config.etag,
        );
        const names = saved.data.requiredAgencyIds.map((id) => app.agencyName(id)).join(', ');
        setThresholdFlash(`Who signs new versions has been saved: ${names}. Versions already issued keep their signatories.`);
        void signatoriesChanged();
        navigate('/threshold');
      },
      {
        field: () => FIELD,
        stale: 'Someone else changed who signs after you opened this page. Reload the page to see their change, then make yours again.',
        fallback: 'Your change could not be saved. Try again.',
      },
    );
  };

  return (
    <FormPage title="Who signs new versions" caption="Threshold document" form={form} onSubmit={submit} submit="Save" cancelHref="/threshold">
      <p class="govuk-body">Each agency you choose must approve a new version of the threshold document before it is signed off. Its signatory records the decision.</p>
      <Choices
        type="checkbox"
        id={FIELD}
        legend="Which agencies must sign new versions?"
        legendClass="govuk-fieldset__legend--m"
        hint="This applies to versions issued from now on. Versions already issued, including the current one, keep the agencies they had when they were issued."
        error={form.err(FIELD)}
        options={namedOptions(agencies())}
        selected={selected()}
        onChange={setSelected}
      />
    </FormPage>
  );
}

/** `/threshold/signatories`: the lead chooses which agencies must sign versions issued from now on. */
export default function SignatoriesPage() {
  const app = useApp();
  const [config] = useThresholdConfig(() => app.me()?.role === 'lead');
  return (
    <LeadOnly
      title="You cannot change who signs the threshold document"
      reason="Only the programme lead chooses which agencies sign the threshold document."
      back={{ href: '/threshold', text: 'Back to the threshold document' }}
    >
      <Switch fallback={<Loading label="Loading who signs…" />}>
        <Match when={config.error}>
          <Page title="Sorry, there is a problem with the service">
            <p class="govuk-body">Who signs the threshold document could not be loaded. Reload the page to try again.</p>
          </Page>
        </Match>
        <Match when={config.state === 'ready' && app.partnership.state === 'ready' ? config() : undefined} keyed>
          {(c) => <SignatoriesForm config={c} />}
        </Match>
      </Switch>
    </LeadOnly>
  );
}
