import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { ERASABLE_ENTITIES, ERASABLE_ENTITY_LABELS, EraseRequest, type ErasableEntity, type ErasureResult } from '../../../../shared/pii/erasure.js';
import { ApiError } from '../../api/client.js';
import { erasePersonalData } from '../../api/erasure.js';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.js';
import { NotificationBanner } from '../../components/notification-banner.js';
import { Page } from '../../components/page.js';

const FIELDS = ['entityType', 'entityId', 'field', 'text', 'reason'] as const;
type Field = (typeof FIELDS)[number];

const LABELS: Record<Field, { label: string; hint: string }> = {
  entityType: { label: 'Type of record', hint: '' },
  entityId: { label: 'Record', hint: 'As the personal-data scan (npm run pii:scan) or the page address shows it, for example 2026-27-Q3/kent-police.' },
  field: { label: 'Field', hint: 'Where the text is, for example narrative or summary. This is recorded with the erasure.' },
  text: { label: 'Text to remove', hint: 'Copy it exactly as it appears. It is replaced by [removed] in the record, its earlier versions and its history, and is not kept anywhere.' },
  reason: { label: 'Why it is being erased', hint: 'Recorded with the erasure. Do not repeat the personal data here.' },
};

/** `/programme/erase`: the lead erases personal data that slipped through (UK GDPR). */
export default function ErasePage() {
  const [values, setValues] = createSignal<Record<Field, string>>({ entityType: 'return', entityId: '', field: '', text: '', reason: '' });
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const [done, setDone] = createSignal<ErasureResult | null>(null);
  const [busy, setBusy] = createSignal(false);
  const set = (f: Field, v: string) => setValues({ ...values(), [f]: v });
  const errorFor = (f: Field) => errors().find((e) => e.field === f)?.message;

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    const parsed = EraseRequest.safeParse(values());
    if (!parsed.success) {
      setErrors(FIELDS.flatMap((f) => parsed.error.issues.filter((i) => i.path[0] === f).slice(0, 1).map((i) => ({ field: f, message: i.message }))));
      return;
    }
    setBusy(true);
    try {
      setDone(await erasePersonalData(parsed.data));
      setErrors([]);
      setValues({ ...values(), text: '', reason: '' });
    } catch (error) {
      const api = error instanceof ApiError ? error : null;
      setErrors(api?.errors.length ? api.errors.map((fe) => ({ field: FIELDS.includes(fe.path as Field) ? fe.path : undefined, message: fe.message }) as SummaryError) : [{ message: api?.detail ?? 'The text could not be erased. Try again.' }]);
    } finally {
      setBusy(false);
    }
  };

  const input = (f: Exclude<Field, 'entityType'>, multiline = false) => (
    <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!errorFor(f) }}>
      <label class="govuk-label govuk-label--s" for={f}>
        {LABELS[f].label}
      </label>
      <div class="govuk-hint" id={`${f}-hint`}>
        {LABELS[f].hint}
      </div>
      <Show when={errorFor(f)}>
        <p class="govuk-error-message" id={`${f}-error`}>
          <span class="govuk-visually-hidden">Error:</span> {errorFor(f)}
        </p>
      </Show>
      {multiline ? (
        <textarea class="govuk-textarea" id={f} name={f} rows="3" aria-describedby={`${f}-hint${errorFor(f) ? ` ${f}-error` : ''}`} value={values()[f]} onInput={(e) => set(f, e.currentTarget.value)} />
      ) : (
        <input class="govuk-input" id={f} name={f} type="text" spellcheck={false} aria-describedby={`${f}-hint${errorFor(f) ? ` ${f}-error` : ''}`} value={values()[f]} onInput={(e) => set(f, e.currentTarget.value)} />
      )}
    </div>
  );

  return (
    <Page title="Erase personal data" caption="Programme set-up" hasErrors={errors().length > 0}>
      <Show when={errors().length > 0 ? errors() : false} keyed>
        {(list) => <ErrorSummary errors={list} />}
      </Show>
      <Show when={done()}>
        {(r) => (
          <NotificationBanner type="success" title="Done">
            <p class="govuk-notification-banner__heading">
              The text was removed from {r().entityType} {r().entityId}: {r().recordReplacements} {r().recordReplacements === 1 ? 'place' : 'places'} in the record and its earlier versions, and{' '}
              {r().auditEvents} {r().auditEvents === 1 ? 'entry' : 'entries'} in its history.
            </p>
          </NotificationBanner>
        )}
      </Show>
      <p class="govuk-body">
        Use this when personal data about a child or family was saved by mistake. The text is replaced by [removed] everywhere it was stored. The history records that you erased
        something, from which field and why, but never the text.
      </p>
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">Warning</span>
          Erasing cannot be undone.
        </strong>
      </div>
      <form onSubmit={submit} novalidate class="app-form">
        <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!errorFor('entityType') }}>
          <label class="govuk-label govuk-label--s" for="entityType">
            {LABELS.entityType.label}
          </label>
          <select class="govuk-select" id="entityType" name="entityType" value={values().entityType} onChange={(e) => set('entityType', e.currentTarget.value as ErasableEntity)}>
            <For each={ERASABLE_ENTITIES}>{(t) => <option value={t}>{ERASABLE_ENTITY_LABELS[t]}</option>}</For>
          </select>
        </div>
        {input('entityId')}
        {input('field')}
        {input('text', true)}
        {input('reason', true)}
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button govuk-button--warning" disabled={busy()}>
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
