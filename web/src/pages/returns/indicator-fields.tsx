import { Index, Show } from 'solid-js';
import { formatPoint, targetWords, UNIT_RULES } from '../../../../shared/measures/rules.js';
import type { Unit } from '../../../../shared/measures/schema.js';
import { comparePeriodIds, periodLabel } from '../../../../shared/periods/period.js';
import { fieldId } from '../../../../shared/returns/paths.js';
import type { FormIndicator } from '../../../../shared/returns/section-form.js';
import type { IndicatorSeries } from '../../api/measures.js';
import type { FormFields } from '../../components/field-paths.js';
import { Checkboxes, ErrorMessage, TextArea } from '../../components/fields.js';
import { WarningText } from '../../components/warning-text.js';

/*
 * The section form's outcome indicators: a value for each indicator the agency reports in this
 * section this quarter, with the target and the last value reported beside it. A count of children
 * can be "fewer than N" instead (the small-number threshold). A value the API queried (far from the
 * recent ones) shows the query as a warning and asks the person to confirm it; typing the value
 * again takes the confirmation away.
 */

/** What goes round the box, as GOV.UK prefixes and suffixes (hidden from screen readers: the hint says the unit). */
const AFFIX: Record<Unit, { prefix?: string; suffix?: string }> = {
  count: {},
  percentage: { suffix: '%' },
  'rate-per-10000': { suffix: 'per 10,000' },
  days: { suffix: 'days' },
  money: { prefix: '£' },
};

/** The last value reported before this period, as people read it, or that there is none. */
function lastReported(ind: IndicatorSeries, periodId: string, threshold: number): string {
  const last = ind.points.filter((p) => comparePeriodIds(p.periodId, periodId) < 0).at(-1);
  if (!last) return 'None reported before this quarter';
  return `${formatPoint(ind.unit, last, threshold)} in ${periodLabel(last.periodId)}${last.state === 'provisional' ? ' (not yet accepted)' : ''}`;
}

const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;

export function IndicatorFields(props: {
  f: FormFields;
  periodId: string;
  /** The indicators due, in the order of `rows`. */
  indicators: IndicatorSeries[];
  rows: FormIndicator[];
  threshold: number;
  /** The API's query on a row's value, by indicator id. */
  queries: Record<string, string>;
  onChange(row: number, change: Partial<FormIndicator>): void;
}) {
  return (
    <Show when={props.rows.length > 0}>
      <h2 class="govuk-heading-m" id="indicators" tabindex="-1">
        Outcome indicators
      </h2>
      <p class="govuk-body">Give the value of each indicator for {periodLabel(props.periodId)}. If there is no value this quarter, leave it empty and say why in the note.</p>
      <Index each={props.rows}>
        {(row, k) => {
          const ind = () => props.indicators.find((i) => i.id === row().indicatorId);
          const base = `indicators-${k}`;
          const id = fieldId(`indicators[${k}].value`);
          const query = () => props.queries[row().indicatorId];
          const error = () => props.f.err(`indicators[${k}].value`);
          const affix = () => AFFIX[ind()?.unit ?? 'count'];
          return (
            <Show when={ind()}>
              {(i) => (
                <fieldset class="govuk-fieldset app-repeat app-indicator" aria-describedby={`${base}-facts`}>
                  <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{i().name}</legend>
                  <ul class="govuk-list govuk-hint app-indicator-facts" id={`${base}-facts`}>
                    <Show when={i().definition}>
                      <li>{i().definition}</li>
                    </Show>
                    <li>
                      <strong>Target:</strong> {targetWords(i()) ?? 'No target set'}
                    </li>
                    <li>
                      <strong>Last reported:</strong> {lastReported(i(), props.periodId, props.threshold)}
                    </li>
                  </ul>
                  <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!error() }}>
                    <label class="govuk-label" for={id}>
                      Value for {periodLabel(props.periodId)}
                    </label>
                    <div class="govuk-hint" id={`${id}-hint`}>
                      {sentence(UNIT_RULES[i().unit].says)}
                    </div>
                    <ErrorMessage id={id} error={error()} />
                    <div class="govuk-input__wrapper">
                      <Show when={affix().prefix}>
                        <div class="govuk-input__prefix" aria-hidden="true">
                          {affix().prefix}
                        </div>
                      </Show>
                      <input
                        class="govuk-input govuk-input--width-10"
                        classList={{ 'govuk-input--error': !!error() }}
                        id={id}
                        name={id}
                        type="text"
                        inputmode={i().unit === 'count' ? 'numeric' : i().unit === 'money' ? undefined : 'decimal'}
                        autocomplete="off"
                        spellcheck={false}
                        aria-describedby={[`${id}-hint`, error() && `${id}-error`, query() && `${base}-query`].filter(Boolean).join(' ')}
                        value={row().value}
                        onInput={(e) => props.onChange(k, { value: e.currentTarget.value, confirmed: false })}
                      />
                      <Show when={affix().suffix}>
                        <div class="govuk-input__suffix" aria-hidden="true">
                          {affix().suffix}
                        </div>
                      </Show>
                    </div>
                  </div>
                  <Show when={query()}>
                    {(q) => (
                      <>
                        <WarningText lines={[q()]} id={`${base}-query`} />
                        <Checkboxes
                          id={fieldId(`indicators[${k}].confirmed`)}
                          legend="Is this value right?"
                          options={[{ value: 'yes', label: 'I have checked this value and it is correct' }]}
                          selected={row().confirmed ? ['yes'] : []}
                          onChange={(v) => props.onChange(k, { confirmed: v.includes('yes') })}
                          small
                        />
                      </>
                    )}
                  </Show>
                  <Show when={i().countsChildren}>
                    <Checkboxes
                      id={fieldId(`indicators[${k}].belowThreshold`)}
                      legend="Small numbers"
                      hint={`Counts of 1 to ${props.threshold - 1} children are not recorded, so that no child in a small group can be identified. Leave the value empty and choose this instead.`}
                      error={props.f.err(`indicators[${k}].belowThreshold`)}
                      options={[{ value: 'yes', label: `Fewer than ${props.threshold}` }]}
                      selected={row().belowThreshold ? ['yes'] : []}
                      onChange={(v) => props.onChange(k, { belowThreshold: v.includes('yes') })}
                      small
                    />
                  </Show>
                  <TextArea
                    {...props.f.text(`indicators[${k}].note`)}
                    label="Note (optional)"
                    hint="Why the value moved, or why there is no value this quarter (you need a note to submit without one)."
                    rows={2}
                    value={row().note}
                    onInput={(v) => props.onChange(k, { note: v })}
                  />
                </fieldset>
              )}
            </Show>
          );
        }}
      </Index>
    </Show>
  );
}
