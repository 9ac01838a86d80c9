import { checkAnswers as checkIssueAnswers, emptyAnswers as noAnswers, type IssueAnswers as Answers } from '../../../../shared/threshold/issue-answers.js';
import { dateError } from '../../components/date-input.js';

export { documentField, FIELD_ORDER, type IssueField } from '../../../../shared/threshold/issue-answers.js';

/** What the lead answers on the issue form (shared/threshold/issue-answers.ts), with the PDF chosen in the browser. */
export type IssueAnswers = Answers<File>;

export const emptyAnswers = (): IssueAnswers => noAnswers();

/** The shared check, with GOV.UK's words for an effective date that is not a real date ("Effective date must include a month"). */
export function checkAnswers(a: IssueAnswers, issued: readonly string[]) {
  const { request, errors } = checkIssueAnswers(a, issued);
  return { request, errors: errors.map((e) => (e.field === 'effectiveFrom' ? { ...e, message: dateError(a.effectiveFrom.trim(), 'Effective date') ?? e.message } : e)) };
}
