import { useFilterForm } from '../../components/address-filters.js';
import { AUDIT_ACTION_LABELS, AUDITED_ENTITY_TYPES, ENTITY_TYPE_LABELS } from '../../../../shared/audit/query.js';
import type { SummaryError } from '../../components/error-summary.js';
import { dateError, DateInput } from '../../components/date-input.js';
import { type Option, optionsOf, Select, TextField } from '../../components/fields.js';
import { FilterForm, FilterRow, withAny } from '../../components/filter-form.js';

const TYPE_OPTIONS = withAny('Any record', optionsOf(AUDITED_ENTITY_TYPES, ENTITY_TYPE_LABELS));
const ACTION_OPTIONS = withAny(
  'Any action',
  Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label })),
);

/** The audit trail's search, kept in the address (applying it starts again at the newest events). */
export const useAuditFilters = () => useFilterForm({ type: null, id: null, person: null, action: null, from: null, to: null }, ['cursor']);

/**
 * The audit trail's GOV.UK filter form. It edits a draft of the search; applying checks the dates
 * and the record, then puts the search in the address (which the results follow).
 */
export function AuditFilters(props: { filters: ReturnType<typeof useAuditFilters>; people: Option[]; errors: SummaryError[]; onErrors: (errors: SummaryError[]) => void }) {
  const v = () => props.filters.draft();
  const set = props.filters.set;
  const errorFor = (field: string) => props.errors.find((e) => e.field?.startsWith(field))?.message;

  const apply = () => {
    const { type, id, from, to } = v();
    const errors: SummaryError[] = [];
    if (type && !id.trim()) errors.push({ field: 'record-id', message: "Enter the record's id, or choose Any record" });
    if (!type && id.trim()) errors.push({ field: 'record-type', message: 'Choose the type of record' });
    const startError = dateError(from, 'Start date');
    const endError = dateError(to, 'End date');
    if (startError) errors.push({ field: 'from-day', message: startError });
    if (endError) errors.push({ field: 'to-day', message: endError });
    if (!startError && !endError && from && to && from > to) errors.push({ field: 'to-day', message: 'End date must be the same as or after the start date' });
    props.onErrors(errors);
    if (!errors.length) props.filters.apply();
  };
  const clear = () => {
    props.onErrors([]);
    props.filters.clear();
  };

  return (
    <FilterForm label="Search the audit trail" submit="Search" filtered={props.filters.filtered()} onApply={apply} onClear={clear}>
      <FilterRow>
        <Select id="record-type" label="Type of record" error={errorFor('record-type')} value={v().type} options={TYPE_OPTIONS} onChange={set('type')} />
        <TextField
          id="record-id"
          label="Record id"
          hint="As in the record's page address, for example 2026-27-Q3/kent-police for a return"
          error={errorFor('record-id')}
          spellcheck={false}
          value={v().id}
          onInput={set('id')}
        />
        <Select id="person" label="Person" value={v().person} options={withAny('Anyone', props.people)} onChange={set('person')} />
        <Select id="action" label="Action" value={v().action} options={ACTION_OPTIONS} onChange={set('action')} />
      </FilterRow>
      <FilterRow>
        <DateInput id="from" legend="From" hint="For example, 1 9 2026" value={v().from} error={errorFor('from')} onChange={set('from')} />
        <DateInput id="to" legend="To" hint="For example, 30 11 2026. Both days are included." value={v().to} error={errorFor('to')} onChange={set('to')} />
      </FilterRow>
    </FilterForm>
  );
}
