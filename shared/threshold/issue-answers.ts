import { IssueVersionRequest, versionIdFor } from './schema.js';

/*
 * The lead's answers on the threshold document's issue form, kept while they move between the
 * form and the check page, and checked with the API's own schema before that page: plain-English
 * messages in the form's order. A PDF to upload is known by its name, size and type (what the
 * browser's File gives).
 */

/** What the check needs to know of a file chosen to upload. */
export interface ChosenFile {
  name: string;
  size: number;
  type: string;
}

export interface IssueAnswers<F extends ChosenFile = ChosenFile> {
  title: string;
  versionLabel: string;
  summaryOfChanges: string;
  effectiveFrom: string;
  format: 'markdown' | 'pdf';
  content: string;
  file: F | null;
}

export type IssueField = 'title' | 'versionLabel' | 'summaryOfChanges' | 'effectiveFrom' | 'format' | 'content' | 'file';
export const FIELD_ORDER: IssueField[] = ['title', 'versionLabel', 'summaryOfChanges', 'effectiveFrom', 'format', 'content', 'file'];
export const MAX_PDF_BYTES = 4 * 1024 * 1024;

export const emptyAnswers = <F extends ChosenFile = ChosenFile>(): IssueAnswers<F> => ({
  title: '',
  versionLabel: '',
  summaryOfChanges: '',
  effectiveFrom: '',
  format: 'markdown',
  content: '',
  file: null,
});

/** The field that holds the document: the text, or the PDF chosen. */
export const documentField = (a: IssueAnswers): IssueField => (a.format === 'pdf' ? 'file' : 'content');

/** Plain-English messages for what the shared IssueVersionRequest schema rejects. */
function messageFor(field: IssueField, values: Record<string, string>): string {
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

/** One answer to put right, and how. */
export interface IssueProblem {
  field: IssueField;
  message: string;
}

/** The request to send, or what to put right, in the order of the form. `issued` are the labels used already. */
export function checkAnswers(a: IssueAnswers, issued: readonly string[]): { request: IssueVersionRequest | null; errors: IssueProblem[] } {
  const values = {
    title: a.title,
    versionLabel: a.versionLabel,
    summaryOfChanges: a.summaryOfChanges,
    effectiveFrom: a.effectiveFrom,
    content: a.format === 'pdf' ? '-' : a.content,
  };
  const parsed = IssueVersionRequest.safeParse(values);
  const bad = new Set<IssueField>(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0]) as IssueField));
  const errors: IssueProblem[] = FIELD_ORDER.filter((f) => bad.has(f)).map((f) => ({ field: f, message: messageFor(f, values) }));
  // Labels that make the same version id clash on the server: say so before the check page.
  if (!bad.has('versionLabel') && issued.some((l) => versionIdFor(l) === versionIdFor(a.versionLabel))) {
    errors.splice(errors.filter((e) => FIELD_ORDER.indexOf(e.field) < 1).length, 0, {
      field: 'versionLabel',
      message: `Version ${a.versionLabel.trim()} has already been issued. Use a new version label`,
    });
  }
  if (a.format === 'pdf') {
    const f = a.file;
    if (!f) errors.push({ field: 'file', message: 'Choose the PDF of the document' });
    else if (f.size > MAX_PDF_BYTES) errors.push({ field: 'file', message: 'The PDF must be smaller than 4 MB' });
    else if (!/\.pdf$/i.test(f.name) && f.type !== 'application/pdf') errors.push({ field: 'file', message: 'The file must be a PDF' });
  }
  return { request: errors.length || !parsed.success ? null : parsed.data, errors };
}
