import { createSignal, onMount, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import type { SummaryError } from '../../components/error-summary.js';
import { FormErrors } from '../../components/form-state.js';
import { Loading } from '../../components/loading.js';
import { Page } from '../../components/page.js';
import { DateInput } from '../../components/date-input.js';
import { Details } from '../../components/details.js';
import { FileUpload } from '../../components/file-upload.js';
import { Choices, errorFor, focusField, TextArea, TextField } from '../../components/fields.js';
import type { IssueAnswers } from './issue-answers.js';
import { Markdown } from '../../components/markdown.js';
import { SubmitOrCancel } from '../../components/button-group.js';

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
      <FormErrors errors={props.errors} />
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
          <Show
            when={props.answers.format === 'markdown'}
            fallback={
              <FileUpload
                id="file"
                label="PDF of the document"
                accept="application/pdf,.pdf"
                chosen={props.answers.file?.name}
                error={err('file')}
                onChange={(f) => props.set('file', f)}
              />
            }
          >
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
              <Details summary="Preview the document" open={preview()} onToggle={setPreview}>
                <Show when={preview()}>
                  <Markdown source={props.answers.content} headingOffset={2} class="app-document" />
                </Show>
              </Details>
            </Show>
          </Show>
          <SubmitOrCancel label="Continue" cancelHref="/threshold" />
        </form>
      </Show>
    </Page>
  );
}
