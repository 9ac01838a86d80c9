import type { ReturnStatus } from '../../../../shared/returns/schema.js';
import type { SummaryError } from '../../components/error-summary.js';

/*
 * Certification of a return inside the agency, in words: who can certify it (by name), what the
 * check-answers page says when the return goes to a signatory first instead of to the lead, and
 * what stops a signatory's decision being sent (the server's SendBackRequest rules, in the page's words).
 */

/** "A", "A or B", "A, B or C". */
export const orList = (names: readonly string[]) => (names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`);

/** Said when no one at the agency can certify the return: what to do about it. */
export const NO_CERTIFIER = 'Nobody else at your agency can certify it yet. Ask your agency administrator or the programme lead to make another person a signatory.';

/** Under "Awaiting certification": who can certify it ("Morgan Reid can certify it."), or what to do when no one can. */
export function whoCanCertify(certifiers: readonly string[] | undefined): string {
  return certifiers?.length ? `${orList(certifiers)} can certify it.` : NO_CERTIFIER;
}

/** "What happens next" after sending a return for certification, naming who will check it. */
export function certifyNextStep(certifiers: readonly string[] | undefined): string {
  return certifiers?.length
    ? `${orList(certifiers)} will check it, then either certify it, which submits it to the programme lead, or send it back to you with comments.`
    : NO_CERTIFIER;
}

/** The words of the check-answers page: submitting to the lead, or sending for certification first. */
export function submitWords(certificationRequired: boolean | undefined) {
  return certificationRequired
    ? {
        title: 'Check your answers before you send your return for certification',
        heading: 'Now send your return for certification',
        declaration:
          "By sending this return for certification you confirm that, to the best of your knowledge, the answers are correct and hold programme information only: no child's or family member's name, date of birth, NHS number or address. It goes to a signatory at your agency to certify before the programme lead sees it.",
        button: 'Send for certification',
        busy: 'Sending…',
        notDone: 'so it was not sent for certification. Reload the page to check the latest answers, then send it again.',
      }
    : {
        title: 'Check your answers before you submit your return',
        heading: 'Now submit your return',
        declaration:
          "By submitting this return you confirm that, to the best of your knowledge, the answers are correct and hold programme information only: no child's or family member's name, date of birth, NHS number or address.",
        button: 'Submit return',
        busy: 'Submitting…',
        notDone: 'so it was not submitted. Reload the page to check the latest answers, then submit again.',
      };
}

/** The link from the task list to the check-answers page. */
export const checkLinkWords = (certificationRequired: boolean | undefined) =>
  certificationRequired ? 'Check your answers and send for certification' : 'Check your answers and submit';

const WHERE_IT_STANDS: Record<ReturnStatus, string> = {
  'not-started': 'it has not been started yet',
  draft: 'it is a draft that has not been sent for certification',
  'awaiting-certification': 'it is waiting for certification',
  returned: 'the programme lead returned it with comments, and it has not been sent for certification again',
  submitted: 'it has been submitted to the programme lead',
  accepted: 'the programme lead has accepted it',
};

/** Why the certify page shows no form: the return is not waiting for certification, and where it stands instead. */
export const notAwaitingWords = (status: ReturnStatus) => `This return is not waiting for certification: ${WHERE_IT_STANDS[status]}.`;

/** The longest comment a certifier can send back (as SendBackRequest allows). */
export const COMMENT_MAX = 2000;

/** What a signatory decides about a return awaiting certification. */
export type CertifyDecision = 'certify' | 'send-back';

/** What stops the decision being sent, as the error summary shows it; empty when nothing does. */
export function decisionErrors(decision: string, comment: string): SummaryError[] {
  if (decision !== 'certify' && decision !== 'send-back') return [{ field: 'decision', message: 'Choose whether to certify the return or send it back' }];
  if (decision === 'certify') return [];
  const text = comment.trim();
  if (!text) return [{ field: 'comment', message: 'Enter what needs changing' }];
  if (text.length > COMMENT_MAX) return [{ field: 'comment', message: 'Comments must be 2,000 characters or fewer' }];
  return [];
}
