import { createSignal, onMount, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.js';
import { Loading } from '../../components/loading.js';
import { Page } from '../../components/page.js';
import { DateInput } from '../../components/date-input.js';
import { Choices, errorFor, focusField, TextArea, TextField } from '../../components/fields.js';
import type { IssueAnswers } from './issue-answers.js';
import { Markdown } from '../../components/markdown.js';
import { SubmitOrCancel } from './page-parts.js';

/** The file input, which cannot show a file chosen before: the name of the one kept is its hint. */
function PdfField(props: { answers: IssueAnswers; set: SetStoreFunction<IssueAnswers>; error?: string }) {
  const describedBy = () => [props.answers.file ? 'file-hint' : '', props.error ? 'file-error' : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!props.error }}>
      <label class="govuk-label govuk-label--s" for="file">
        PDF of the document
      </label>
      <Show when={props.answers.file}>
        {(f) => (
          <div id="file-hint" class="govuk-hint">
            You chose {f().name}. Choose another file to replace it.
          </div>
        )}
      </Show>
      <Show when={props.error}>
        <p id="file-error" class="govuk-error-message">
          <span class="govuk-visually-hidden">Error:</span> {props.error}
        </p>
      </Show>
      <input
        class="govuk-file-upload"
        id="file"
        name="file"
        type="file"
        accept="application/pdf,.pdf"
        aria-describedby={describedBy()}
        onChange={(e) => props.set('file', e.currentTarget.files?.[0] ?? null)}
      />
    </div>
  );
}

/**
 * The issue form: pre-filled from the current version by the page. `focus` is the field a Change link
 * on the check page came back for.
 */
export function IssueForm(props: {
  answers: IssueAnswers;
  set: SetStoreFunction<IssueAnswers>;
  errors: SummaryError[];
  intro: string;
  startingPoint: string | null;
  labelHint: string;
  focus?: string | undefined;
  /** False until the current version has loaded, so the pre-filled answers never land under typing. */
  ready: boolean;
  onContinue: () => void;
}) {
  const [preview, setPreview] = createSignal(false);
  const err = (f: string) => errorFor(props.errors, f);
  // After the page has put focus on its h1, so a Change link lands on the answer to change.
  onMount(() => {
    const id = props.focus;
    if (id) setTimeout(() => focusField(id), 0);
  });
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    props.onContinue();
  };
  return (
    <Page title="Issue a new version" caption="Threshold document" hasErrors={props.errors.length > 0}>
      <Show when={props.errors.length}>
        <ErrorSummary errors={props.errors} />
      </Show>
      <p class="govuk-body">{props.intro}</p>
      <Show when={props.ready} fallback={<Loading label="Loading the current version" />}>
        <Show when={props.startingPoint}>
          {(text) => (
            <div class="govuk-inset-text" data-testid="starting-point">
              <p class="govuk-body">{text()}</p>
            </div>
          )}
        </Show>
        <form onSubmit={submit} novalidate class="app-form">
          <TextField id="title" label="Title" error={err('title')} value={props.answers.title} onInput={(v) => props.set('title', v)} />
          <TextField
            id="versionLabel"
            label="Version label"
            hint={props.labelHint}
            error={err('versionLabel')}
            value={props.answers.versionLabel}
            onInput={(v) => props.set('versionLabel', v)}
            width="short"
          />
          <TextArea
            id="summaryOfChanges"
            label="Summary of changes"
            hint="What has changed since the last version, in plain English. Partners read this before the document."
            error={err('summaryOfChanges')}
            value={props.answers.summaryOfChanges}
            onInput={(v) => props.set('summaryOfChanges', v)}
            rows={4}
          />
          <DateInput
            id="effectiveFrom"
            legend="Effective from"
            hint="The date practitioners start using this version. For example, 1 4 2026"
            error={err('effectiveFrom')}
            value={props.answers.effectiveFrom}
            onChange={(v) => props.set('effectiveFrom', v)}
          />
          <Choices
            type="radio"
            id="format"
            legend="How will you provide the document?"
            options={[
              { value: 'markdown', label: 'Type or paste it here', hint: 'Partners read it in the portal. Use # for headings, - for bullet points and **bold**.' },
              { value: 'pdf', label: 'Upload a PDF', hint: 'Up to 4 MB.' },
            ]}
            selected={[props.answers.format]}
            onChange={(s) => props.set('format', s[0] === 'pdf' ? 'pdf' : 'markdown')}
          />
          <Show when={props.answers.format === 'markdown'} fallback={<PdfField answers={props.answers} set={props.set} error={err('file')} />}>
            <TextArea
              id="content"
              label="The document"
              hint="The whole document. Its SHA-256 hash is worked out when you issue it, and partners sign against that hash."
              error={err('content')}
              value={props.answers.content}
              onInput={(v) => props.set('content', v)}
              rows={16}
              mono
            />
            <Show when={props.answers.content.trim()}>
              <details class="govuk-details" open={preview()} onToggle={(e) => setPreview(e.currentTarget.open)}>
                <summary class="govuk-details__summary">
                  <span class="govuk-details__summary-text">Preview the document</span>
                </summary>
                <div class="govuk-details__text">
                  <Show when={preview()}>
                    <Markdown source={props.answers.content} headingOffset={2} class="app-document" />
                  </Show>
                </div>
              </details>
            </Show>
          </Show>
          <SubmitOrCancel label="Continue" />
        </form>
      </Show>
    </Page>
  );
}
