import type { JSX } from 'solid-js';
import { TextArea, TextField } from '../../components/fields.js';
import { ListEditor } from '../../components/list-editor.js';
import type { FormFields } from './field.js';
import type { SectionFormValues as FormState } from '../../../../shared/returns/section-form.js';

/*
 * The section form's lists (risks, escalations, measures): a heading, a hint, and the kit's list
 * editor, whose new item's first field takes focus.
 */

export interface ListProps<T> {
  f: FormFields;
  items: T[];
  onAdd(): void;
  onRemove(index: number): void;
  onChange(index: number, field: keyof T, value: string): void;
}

export function ListSection<T>(props: {
  /** the list's path in the section, and its id */
  id: string;
  title: string;
  hint: string;
  noun: string;
  article?: 'a' | 'an';
  /** the item field that takes focus after Add */
  first: string;
  list: ListProps<T>;
  error?: string | undefined;
  children: (item: () => T, index: number, base: string) => JSX.Element;
}) {
  return (
    <ListEditor
      id={props.id}
      noun={props.noun}
      article={props.article}
      items={props.list.items}
      heading={props.title}
      hint={props.hint}
      hintClass="govuk-body"
      error={props.error}
      onAdd={() => props.list.onAdd()}
      onRemove={(k) => props.list.onRemove(k)}
      firstFieldId={(k) => `${props.id}-${k}-${props.first}`}
    >
      {props.children}
    </ListEditor>
  );
}

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
