import { useNavigate } from '@solidjs/router';
import { createStore, type SetStoreFunction } from 'solid-js/store';
import { createPartnership, type TemplateDetail } from '../../api/platform.js';
import { Form } from '../../components/form.js';
import { createFormState } from '../../components/form-state.js';
import { InsetText } from '../../components/inset-text.js';
import { Page } from '../../components/page.js';
import { AboutFields } from './about-fields.js';
import { AgencyFields } from './agency-fields.js';
import { checkAnswers, initialAnswers, type PartnershipAnswers } from '../../../../shared/platform/new-partnership.js';
import { fieldOfPath, messageFor } from './field-paths.js';
import { FirstLeadFields, SettingsFields } from './lead-and-settings.js';
import { TemplateFacts } from './template-facts.js';
import { WorkstreamFields } from './workstream-fields.js';

/** What each part of the form takes: the answers, what changes them, and the errors on show by field id. */
export interface PartProps {
  v: PartnershipAnswers;
  setV: SetStoreFunction<PartnershipAnswers>;
  err: (field: string) => string | undefined;
}

/**
 * The form that creates a partnership from a template: its names and address, agencies,
 * workstreams (renamed and described in its own words), what else the template brings, reminders,
 * and its first programme lead. Checked on the page as the API checks it; the API's own refusals
 * are shown at their fields. Created, the confirmation page says what happened.
 */
export function PartnershipForm(props: { template: TemplateDetail }) {
  const navigate = useNavigate();
  const form = createFormState();
  const [v, setV] = createStore(initialAnswers(props.template));
  const submit = () => {
    const body = form.check(checkAnswers(v, props.template), fieldOfPath, (field, said) => messageFor(field, said, v));
    if (!body) return;
    void form.save(
      async () => {
        const created = await createPartnership(body);
        navigate(`/platform/created/${encodeURIComponent(created.partnership.id)}`, { state: { created } });
      },
      {
        field: fieldOfPath,
        conflict: { field: 'partnership-id', message: 'Another partnership already has this address id: choose another' },
        fallback: 'The partnership could not be created. Try again.',
      },
    );
  };
  const part: PartProps = { v, setV, err: form.err };
  const t = () => props.template;
  return (
    <Page title="Create a partnership" caption="Platform administration" hasErrors={form.errors().length > 0}>
      <InsetText testId="template-used">
        It starts from the template {t().name} (version {t().version}). {t().description}
      </InsetText>
      <p class="govuk-body">
        Its first programme lead is emailed an invitation once it is created. From then on they run the partnership: platform administrators do not work in it.
      </p>
      <Form onSubmit={submit} form={form} submit={form.busy() ? 'Creating the partnership…' : 'Create partnership'} cancelHref="/platform">
        <AboutFields {...part} firstYear={t().draft.firstYear} />
        <AgencyFields {...part} requiredTypes={t().requiredAgencyTypes} />
        <WorkstreamFields {...part} workstreams={t().draft.template.workstreams} />
        <TemplateFacts template={t().draft.template} workstreamName={(i) => v.workstreams[i]?.name.trim() || t().draft.template.workstreams[i]!.name} />
        <SettingsFields {...part} />
        <FirstLeadFields {...part} />
      </Form>
    </Page>
  );
}
