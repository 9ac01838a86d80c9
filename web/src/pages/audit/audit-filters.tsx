import { createEffect, createSignal, For, on, Show, type JSX } from 'solid-js';
import { AUDIT_ACTION_LABELS, AUDITED_ENTITY_TYPES, ENTITY_TYPE_LABELS } from '../../../../shared/audit/query.js';
import type { SummaryError } from '../../components/error-summary.js';
import { DateInput, partsOf, readDate, type DateParts } from './date-input.js';

/** The search as the address holds it: ?type=return&id=2026-27-Q3/kent-police&person=…&action=…&from=…&to=…&cursor=… */
export interface AuditFilterValues {
  type: string;
  id: string;
  person: string;
  action: string;
  from: string;
  to: string;
}

interface Option {
  value: string;
  label: string;
}

function SelectField(props: { id: string; label: string; hint?: string; error?: string | undefined; value: string; options: Option[]; onChange: (v: string) => void }) {
  const describedBy = () => [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!props.error }}>
      <label class="govuk-label govuk-label--s" for={props.id}>
        {props.label}
      </label>
      <Show when={props.hint}>
        <div class="govuk-hint" id={`${props.id}-hint`}>
          {props.hint}
        </div>
      </Show>
      <FieldError id={props.id} error={props.error} />
      <select class="govuk-select" classList={{ 'govuk-select--error': !!props.error }} id={props.id} name={props.id} aria-describedby={describedBy()} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <For each={props.options}>
          {(o) => (
            <option value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}

function FieldError(props: { id: string; error?: string | undefined }): JSX.Element {
  return (
    <Show when={props.error}>
      <p class="govuk-error-message" id={`${props.id}-error`}>
        <span class="govuk-visually-hidden">Error:</span> {props.error}
      </p>
    </Show>
  );
}

const TYPE_OPTIONS: Option[] = [{ value: '', label: 'Any record' }, ...AUDITED_ENTITY_TYPES.map((t) => ({ value: t, label: ENTITY_TYPE_LABELS[t] }))];
const ACTION_OPTIONS: Option[] = [{ value: '', label: 'Any action' }, ...Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }))];

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
  const [from, setFrom] = createSignal<DateParts>(partsOf(undefined));
  const [to, setTo] = createSignal<DateParts>(partsOf(undefined));
  // The address changed (applied, Back, Forward or a link): the form shows it.
  createEffect(
    on(
      () => JSON.stringify(props.values),
      () => {
        setType(props.values.type);
        setId(props.values.id);
        setPerson(props.values.person);
        setAction(props.values.action);
        setFrom(partsOf(props.values.from));
        setTo(partsOf(props.values.to));
      },
    ),
  );
  const errorFor = (field: string) => props.errors.find((e) => e.field?.startsWith(field))?.message;
  const filtered = () => Object.values(props.values).some(Boolean);

  const apply = (e: SubmitEvent) => {
    e.preventDefault();
    const errors: SummaryError[] = [];
    if (type() && !id().trim()) errors.push({ field: 'record-id', message: "Enter the record's id, or choose Any record" });
    if (!type() && id().trim()) errors.push({ field: 'record-type', message: 'Choose the type of record' });
    const start = readDate(from(), 'Start date');
    const end = readDate(to(), 'End date');
    if (start.error) errors.push({ field: 'from-day', message: start.error });
    if (end.error) errors.push({ field: 'to-day', message: end.error });
    if (start.value && end.value && start.value > end.value) errors.push({ field: 'to-day', message: 'End date must be the same as or after the start date' });
    props.onErrors(errors);
    if (errors.length) return;
    props.onApply({ type: type(), id: id().trim(), person: person(), action: action(), from: start.value ?? '', to: end.value ?? '' });
  };

  return (
    <form class="app-audit-filter" onSubmit={apply} role="search" aria-label="Search the audit trail" novalidate>
      <div class="app-audit-filter__fields">
        <SelectField id="record-type" label="Type of record" error={errorFor('record-type')} value={type()} options={TYPE_OPTIONS} onChange={setType} />
        <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!errorFor('record-id') }}>
          <label class="govuk-label govuk-label--s" for="record-id">
            Record id
          </label>
          <div class="govuk-hint" id="record-id-hint">
            As in the record's page address, for example 2026-27-Q3/kent-police for a return
          </div>
          <FieldError id="record-id" error={errorFor('record-id')} />
          <input
            class="govuk-input"
            classList={{ 'govuk-input--error': !!errorFor('record-id') }}
            id="record-id"
            name="record-id"
            type="text"
            spellcheck={false}
            aria-describedby={`record-id-hint${errorFor('record-id') ? ' record-id-error' : ''}`}
            value={id()}
            onInput={(e) => setId(e.currentTarget.value)}
          />
        </div>
        <SelectField id="person" label="Person" value={person()} options={[{ value: '', label: 'Anyone' }, ...props.people]} onChange={setPerson} />
        <SelectField id="action" label="Action" value={action()} options={ACTION_OPTIONS} onChange={setAction} />
      </div>
      <div class="app-audit-filter__fields">
        <DateInput id="from" legend="From" hint="For example, 1 9 2026" value={from()} error={errorFor('from')} onChange={setFrom} />
        <DateInput id="to" legend="To" hint="For example, 30 11 2026. Both days are included." value={to()} error={errorFor('to')} onChange={setTo} />
      </div>
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button govuk-button--secondary">
          Search
        </button>
        <Show when={filtered()}>
          <button type="button" class="app-audit-link-button govuk-link" onClick={() => props.onClear()}>
            Clear filters
          </button>
        </Show>
      </div>
    </form>
  );
}
