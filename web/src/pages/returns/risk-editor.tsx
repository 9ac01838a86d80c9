import { Show } from 'solid-js';
import { IMPACT_LABELS, IMPACTS, LIKELIHOOD_LABELS, LIKELIHOODS, type Impact, type Likelihood } from '../../../../shared/returns/schema.js';
import { Select, TextArea, TextField } from '../../components/fields.js';
import { ListSection, type ListProps } from '../../components/list-editor.js';
import { fieldId } from '../../../../shared/returns/paths.js';
import type { FormRisk } from '../../../../shared/returns/section-form.js';
import { riskRatingText } from '../../../../shared/returns/words.js';

/* The section form's risks: each rated with the council's matrix, its rating shown in words as it is chosen. */

const choose = (what: string, values: readonly string[], labels: Record<string, string>) => [
  { value: '', label: `Choose ${what}` },
  ...values.map((v) => ({ value: v, label: `${v} – ${labels[v]}` })),
];
const LIKELIHOOD_OPTIONS = choose('likelihood', LIKELIHOODS, LIKELIHOOD_LABELS);
const IMPACT_OPTIONS = choose('impact', IMPACTS, IMPACT_LABELS);

export function RiskEditor(props: ListProps<FormRisk>) {
  return (
    <ListSection
      id="risks"
      title="Risks"
      hint={`Rate each risk with the council's matrix: likelihood A (very likely) to D (rare), and impact I (catastrophic) to IV (minor). A rating reads like "BII".`}
      noun="risk"
      first="title"
      list={props}
      error={props.f.err('risks')}
    >
      {(r, k, base) => {
        const p = (field: keyof FormRisk) => `risks[${k}].${field}`;
        const text = (field: keyof FormRisk) => ({ ...props.f.text(p(field)), value: r()[field], onInput: (v: string) => props.onChange(k, field, v) });
        const select = (field: 'likelihood' | 'impact') => ({
          id: fieldId(p(field)),
          labelClass: '',
          error: props.f.err(p(field)),
          value: r()[field],
          onChange: (v: string) => props.onChange(k, field, v),
        });
        return (
          <>
            <TextField {...text('title')} label="Title" />
            <TextArea {...text('description')} label="Description (optional)" rows={3} />
            <div class="app-field-pair">
              <Select {...select('likelihood')} label="Likelihood" options={LIKELIHOOD_OPTIONS} />
              <Select {...select('impact')} label="Impact" options={IMPACT_OPTIONS} />
            </div>
            <p class="govuk-body app-rating-line" id={`${base}-rating`}>
              Rating:{' '}
              <Show when={r().likelihood && r().impact} fallback={<span class="app-secondary-text">choose a likelihood and an impact</span>}>
                <strong>{riskRatingText(r().likelihood as Likelihood, r().impact as Impact)}</strong>
              </Show>
            </p>
            <TextArea {...text('mitigation')} label="Mitigation (optional)" rows={2} />
            <TextField {...text('owner')} label="Owner (optional)" hint="A role, not a person's name" />
          </>
        );
      }}
    </ListSection>
  );
}
