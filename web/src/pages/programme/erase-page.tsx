import { createSignal } from 'solid-js';
import { ERASABLE_ENTITIES, ERASABLE_ENTITY_LABELS, EraseRequest } from '../../../../shared/pii/erasure.js';
import { count } from '../../../../shared/text/plural.js';
import { createFlashMessage } from '../../components/flash-banner.js';
import { erased, erasePersonalData } from '../../api/erasure.js';
import { Select, TextArea, TextField, optionsOf } from '../../components/fields.js';
import { createFormState } from '../../components/form-state.js';
import { WarningText } from '../../components/warning-text.js';
import { FormPage } from '../../components/form.js';

const FIELDS = ['entityType', 'entityId', 'field', 'text', 'reason'] as const;
type Field = (typeof FIELDS)[number];

const HINTS: Record<Exclude<Field, 'entityType'>, string> = {
  entityId: 'As the personal-data scan (npm run pii:scan) or the page address shows it, for example 2026-27-Q3/kent-police.',
  field: 'Where the text is, for example narrative or summary. This is recorded with the erasure.',
  text: 'Copy it exactly as it appears. It is replaced by [removed] in the record, its earlier versions and its history, and is not kept anywhere.',
  reason: 'Recorded with the erasure. Do not repeat the personal data here.',
};

/** `/programme/erase`: the lead erases personal data that slipped through (UK GDPR). */
export default function ErasePage() {
  const [values, setValues] = createSignal<Record<Field, string>>({ entityType: 'return', entityId: '', field: '', text: '', reason: '' });
  const [done, show] = createFlashMessage();
  const form = createFormState();
  const set = (f: Field) => (v: string) => setValues({ ...values(), [f]: v });
  const error = (f: Field) => form.err(f);

  const fieldOf = (path: string) => FIELDS.find((f) => f === path);
  const submit = () => {
    const request = form.check(EraseRequest.safeParse(values()), fieldOf);
    if (!request) return;
    void form.save(
      async () => {
        const r = await erasePersonalData(request);
        show(
          `The text was removed from ${r.entityType} ${r.entityId}: ${count(r.recordReplacements, 'place')} in the record and its earlier versions, and ${count(r.auditEvents, 'entry', 'entries')} in its history.`,
        );
        void erased(request.entityType);
        setValues({ ...values(), text: '', reason: '' });
      },
      { field: fieldOf, fallback: 'The text could not be erased. Try again.' },
    );
  };

  return (
    <FormPage
      title="Erase personal data"
      caption="Programme set-up"
      flash={done()}
      form={form}
      onSubmit={submit}
      submit="Erase the text"
      warning
      cancelHref="/programme"
      cancelText="Back to programme set-up"
    >
      <p class="govuk-body">
        Use this when personal data about a child or family was saved by mistake. The text is replaced by [removed] everywhere it was stored. The history records that you erased
        something, from which field and why, but never the text.
      </p>
      <WarningText lines={['Erasing cannot be undone.']} />
      <Select
        id="entityType"
        label="Type of record"
        error={error('entityType')}
        value={values().entityType}
        onChange={set('entityType')}
        options={optionsOf(ERASABLE_ENTITIES, ERASABLE_ENTITY_LABELS)}
      />
      <TextField id="entityId" label="Record" hint={HINTS.entityId} error={error('entityId')} spellcheck={false} value={values().entityId} onInput={set('entityId')} />
      <TextField id="field" label="Field" hint={HINTS.field} error={error('field')} spellcheck={false} value={values().field} onInput={set('field')} />
      <TextArea id="text" label="Text to remove" hint={HINTS.text} error={error('text')} rows={3} value={values().text} onInput={set('text')} />
      <TextArea id="reason" label="Why it is being erased" hint={HINTS.reason} error={error('reason')} rows={3} value={values().reason} onInput={set('reason')} />
    </FormPage>
  );
}
