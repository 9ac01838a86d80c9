import { createSignal } from 'solid-js';
import { NOT_A_NUMBER, parseNumberInput } from '../../../../shared/forms/number-input.js';
import { MeasureSettingsRequest } from '../../../../shared/measures/schema.js';
import { type Measures, measuresChanged, setSmallNumberThreshold } from '../../api/measures.js';
import { Form } from '../../components/form.js';
import { createFormState } from '../../components/form-state.js';
import { TextField } from '../../components/fields.js';
import { Section } from '../../components/section.js';

/** What the threshold means, for the threshold `n`. */
export const thresholdMeaning = (n: number) =>
  `Counts of 1 to ${n - 1} children are not recorded, so that no child in a small group can be identified: agencies record "fewer than ${n}" instead, and pages show "Fewer than ${n}".`;

/** The lead's small-number threshold: what it is, what it means, and the form to change it. */
export function ThresholdForm(props: { settings: Measures['settings']; onSaved: (message: string) => void }) {
  const [text, setText] = createSignal(String(props.settings.smallNumberThreshold));
  const form = createFormState();
  const submit = () => {
    const checked = form.check(MeasureSettingsRequest.safeParse({ smallNumberThreshold: parseNumberInput(text()) ?? NOT_A_NUMBER }), () => 'small-number-threshold');
    if (!checked) return;
    void form.save(
      async () => {
        const saved = await setSmallNumberThreshold(checked.smallNumberThreshold, props.settings.version);
        await measuresChanged();
        props.onSaved(`The small-number threshold is now ${saved.smallNumberThreshold}. ${thresholdMeaning(saved.smallNumberThreshold)}`);
      },
      {
        field: () => 'small-number-threshold',
        // Someone else saved first: show theirs (the page reloads it) and say so.
        onStale: () => {
          form.setErrors([{ message: 'Someone else changed the threshold after you opened this page. It has been reloaded: check it and try again.' }]);
          void measuresChanged();
        },
        fallback: 'The threshold could not be saved. Try again.',
      },
    );
  };
  return (
    <Section headingId="threshold-heading" title="Small-number threshold" class="app-measures-threshold">
      <p class="govuk-body" data-testid="threshold-now">
        The threshold is {props.settings.smallNumberThreshold}. {thresholdMeaning(props.settings.smallNumberThreshold)}
      </p>
      <p class="govuk-body">It applies to every indicator you mark as a count of children. Many partnerships use 5.</p>
      <Form form={form} onSubmit={submit} submit="Change threshold" labelledBy="threshold-heading">
        <TextField
          id="small-number-threshold"
          label="Small-number threshold"
          hint="A whole number from 2 to 20"
          inputmode="numeric"
          width="short"
          value={text()}
          error={form.err('small-number-threshold')}
          onInput={setText}
        />
      </Form>
    </Section>
  );
}
