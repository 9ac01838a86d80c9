import { TextArea, TextField } from '../../components/fields.js';
import { ListSection, type ListProps } from '../../components/list-editor.js';
import type { SectionFormValues as FormState } from '../../../../shared/returns/section-form.js';

/* The section form's escalations and measures, each on the kit's ListSection (risks: ./risk-editor.tsx). */

export function EscalationEditor(props: ListProps<FormState['escalations'][number]>) {
  return (
    <ListSection
      id="escalations"
      title="Escalations"
      hint="Anything the partnership executive needs to decide or unblock. Leave this empty if there is nothing to escalate."
      noun="escalation"
      article="an"
      first="summary"
      list={props}
    >
      {(x, k) => (
        <TextArea
          {...props.f.text(`escalations[${k}].summary`)}
          label="What needs deciding or unblocking"
          rows={3}
          value={x().summary}
          onInput={(v) => props.onChange(k, 'summary', v)}
        />
      )}
    </ListSection>
  );
}

export function MetricEditor(props: ListProps<FormState['metrics'][number]>) {
  return (
    <ListSection
      id="metrics"
      title="Measures (optional)"
      hint={'Numbers that show progress this quarter, for example "Children on Child in Need plans: 433".'}
      noun="measure"
      first="name"
      list={props}
    >
      {(m, k) => (
        <div class="app-field-pair">
          <TextField {...props.f.text(`metrics[${k}].name`)} label="What is measured" value={m().name} onInput={(v) => props.onChange(k, 'name', v)} />
          <TextField
            {...props.f.text(`metrics[${k}].value`)}
            label="Number"
            inputmode="decimal"
            inputClass="app-input--number"
            value={m().value}
            onInput={(v) => props.onChange(k, 'value', v)}
          />
        </div>
      )}
    </ListSection>
  );
}
