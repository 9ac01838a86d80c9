import { createSignal, onMount, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import type { SummaryError } from '../../components/error-summary.js';
import { Loading } from '../../components/loading.js';
import { Page } from '../../components/page.js';
import { DateInput } from '../../components/date-input.js';
import { Details } from '../../components/details.js';
import { FileUpload } from '../../components/file-upload.js';
import { errorFor, focusField, Radios, TextArea, TextField } from '../../components/fields.js';
import type { IssueAnswers } from './issue-answers.js';
import { Markdown } from '../../components/markdown.js';
import { InsetText } from '../../components/inset-text.js';
import { Form } from '../../components/form.js';
import { storeFields } from '../../components/store-fields.js';

const FORMAT_OPTIONS = [
  { value: 'markdown', label: 'Type or paste it here', hint: 'Partners read it in the portal. Use # for headings, - for bullet points and **bold**.' },
  { value: 'pdf', label: 'Upload a PDF', hint: 'Up to 4 MB.' },
];

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
  const { text, choice } = storeFields({ values: props.answers, set: props.set, err });
  // After the page has put focus on its h1, so a Change link lands on the answer to change.
  onMount(() => {
    const id = props.focus;
    if (id) setTimeout(() => focusField(id), 0);
  });
  return (
    <Page title="Issue a new version" caption="Threshold document" errors={props.errors}>
      <p class="govuk-body">{props.intro}</p>
      <Show when={props.ready} fallback={<Loading label="Loading the current version" />}>
        <Show when={props.startingPoint}>{(text) => <InsetText testId="starting-point">{text()}</InsetText>}</Show>
        <Form onSubmit={() => props.onContinue()} submit="Continue" cancelHref="/threshold">
          <TextField {...text('title')} label="Title" />
          <TextField {...text('versionLabel')} label="Version label" hint={props.labelHint} width="short" />
          <TextArea
            {...text('summaryOfChanges')}
            label="Summary of changes"
            hint="What has changed since the last version, in plain English. Partners read this before the document."
            rows={4}
          />
          <DateInput {...choice('effectiveFrom')} legend="Effective from" hint="The date practitioners start using this version. For example, 1 4 2026" />
          <Radios {...choice('format')} legend="How will you provide the document?" options={FORMAT_OPTIONS} />
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
              {...text('content')}
              label="The document"
              hint="The whole document. Its SHA-256 hash is worked out when you issue it, and partners sign against that hash."
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
        </Form>
      </Show>
    </Page>
  );
}
