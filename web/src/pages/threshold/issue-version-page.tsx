import { A, useNavigate } from '@solidjs/router';
import { createEffect, createResource, createSignal, Show, untrack } from 'solid-js';
import { IssueVersionRequest } from '../../../../shared/threshold/schema.js';
import { ApiError } from '../../api/client.js';
import { getThresholdConfig, issueVersion, listVersions, uploadVersion } from '../../api/threshold.js';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.js';
import { Loading } from '../../components/loading.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import { setThresholdFlash } from './flash.js';
import { Choices, errorFor, fieldOfPath, TextArea, TextField } from './form-fields.js';
import { Markdown } from './markdown.js';
import './threshold.css';

type Field = 'title' | 'versionLabel' | 'summaryOfChanges' | 'effectiveFrom' | 'content' | 'file' | 'format';
const ORDER: Field[] = ['title', 'versionLabel', 'summaryOfChanges', 'effectiveFrom', 'format', 'content', 'file'];
const MAX_PDF_BYTES = 4 * 1024 * 1024;
/** First load only: a refetch after a 412 keeps the form (and what was typed) on screen. */
const loaded = (state: string) => state !== 'unresolved' && state !== 'pending';

/** Plain-English messages for what the shared IssueVersionRequest schema rejects. */
function messageFor(field: Field, values: Record<string, string>): string {
  const v = (values[field] ?? '').trim();
  switch (field) {
    case 'title':
      return v ? 'Title must be 200 characters or fewer' : 'Enter the title of the document';
    case 'versionLabel':
      return v ? 'Version label must be 20 characters or fewer and use letters, numbers, dots and hyphens, like v4.0' : 'Enter a version label, like v4.0';
    case 'summaryOfChanges':
      return v ? 'Summary of changes must be 4,000 characters or fewer' : 'Summarise what has changed since the last version';
    case 'effectiveFrom':
      return v ? 'Effective date must be a real date' : 'Enter the date the version takes effect';
    case 'content':
      return values.content ? 'The document must be 200,000 characters or fewer' : 'Enter the document, or choose to upload a PDF instead';
    default:
      return 'Check this answer';
  }
}

