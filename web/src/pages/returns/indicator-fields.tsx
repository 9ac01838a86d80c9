import { Index, Show } from 'solid-js';
import { formatPoint, targetWords, UNIT_RULES } from '../../../../shared/measures/rules.js';
import type { MeasurePoint, Unit } from '../../../../shared/measures/schema.js';
import { recentValues } from '../../../../shared/measures/series.js';
import { comparePeriodIds, periodLabel } from '../../../../shared/periods/period.js';
import { fieldId } from '../../../../shared/returns/paths.js';
import type { FormIndicator } from '../../../../shared/returns/section-form.js';
import type { IndicatorSeries } from '../../api/measures.js';
import type { FormFields } from '../../components/field-paths.js';
import { TextArea, TextField } from '../../components/fields.js';
import { SingleCheckbox } from '../../components/single-checkbox.js';
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

/**
 * The last value reported before this period, as people read it, or that there is none. It is the
 * number a new value is compared with (`recentValues`, as the API's query on a value far from the
 * recent ones), with whether its return is accepted yet (the point's state). A quarter since then
 * without a number ("fewer than N", or not available) is said first, so it is not passed over.
 */
function lastReported(ind: IndicatorSeries, periodId: string, threshold: number): string {
  const said = (p: MeasurePoint) => `${formatPoint(ind.unit, p, threshold)} in ${periodLabel(p.periodId)}${p.state === 'provisional' ? ' (not yet accepted)' : ''}`;
  const last = recentValues(ind.points, periodId)[0];
  const at = last ? ind.points.findIndex((p) => p.periodId === last.periodId) : -1;
  const number = ind.points[at];
  // Points are oldest first: those after the last number, and before this period, have none.
  const since = ind.points.slice(at + 1).filter((p) => comparePeriodIds(p.periodId, periodId) < 0);
  const latest = since.at(-1);
  if (!latest) return number ? said(number) : 'None reported before this quarter';
  return number ? `${said(latest)} (the last number: ${said(number)})` : said(latest);
}

const NOTE_HINT = 'Why the value moved, or why there is no value this quarter (you need a note to submit without one).';

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
                  <TextField
                    id={id}
                    label={
                      <>
                        Value for {periodLabel(props.periodId)}
                        <span class="govuk-visually-hidden"> of {i().name}</span>
                      </>
                    }
                    labelClass=""
                    hint={sentence(UNIT_RULES[i().unit].says)}
                    error={props.f.err(`indicators[${k}].value`)}
                    describedBy={query() && `${base}-query`}
                    inputClass="govuk-input--width-10"
                    inputmode={i().unit === 'count' ? 'numeric' : i().unit === 'money' ? undefined : 'decimal'}
                    spellcheck={false}
                    prefix={AFFIX[i().unit].prefix}
                    suffix={AFFIX[i().unit].suffix}
                    value={row().value}
                    onInput={(value) => props.onChange(k, { value, confirmed: false })}
                  />
                  <Show when={query()}>
                    {(q) => (
                      <>
                        <WarningText lines={[q()]} id={`${base}-query`} />
                        <SingleCheckbox
                          id={fieldId(`indicators[${k}].confirmed`)}
                          label="I have checked this value and it is correct"
                          describedBy={`${base}-query`}
                          error={props.f.err(`indicators[${k}].confirmed`)}
                          checked={row().confirmed}
                          onChange={(confirmed) => props.onChange(k, { confirmed })}
                        />
                      </>
                    )}
                  </Show>
                  <Show when={i().countsChildren}>
                    <SingleCheckbox
                      id={fieldId(`indicators[${k}].belowThreshold`)}
                      label={`Fewer than ${props.threshold}`}
                      hint={`Counts of 1 to ${props.threshold - 1} children are not recorded, so that no child in a small group can be identified. Leave the value empty and choose this instead.`}
                      error={props.f.err(`indicators[${k}].belowThreshold`)}
                      checked={row().belowThreshold}
                      onChange={(belowThreshold) => props.onChange(k, { belowThreshold })}
                    />
                  </Show>
                  <TextArea
                    {...props.f.text(`indicators[${k}].note`)}
                    label={
                      <>
                        Note (optional)<span class="govuk-visually-hidden"> on {i().name}</span>
                      </>
                    }
                    hint={NOTE_HINT}
                    rows={2}
                    value={row().note}
                    onInput={(note) => props.onChange(k, { note })}
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
