import { Show } from 'solid-js';
import type { ThresholdVersion } from '../../../../shared/threshold/schema.js';
import type { SummaryError } from '../../components/error-summary.js';
import { WarningText } from '../../components/warning-text.js';
import { Page } from '../../components/page.js';
import { ChangeLink, CheckAnswers, type ChangeAction, type CheckAnswer } from '../../components/summary-list.js';
import { DocumentChanges } from '../../components/document-changes.js';
import { formatDate } from '../../components/format.js';
import type { CompareWith } from '../../../../shared/threshold/issue-words.js';
import { documentField, type IssueAnswers, type IssueField } from './issue-answers.js';
import { Form } from '../../components/form.js';

const size = (n: number) => `${Math.max(1, Math.round(n / 1024)).toLocaleString('en-GB')} KB`;

/** The check answers step: every answer with a Change link, what changed, then the irreversible issue. */
export function IssueCheck(props: {
  answers: IssueAnswers;
  previous: ThresholdVersion | undefined;
  compareWith: CompareWith;
  errors: SummaryError[];
  busy: boolean;
  onChange: (field: IssueField) => void;
  onBack: () => void;
  onIssue: () => void;
}) {
  const a = () => props.answers;
  /** Back to the form at the answer; the hidden words say which answer. */
  const change = (field: IssueField, what: string, visible?: boolean): ChangeAction => ({ what, href: `#${field}`, onClick: () => props.onChange(field), visible });
  const answers = (): CheckAnswer[] => [
    { key: 'Title', value: a().title.trim(), change: change('title', 'title') },
    { key: 'Version label', value: a().versionLabel.trim(), change: change('versionLabel', 'version label') },
    { key: 'Effective from', value: formatDate(a().effectiveFrom), change: change('effectiveFrom', 'effective date') },
    { key: 'Summary of changes', value: <span class="app-prewrap">{a().summaryOfChanges.trim()}</span>, change: change('summaryOfChanges', 'summary of changes') },
    {
      key: 'The document',
      value:
        a().format === 'pdf' ? `PDF: ${a().file?.name ?? ''} (${size(a().file?.size ?? 0)})` : `Typed in the portal (${a().content.length.toLocaleString('en-GB')} characters)`,
      change: change(documentField(a()), 'the document'),
    },
  ];
  return (
    <Page
      title="Check your answers before issuing"
      caption="Threshold document"
      errors={props.errors}
      backLink={{ href: '/threshold/issue', text: 'Back', onClick: () => props.onBack() }}
    >
      <CheckAnswers answers={answers()} testId="check-answers" />
      <Show when={props.previous}>
        {(p) => (
          <>
            <DocumentChanges
              id="changes"
              fromLabel={p().versionLabel}
              before={a().format === 'pdf' ? null : props.compareWith.text}
              after={a().format === 'pdf' ? null : a().content}
              unavailable={
                a().format === 'pdf'
                  ? `You are issuing a PDF, so the portal cannot compare it with ${p().versionLabel}. Make sure the summary of changes says what changed.`
                  : props.compareWith.unavailable
              }
              loading={props.compareWith.loading}
            />
            <p class="govuk-body">
              <ChangeLink {...change(documentField(a()), 'the document', true)} />
            </p>
          </>
        )}
      </Show>
      <h2 class="govuk-heading-m">Now issue {a().versionLabel.trim()}</h2>
      <div data-testid="issue-warning">
        <WarningText
          lines={[
            props.previous
              ? 'Issuing cannot be undone: the current version will be superseded and every signatory asked to decide again.'
              : 'Issuing cannot be undone: every signatory will be asked to approve it or request changes.',
          ]}
        />
      </div>
      <Form onSubmit={() => props.onIssue()} submit={props.busy ? 'Issuing…' : 'Issue version'} busy={props.busy} cancelHref="/threshold" />
    </Page>
  );
}