/** /threshold/issue: the lead issues a new version (markdown typed here, or an uploaded PDF). */
export default function IssueVersionPage() {
  const app = useApp();
  const navigate = useNavigate();
  const [versions, { refetch: refetchVersions }] = createResource(listVersions);
  // Issuing is guarded by the configuration's ETag (the current version and who signs, as shown here).
  const [config, { refetch: refetchConfig }] = createResource(getThresholdConfig);
  const [title, setTitle] = createSignal('');
  const [label, setLabel] = createSignal('');
  const [summary, setSummary] = createSignal('');
  const [effective, setEffective] = createSignal('');
  const [format, setFormat] = createSignal<'markdown' | 'pdf'>('markdown');
  const [content, setContent] = createSignal('');
  const [file, setFile] = createSignal<File | null>(null);
  const [preview, setPreview] = createSignal(false);
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const [busy, setBusy] = createSignal(false);
  const err = (f: Field) => errorFor(errors(), f);
  const previous = () => versions()?.[0];
  const [touchedTitle, setTouchedTitle] = createSignal(false);
  // Prefill the title from the current version: most new versions keep it.
  createEffect(() => {
    const p = previous();
    if (p && !untrack(touchedTitle)) setTitle(p.title);
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    const values = { title: title(), versionLabel: label(), summaryOfChanges: summary(), effectiveFrom: effective(), content: format() === 'pdf' ? '-' : content() };
    const parsed = IssueVersionRequest.safeParse(values);
    const bad = new Set<Field>(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0]) as Field));
    const list: SummaryError[] = ORDER.filter((f) => bad.has(f)).map((f) => ({ field: f, message: messageFor(f, values) }));
    if (format() === 'pdf') {
      const f = file();
      if (!f) list.push({ field: 'file', message: 'Choose the PDF of the document' });
      else if (f.size > MAX_PDF_BYTES) list.push({ field: 'file', message: 'The PDF must be smaller than 4 MB' });
      else if (!/\.pdf$/i.test(f.name) && f.type !== 'application/pdf') list.push({ field: 'file', message: 'The file must be a PDF' });
    }
    if (list.length || !parsed.success) {
      setErrors(list);
      return;
    }
    setBusy(true);
    try {
      const { content: _c, ...fields } = parsed.data;
      const etag = config()?.etag;
      const v = format() === 'pdf' ? await uploadVersion(fields, file()!, etag) : await issueVersion(parsed.data, etag);
      setThresholdFlash(`${v.title} ${v.versionLabel} has been issued. The statutory partners' signatories can now approve it or request changes.`);
      navigate('/threshold');
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        // Someone issued a version or changed who signs since this page loaded: show the new state.
        setErrors([{ message: 'The threshold document changed while you were filling in this form: another version was issued, or the agencies that sign were changed. Check the current version below, then issue yours again.' }]);
        void refetchVersions();
        void refetchConfig();
      } else if (error instanceof ApiError && error.errors.length) {
        setErrors(error.errors.map((fe) => {
          const f = fieldOfPath(fe.path);
          return ORDER.includes(f as Field) ? { field: f, message: fe.message } : { message: fe.message };
        }));
      } else {
        const message = error instanceof ApiError ? error.detail : 'The version could not be issued. Try again.';
        // 409: that label has been issued already.
        setErrors([error instanceof ApiError && error.status === 409 ? { field: 'versionLabel', message } : { message }]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Show
      when={app.me()?.role === 'lead'}
      fallback={
        <Page title="You cannot issue threshold document versions">
          <p class="govuk-body">Only the programme lead issues new versions of the threshold document.</p>
          <p class="govuk-body">
            <A href="/threshold" class="govuk-link">
              Back to the threshold document
            </A>
          </p>
        </Page>
      }
    >
      <Page title="Issue a new version" caption="Threshold document" hasErrors={errors().length > 0}>
        <Show when={errors().length}>
          <ErrorSummary errors={errors()} />
        </Show>
        <p class="govuk-body">
          Once issued, a version cannot be changed. It replaces the current version
          <Show when={previous()}>{(p) => <> ({p().versionLabel})</>}</Show>, whose open sign-offs stop, and each statutory partner's signatory is asked to approve it.
        </p>
        {/* The form waits for the current version, so the pre-filled title never lands under someone's typing. */}
        <Show when={loaded(versions.state) && loaded(config.state)} fallback={<Loading label="Loading the current version" />}>
        <form onSubmit={submit} novalidate class="app-form">
          <TextField
            id="title"
            label="Title"
            error={err('title')}
            value={title()}
            onInput={(v) => {
              setTouchedTitle(true);
              setTitle(v);
            }}
          />
          <TextField id="versionLabel" label="Version label" hint={<>For example, v4.0. Each version needs a new label{previous() ? `; the current one is ${previous()!.versionLabel}` : ''}.</>} error={err('versionLabel')} value={label()} onInput={setLabel} width="short" />
          <TextArea id="summaryOfChanges" label="Summary of changes" hint="What has changed since the last version, in plain English. Partners read this before the document." error={err('summaryOfChanges')} value={summary()} onInput={setSummary} rows={4} />
          <TextField id="effectiveFrom" label="Effective from" hint="The date practitioners start using this version." type="date" error={err('effectiveFrom')} value={effective()} onInput={setEffective} width="medium" />
          <Choices
            type="radio"
            id="format"
            legend="How will you provide the document?"
            options={[
              { value: 'markdown', label: 'Type or paste it here', hint: 'Partners read it in the portal. Use # for headings, - for bullet points and **bold**.' },
              { value: 'pdf', label: 'Upload a PDF', hint: 'Up to 4 MB.' },
            ]}
            selected={[format()]}
            onChange={(s) => setFormat(s[0] === 'pdf' ? 'pdf' : 'markdown')}
          />
          <Show
            when={format() === 'markdown'}
            fallback={
              <div class="govuk-form-group" classList={{ 'govuk-form-group--error': !!err('file') }}>
                <label class="govuk-label govuk-label--s" for="file">
                  PDF of the document
                </label>
                <Show when={err('file')}>
                  <p id="file-error" class="govuk-error-message">
                    <span class="govuk-visually-hidden">Error:</span> {err('file')}
                  </p>
                </Show>
                <input class="govuk-file-upload" id="file" name="file" type="file" accept="application/pdf,.pdf" aria-describedby={err('file') ? 'file-error' : undefined} onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
              </div>
            }
          >
            <TextArea id="content" label="The document" hint="The whole document. Its SHA-256 hash is worked out when you issue it, and partners sign against that hash." error={err('content')} value={content()} onInput={setContent} rows={16} mono />
            <Show when={content().trim()}>
              <details class="govuk-details" open={preview()} onToggle={(e) => setPreview(e.currentTarget.open)}>
                <summary class="govuk-details__summary">
                  <span class="govuk-details__summary-text">Preview the document</span>
                </summary>
                <div class="govuk-details__text">
                  <Show when={preview()}>
                    <Markdown source={content()} headingOffset={2} class="app-document" />
                  </Show>
                </div>
              </details>
            </Show>
          </Show>
          <div class="govuk-button-group">
            <button type="submit" class="govuk-button" disabled={busy()}>
              {busy() ? 'Issuing…' : 'Issue this version'}
            </button>
            <A href="/threshold" class="govuk-link">
              Cancel
            </A>
          </div>
        </form>
        </Show>
      </Page>
    </Show>
  );
}
