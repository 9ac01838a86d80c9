import { useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { type TemplateSummary, useTemplate, useTemplates } from '../../api/platform.js';
import { Radios } from '../../components/fields.js';
import { FormPage } from '../../components/form.js';
import { createFormState } from '../../components/form-state.js';
import { Loaded } from '../../components/loaded.js';
import { ProblemPage } from '../../components/problem-page.js';
import { PartnershipForm } from './partnership-form.js';

const BACK = { href: '/platform', text: 'Go to the list of partnerships' };

/**
 * `/platform/new`: create a partnership from a template. With one template the form starts from
 * it (and says so); with more, the administrator chooses first (`?template=`).
 */
export default function NewPartnershipPage() {
  const [params] = useSearchParams<{ template?: string }>();
  const [templates] = useTemplates();
  /** The template to start from: undefined while the list loads, null until one is chosen. */
  const chosen = (): string | null | undefined => {
    const list = templates()?.templates;
    if (!list) return undefined;
    return list.length === 1 ? list[0]!.id : (list.find((t) => t.id === params.template)?.id ?? null);
  };
  const [template] = useTemplate(() => chosen() ?? undefined);
  return (
    <Loaded data={templates} loading="Loading the templates…" failed={{ back: BACK }}>
      {(list) => (
        <Show
          when={list().templates.length > 0}
          fallback={
            <ProblemPage title="There are no templates" back={BACK}>
              <p class="govuk-body">A partnership is created from a template, and the portal has none yet.</p>
            </ProblemPage>
          }
        >
          <Show when={chosen() !== null} fallback={<ChooseTemplate templates={list().templates} />}>
            <Loaded data={template} loading="Loading the template…" failed={{ back: BACK }}>
              {(t) => <PartnershipForm template={t()} />}
            </Loaded>
          </Show>
        </Show>
      )}
    </Loaded>
  );
}

/** Which template the new partnership starts from, when there is more than one. */
function ChooseTemplate(props: { templates: TemplateSummary[] }) {
  const navigate = useNavigate();
  const form = createFormState();
  const [choice, setChoice] = createSignal('');
  const submit = () => {
    if (!choice()) return form.setErrors([{ field: 'template', message: 'Choose the template the partnership starts from' }]);
    navigate(`/platform/new?template=${encodeURIComponent(choice())}`);
  };
  return (
    <FormPage title="Create a partnership" caption="Platform administration" form={form} onSubmit={submit} submit="Continue" cancelHref="/platform">
      <Radios
        id="template"
        legend="Which template does it start from?"
        hint="You can change its workstreams, agencies and settings next."
        options={props.templates.map((t) => ({ value: t.id, label: `${t.name} (version ${t.version})`, hint: t.description }))}
        value={choice()}
        onChange={setChoice}
        error={form.err('template')}
      />
    </FormPage>
  );
}
