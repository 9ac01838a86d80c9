import { describe, expect, it } from 'vitest';
import { checkAnswers, documentField, emptyAnswers, MAX_PDF_BYTES, type IssueAnswers } from './issue-answers.js';

const filled = (over: Partial<IssueAnswers> = {}): IssueAnswers => ({
  ...emptyAnswers(),
  title: 'Multi-agency threshold document',
  versionLabel: 'v4.0',
  summaryOfChanges: 'Level 3 examples rewritten.',
  effectiveFrom: '2026-04-01',
  content: '# Levels of need',
  ...over,
});
const pdf = (name: string, size: number, type = 'application/pdf') => ({ name, size, type });

describe('checking the answers before the lead issues a threshold document version', () => {
  it('when every answer is given, the request is the API’s, trimmed', () => {
    const { request, errors } = checkAnswers(filled({ title: '  Multi-agency threshold document ' }), ['v3.0']);
    expect(errors).toEqual([]);
    expect(request).toEqual({
      title: 'Multi-agency threshold document',
      versionLabel: 'v4.0',
      summaryOfChanges: 'Level 3 examples rewritten.',
      effectiveFrom: '2026-04-01',
      content: '# Levels of need',
    });
  });

  it('when nothing is answered, each answer is asked for in plain English, in the order of the form', () => {
    const { request, errors } = checkAnswers(emptyAnswers(), []);
    expect(request).toBeNull();
    expect(errors).toEqual([
      { field: 'title', message: 'Enter the title of the document' },
      { field: 'versionLabel', message: 'Enter a version label, like v4.0' },
      { field: 'summaryOfChanges', message: 'Summarise what has changed since the last version' },
      { field: 'effectiveFrom', message: 'Enter the date the version takes effect' },
      { field: 'content', message: 'Enter the document, or choose to upload a PDF instead' },
    ]);
  });

  it('when an answer is there but wrong, the message says what is wrong with it', () => {
    const { errors } = checkAnswers(filled({ title: 'x'.repeat(201), versionLabel: 'v4.0 (draft)', effectiveFrom: '2026-02-31' }), []);
    expect(errors).toEqual([
      { field: 'title', message: 'Title must be 200 characters or fewer' },
      { field: 'versionLabel', message: 'Version label must be 20 characters or fewer and use letters, numbers, dots and hyphens, like v4.0' },
      { field: 'effectiveFrom', message: 'Effective date must be a real date' },
    ]);
  });

  it('when the label has been issued already, even spelt differently, it is refused before the check page, after the title', () => {
    const { request, errors } = checkAnswers(filled({ title: '', versionLabel: 'V4-0' }), ['v3.0', 'v4.0']);
    expect(request).toBeNull();
    expect(errors).toEqual([
      { field: 'title', message: 'Enter the title of the document' },
      { field: 'versionLabel', message: 'Version V4-0 has already been issued. Use a new version label' },
    ]);
  });

  it('when the document is a PDF, it must be chosen, smaller than 4 MB and a PDF; the text is not asked for', () => {
    const asPdf = (file: IssueAnswers['file']) => checkAnswers(filled({ format: 'pdf', content: '', file }), []).errors;
    expect(asPdf(null)).toEqual([{ field: 'file', message: 'Choose the PDF of the document' }]);
    expect(asPdf(pdf('threshold.pdf', MAX_PDF_BYTES + 1))).toEqual([{ field: 'file', message: 'The PDF must be smaller than 4 MB' }]);
    expect(asPdf(pdf('threshold.docx', 1000, 'application/msword'))).toEqual([{ field: 'file', message: 'The file must be a PDF' }]);
    expect(asPdf(pdf('threshold.PDF', 1000, ''))).toEqual([]);
    expect(checkAnswers(filled({ format: 'pdf', file: pdf('threshold', 1000) }), []).request?.content).toBe('-');
  });

  it('when the lead goes back to change the document, the answer to change is the text or the PDF', () => {
    expect(documentField(filled())).toBe('content');
    expect(documentField(filled({ format: 'pdf' }))).toBe('file');
  });
});
