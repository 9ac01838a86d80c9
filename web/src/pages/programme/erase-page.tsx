import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { ERASABLE_ENTITIES, ERASABLE_ENTITY_LABELS, EraseRequest, type ErasureResult } from '../../../../shared/pii/erasure.js';
import { erased, erasePersonalData } from '../../api/erasure.js';
import { Select, TextArea, TextField } from '../../components/fields.js';
import { createFormState, FormErrors } from '../../components/form-state.js';
import { NotificationBanner } from '../../components/notification-banner.js';
import { Page } from '../../components/page.js';
import { WarningText } from '../../components/warning-text.js';

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
  const [done, setDone] = createSignal<ErasureResult | null>(null);
  const form = createFormState();
  const set = (f: Field) => (v: string) => setValues({ ...values(), [f]: v });
  const error = (f: Field) => form.err(f);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const parsed = EraseRequest.safeParse(values());
    if (!parsed.success) {
      // One message per field, in the form's order.
      return form.setErrors(
        FIELDS.flatMap((f) =>
          parsed.error.issues
            .filter((i) => i.path[0] === f)
            .slice(0, 1)
            .map((i) => ({ field: f, message: i.message })),
        ),
      );
    }
    await form.save(
      async () => {
        setDone(await erasePersonalData(parsed.data));
        void erased(parsed.data.entityType);
        setValues({ ...values(), text: '', reason: '' });
      },
      { field: (path) => FIELDS.find((f) => f === path), fallback: 'The text could not be erased. Try again.' },
    );
  };

  return (
    <Page title="Erase personal data" caption="Programme set-up" hasErrors={form.errors().length > 0}>
      <FormErrors errors={form.errors()} />
      <Show when={done()}>
        {(r) => (
          <NotificationBanner type="success" title="Done">
            <p class="govuk-notification-banner__heading">
              The text was removed from {r().entityType} {r().entityId}: {r().recordReplacements} {r().recordReplacements === 1 ? 'place' : 'places'} in the record and its earlier
              versions, and {r().auditEvents} {r().auditEvents === 1 ? 'entry' : 'entries'} in its history.
            </p>
          </NotificationBanner>
        )}
      </Show>
      <p class="govuk-body">
        Use this when personal data about a child or family was saved by mistake. The text is replaced by [removed] everywhere it was stored. The history records that you erased
        something, from which field and why, but never the text.
      </p>
      <WarningText lines={['Erasing cannot be undone.']} />
      <form onSubmit={submit} novalidate class="app-form">
        <Select
          id="entityType"
          label="Type of record"
          error={error('entityType')}
          value={values().entityType}
          onChange={set('entityType')}
          options={ERASABLE_ENTITIES.map((t) => ({ value: t, label: ERASABLE_ENTITY_LABELS[t] }))}
        />
        <TextField id="entityId" label="Record" hint={HINTS.entityId} error={error('entityId')} spellcheck={false} value={values().entityId} onInput={set('entityId')} />
        <TextField id="field" label="Field" hint={HINTS.field} error={error('field')} spellcheck={false} value={values().field} onInput={set('field')} />
        <TextArea id="text" label="Text to remove" hint={HINTS.text} error={error('text')} rows={3} value={values().text} onInput={set('text')} />
        <TextArea id="reason" label="Why it is being erased" hint={HINTS.reason} error={error('reason')} rows={3} value={values().reason} onInput={set('reason')} />
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button govuk-button--warning" disabled={form.busy()}>
            Erase the text
          </button>
          <A href="/programme" class="govuk-link">
            Back to programme set-up
          </A>
        </div>
      </form>
    </Page>
  );
}
