import { createEffect, createSignal, on } from 'solid-js';
import { AUDIT_ACTION_LABELS, AUDITED_ENTITY_TYPES, ENTITY_TYPE_LABELS } from '../../../../shared/audit/query.js';
import type { AuditFilterValues } from '../../../../shared/audit/search.js';
import type { SummaryError } from '../../components/error-summary.js';
import { dateError, DateInput } from '../../components/date-input.js';
import { type Option, Select, TextField } from '../../components/fields.js';
import { FilterForm, FilterRow, withAny } from '../../components/filter-form.js';

const TYPE_OPTIONS = withAny(
  'Any record',
  AUDITED_ENTITY_TYPES.map((t) => ({ value: t, label: ENTITY_TYPE_LABELS[t] })),
);
const ACTION_OPTIONS = withAny(
  'Any action',
  Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label })),
);

/**
 * The audit trail's GOV.UK filter form. It edits its own copy of the search; applying checks the
 * dates and the record, then puts the search in the address (which the results follow).
 */
export function AuditFilters(props: {
  values: AuditFilterValues;
  people: Option[];
  errors: SummaryError[];
  onErrors: (errors: SummaryError[]) => void;
  onApply: (values: AuditFilterValues) => void;
  onClear: () => void;
}) {
  const [type, setType] = createSignal('');
  const [id, setId] = createSignal('');
  const [person, setPerson] = createSignal('');
  const [action, setAction] = createSignal('');
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  // The address changed (applied, Back, Forward or a link): the form shows it.
  createEffect(
    on(
      () => JSON.stringify(props.values),
      () => {
        setType(props.values.type);
        setId(props.values.id);
        setPerson(props.values.person);
        setAction(props.values.action);
        setFrom(props.values.from);
        setTo(props.values.to);
      },
    ),
  );
  const errorFor = (field: string) => props.errors.find((e) => e.field?.startsWith(field))?.message;
  const filtered = () => Object.values(props.values).some(Boolean);

  const apply = () => {
    const errors: SummaryError[] = [];
    if (type() && !id().trim()) errors.push({ field: 'record-id', message: "Enter the record's id, or choose Any record" });
    if (!type() && id().trim()) errors.push({ field: 'record-type', message: 'Choose the type of record' });
    const startError = dateError(from(), 'Start date');
    const endError = dateError(to(), 'End date');
    if (startError) errors.push({ field: 'from-day', message: startError });
    if (endError) errors.push({ field: 'to-day', message: endError });
    if (!startError && !endError && from() && to() && from() > to()) errors.push({ field: 'to-day', message: 'End date must be the same as or after the start date' });
    props.onErrors(errors);
    if (errors.length) return;
    props.onApply({ type: type(), id: id().trim(), person: person(), action: action(), from: from(), to: to() });
  };

  return (
    <FilterForm label="Search the audit trail" submit="Search" filtered={filtered()} onApply={apply} onClear={props.onClear}>
      <FilterRow>
        <Select id="record-type" label="Type of record" error={errorFor('record-type')} value={type()} options={TYPE_OPTIONS} onChange={setType} />
        <TextField
          id="record-id"
          label="Record id"
          hint="As in the record's page address, for example 2026-27-Q3/kent-police for a return"
          error={errorFor('record-id')}
          spellcheck={false}
          value={id()}
          onInput={setId}
        />
        <Select id="person" label="Person" value={person()} options={withAny('Anyone', props.people)} onChange={setPerson} />
        <Select id="action" label="Action" value={action()} options={ACTION_OPTIONS} onChange={setAction} />
      </FilterRow>
      <FilterRow>
        <DateInput id="from" legend="From" hint="For example, 1 9 2026" value={from()} error={errorFor('from')} onChange={setFrom} />
        <DateInput id="to" legend="To" hint="For example, 30 11 2026. Both days are included." value={to()} error={errorFor('to')} onChange={setTo} />
      </FilterRow>
    </FilterForm>
  );
}
