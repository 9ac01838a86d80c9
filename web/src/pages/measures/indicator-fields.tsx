import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { UNIT_RULES } from '../../../../shared/measures/rules.js';
import { DIRECTION_LABELS, DIRECTIONS, FREQUENCIES, FREQUENCY_LABELS, UNIT_LABELS, UNITS } from '../../../../shared/measures/schema.js';
import { DateInput } from '../../components/date-input.js';
import { Checkboxes, Radios, Select, TextArea, TextField } from '../../components/fields.js';
import { storeFields } from '../../components/store-fields.js';
import type { IndicatorFormValues } from './indicator-form.js';

const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;

/**
 * The indicator form's fields in three parts: what it measures, its target and baseline, and who
 * reports it how often. `agencies`: those that may report it, in the partnership's order.
 */
export function IndicatorFields(props: {
  values: IndicatorFormValues;
  set: SetStoreFunction<IndicatorFormValues>;
  err: (field: keyof IndicatorFormValues) => string | undefined;
  agencies: { id: string; name: string }[];
  threshold: number;
}) {
  const { text, choice, choices } = storeFields({ values: props.values, set: props.set, err: props.err });
  const v = () => props.values;
  const range = () => v().direction === 'range';
  const inUnit = () => (v().unit ? `In the unit you chose: ${UNIT_RULES[v().unit as keyof typeof UNIT_RULES].says}.` : 'In the unit you chose.');
  return (
    <>
      <h2 class="govuk-heading-m">What it measures</h2>
      <TextField {...text('name')} label="Name" hint="What people will call it, for example: Children in care." />
      <TextArea
        {...text('definition')}
        label="Definition (optional)"
        hint="Exactly what is counted, and when. For example: children looked after on the last day of the quarter, including those placed out of the area."
        rows={3}
      />
      <Radios {...choice('unit')} legend="Unit" options={UNITS.map((u) => ({ value: u, label: UNIT_LABELS[u], hint: sentence(UNIT_RULES[u].says) }))} />
      <Checkboxes
        {...choices('flags')}
        legend="Counting and sharing"
        hint="Select all that apply."
        options={[
          {
            value: 'countsChildren',
            label: 'It is a count of children',
            hint: `Counts of 1 to ${props.threshold - 1} children are then not recorded: the agency records "fewer than ${props.threshold}" instead, so that no child in a small group can be identified. Only for the unit Count.`,
          },
          {
            value: 'publishedToExecutive',
            label: 'Show it to the partnership executive',
            hint: 'Executive members see it on the outcome measures pages, the tracker and the board report. Leave it unticked for a working figure only the partnership’s staff need.',
          },
        ]}
      />

      <h2 class="govuk-heading-m">Target and baseline</h2>
      <Radios
        {...choice('direction')}
        legend="Which is better?"
        hint="This sets how a value is rated against the target, and whether a change is better or worse."
        options={DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))}
      />
      <TextField
        {...text('target')}
        label={range() ? 'Lower end of the range' : 'Target (optional)'}
        hint={`${inUnit()} Without a target, values are shown but not rated.`}
        inputmode="decimal"
        width="medium"
      />
      <Show when={range()}>
        <TextField {...text('targetMax')} label="Upper end of the range" hint={inUnit()} inputmode="decimal" width="medium" />
      </Show>
      <TextField
        {...text('tolerance')}
        label="Tolerance (optional)"
        hint="How far from the target a value can be and still be near target (amber), in the same unit. Leave it empty and any value that misses the target is off target (red)."
        inputmode="decimal"
        width="medium"
      />
      <TextField
        {...text('baselineValue')}
        label="Baseline value (optional)"
        hint="The value before the reform, to measure change against. For example, 458."
        inputmode="decimal"
        width="medium"
      />
      <DateInput {...choice('baselineDate')} legend="Baseline date (needed with a baseline value)" hint="The day the baseline value is for. For example, 31 3 2023" />

      <h2 class="govuk-heading-m">Reporting</h2>
      <Show
        when={props.agencies.length > 0}
        fallback={
          <p class="govuk-body">
            No agency reports on this workstream yet.{' '}
            <A class="govuk-link" href="/programme">
              Add one on Programme set-up
            </A>{' '}
            first.
          </p>
        }
      >
        <Select
          {...choice('reportingAgencyId')}
          label="Which agency reports it?"
          hint="It enters the value in its return for this workstream. Only agencies that report on this workstream are listed."
          options={[{ value: '', label: 'Choose an agency' }, ...props.agencies.map((a) => ({ value: a.id, label: a.name }))]}
        />
      </Show>
      <Radios {...choice('frequency')} legend="How often is it reported?" options={FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }))} />
      <TextField {...text('source')} label="Source (optional)" hint="Where the figure comes from, for example: case management system, quarter-end snapshot." />
    </>
  );
}
